import { type HazardModel, modelOf } from './hazard-model';

/**
 * @internal The pack, calendar and effective policies of a machine built by
 * `createHazardMachine`. Kept for the testing kit's helpers that are handed a machine only;
 * new code calls `createHazardModel(pack, { calendar })` and keeps the model.
 * @deprecated Use `createHazardModel`.
 */
export function runtimeOf(machine: object): Pick<HazardModel, 'pack' | 'calendar' | 'policyOf' | 'policyForSite'> {
  return modelOf(machine);
}
