import type { PolicyPack } from '@hazardflow/core';
import { buildingPack, buildingPackV1_0, buildingPackV1_1 } from '@hazardflow/policy-building';
import { firePack, firePackV1_1, firePackV1_2 } from '@hazardflow/policy-fire';
import { specialEquipmentPack, specialEquipmentPackV1_0 } from '@hazardflow/policy-special-equipment';
import { trafficPack, trafficPackV1_0 } from '@hazardflow/policy-traffic';
import type { ShippedPackName } from './shipped-pack-names';

/** The packs hazardflow ships, by the short name the commands accept in place of a file. */
export const SHIPPED_PACKS: Readonly<Record<ShippedPackName, PolicyPack>> = Object.freeze({
  fire: firePack,
  building: buildingPack,
  traffic: trafficPack,
  'special-equipment': specialEquipmentPack,
});

/**
 * Every shipped pack version a database may still hold cases of: the current ones and the
 * versions they replaced. A store written before an upgrade keeps its cases pinned to the
 * version they were reported under, so the commands that open a database (`migrate`,
 * `ledger`, `repair-deadlines`) must know those versions to read and move them.
 */
export const SHIPPED_PACK_VERSIONS: readonly PolicyPack[] = Object.freeze([
  ...Object.values(SHIPPED_PACKS),
  firePackV1_1,
  firePackV1_2,
  buildingPackV1_0,
  buildingPackV1_1,
  trafficPackV1_0,
  specialEquipmentPackV1_0,
]);
