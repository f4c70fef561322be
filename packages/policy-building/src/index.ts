/**
 * @hazardflow/policy-building — the building-safety policy pack: JGJ 125-2016 grades A–D,
 * business-use self-built houses, structural alterations and home conversions, with the
 * housing bureau, the street and the district safety committee on the escalation ladder.
 *
 * @example
 * ```ts
 * import { createEngine } from '@hazardflow/engine';
 * import { buildingPack } from '@hazardflow/policy-building';
 *
 * const engine = createEngine({ packs: [buildingPack] });
 * buildingPack.categories.find((c) => c.id === 'd-grade')?.imminentDanger; // true: evacuate today
 * ```
 *
 * @packageDocumentation
 */
export { buildingPack } from './building-pack';
