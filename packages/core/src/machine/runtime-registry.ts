import type { MachineRuntime } from './machine-runtime';

const runtimes = new WeakMap<object, MachineRuntime>();

/** Links a machine to its runtime, so helpers can reach the effective policy of a case. */
export function registerRuntime(machine: object, runtime: MachineRuntime): void {
  runtimes.set(machine, runtime);
}

/** The runtime (pack, calendar, effective policies) of a machine built by createHazardMachine. */
export function runtimeOf(machine: object): MachineRuntime {
  const runtime = runtimes.get(machine);
  if (!runtime) throw new TypeError('not a machine built by createHazardMachine');
  return runtime;
}
