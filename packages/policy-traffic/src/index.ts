/**
 * @hazardflow/policy-traffic — the road-traffic policy pack: accident black spots, roadside
 * protection, junctions, signs and work zones, key vehicles overdue for inspection and fog- or
 * ice-prone sections, from the traffic police to the road traffic safety committee.
 *
 * @example
 * ```ts
 * import { createEngine } from '@hazardflow/engine';
 * import { trafficPack } from '@hazardflow/policy-traffic';
 *
 * const engine = createEngine({ packs: [trafficPack] });
 * trafficPack.steps.interimControls; // ['suspend']: road closure or vehicle off the road
 * ```
 *
 * @packageDocumentation
 */
export { trafficPack } from './traffic-pack';
