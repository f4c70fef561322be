/**
 * @hazardflow/policy-special-equipment — the special-equipment policy pack of market supervision
 * (特种设备, 市场监管): lifts, boilers, pressure vessels, gas cylinders and their filling, pressure
 * piping, cranes, passenger ropeways, large amusement rides and in-plant vehicles, graded by
 * GB 45067-2024, with seal and seizure (特种设备安全法 Art. 61) and the bureau's escalation ladder.
 *
 * @example
 * ```ts
 * import { createEngine } from '@hazardflow/engine';
 * import { specialEquipmentPack } from '@hazardflow/policy-special-equipment';
 *
 * const engine = createEngine({ packs: [specialEquipmentPack] });
 * specialEquipmentPack.regulator.id; // 'market-supervision'
 * ```
 *
 * @packageDocumentation
 */
export { specialEquipmentPack } from './special-equipment-pack';
export { specialEquipmentPackV1_0 } from './special-equipment-pack-1-0';
export { type SpecialEquipmentPlaceType, specialEquipmentPlaceTypes } from './special-equipment-place-types';
