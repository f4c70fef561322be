/**
 * @hazardflow/policy-building — the building-safety policy pack: JGJ 125-2016 grades A–D (only C
 * and D are dangerous houses), business-use self-built houses, structural alterations and home
 * conversions, with the housing bureau, the street and the district safety committee on the
 * escalation ladder.
 *
 * @example
 * ```ts
 * import { createEngine } from '@hazardflow/engine';
 * import { buildingPack, buildingPackV1_1 } from '@hazardflow/policy-building';
 *
 * // buildingPackV1_1 only for cases still pinned to building@1.1.0, until they are migrated
 * const engine = createEngine({ packs: [buildingPack, buildingPackV1_1] });
 * buildingPack.categories.find((c) => c.id === 'd-grade')?.imminentDanger; // true: out the same day
 * buildingPack.deadlines.interimControl; // { hours: 12 }
 * ```
 *
 * @packageDocumentation
 */
export { buildingPack } from './building-pack';
export { buildingPackV1_0 } from './building-pack-1-0';
export { buildingPackV1_1 } from './building-pack-1-1';
