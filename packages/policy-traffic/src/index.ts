/**
 * @hazardflow/policy-traffic — the road-traffic policy pack: accident black spots, roadside
 * protection, junctions, signs and work zones, key vehicles overdue for inspection and fog- or
 * ice-prone sections, from the traffic police to the road traffic safety committee.
 *
 * @example
 * ```ts
 * import { createEngine } from '@hazardflow/engine';
 * import { trafficPack, trafficPackV1_0 } from '@hazardflow/policy-traffic';
 *
 * // trafficPackV1_0 only for cases still pinned to traffic@1.0.0, until they are migrated
 * const engine = createEngine({ packs: [trafficPack, trafficPackV1_0] });
 * trafficPack.steps.interimControls; // ['suspend']: road closure or vehicle off the road
 * ```
 *
 * @packageDocumentation
 */
export { trafficPack } from './traffic-pack';
export { trafficPackV1_0 } from './traffic-pack-1-0';
