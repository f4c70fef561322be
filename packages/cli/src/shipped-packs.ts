import type { PolicyPack } from '@hazardflow/core';
import { buildingPack } from '@hazardflow/policy-building';
import { firePack } from '@hazardflow/policy-fire';
import { specialEquipmentPack } from '@hazardflow/policy-special-equipment';
import { trafficPack } from '@hazardflow/policy-traffic';
import type { ShippedPackName } from './shipped-pack-names';

/** The packs hazardflow ships, by the short name the commands accept in place of a file. */
export const SHIPPED_PACKS: Readonly<Record<ShippedPackName, PolicyPack>> = Object.freeze({
  fire: firePack,
  building: buildingPack,
  traffic: trafficPack,
  'special-equipment': specialEquipmentPack,
});
