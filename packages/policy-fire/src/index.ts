/**
 * @hazardflow/policy-fire — the fire-safety policy pack: the nine fire hazard categories,
 * GB 35181-2025 major-hazard rules, 《消防监督检查规定》 deadlines and the escalation ladder
 * from the street office to the district safety committee.
 *
 * @example
 * ```ts
 * import { createEngine } from '@hazardflow/engine';
 * import { firePack } from '@hazardflow/policy-fire';
 *
 * const engine = createEngine({ packs: [firePack] });
 * firePack.categories.map((c) => c.name.en); // ['Escape routes or exits blocked or locked', …]
 * ```
 *
 * @packageDocumentation
 */
export { firePack } from './fire-pack';
