/**
 * @hazardflow/policy-fire — the fire-safety policy pack: the nine fire hazard categories,
 * GB 35181-2025 major-hazard rules, 《消防监督检查规定》 deadlines, re-inspection and
 * temporary-seal list, and the escalation ladder from the street office to the district safety
 * committee.
 *
 * @example
 * ```ts
 * import { createEngine } from '@hazardflow/engine';
 * import { firePack, firePackV1_2 } from '@hazardflow/policy-fire';
 *
 * // firePackV1_2 only for cases still pinned to fire@1.2.0, until they are migrated
 * const engine = createEngine({ packs: [firePack, firePackV1_2] });
 * firePack.categories.map((c) => c.name.en); // ['Escape routes or exits blocked or locked', …]
 * firePack.permissions.VERIFY; // ['regulator']: the fire authority re-inspects its own orders
 * ```
 *
 * @packageDocumentation
 */
export { firePack } from './fire-pack';
export { firePackV1_1 } from './fire-pack-1-1';
export { firePackV1_2 } from './fire-pack-1-2';
