import type { PolicyPack } from '../pack/schema';
import type { HazardMachine } from './build-hazard-machine';
import { createHazardModel, type HazardModelOptions } from './hazard-model';

export type HazardMachineOptions = HazardModelOptions;

/**
 * Builds the hazard statechart for a validated policy pack: a plain XState v5 machine with
 * three parallel regions besides the lifecycle (escalation, extension, interim control).
 * The plain-XState entry point: `createHazardModel(pack, options).machine`, cached the same
 * way per pack object and calendar, so calling this again is free.
 *
 * Long-lived deadlines need the engine: a standalone actor keeps its timers in memory only.
 */
export function createHazardMachine(pack: PolicyPack, options: HazardMachineOptions = {}): HazardMachine {
  return createHazardModel(pack, options).machine;
}

export type { HazardMachine } from './build-hazard-machine';
