import {
  type CommandEvent,
  createHazardMachine,
  defaultCalendarFor,
  type HazardCommand,
  type HazardMachine,
} from '@hazardflow/core';
import {
  computeInitial,
  computeTransition,
  createEngine,
  createManualClock,
  createMemoryStore,
  type Engine,
  type HazardStore,
} from '@hazardflow/engine';
import { type AnyActorRef, createActor, initialTransition, transition } from 'xstate';
import { actors, lifecycleSteps, machineInputOf, pack, reportOf, START, STEP_MS } from './lifecycle';

/** Runs the i-th case of the lifecycle stream to its close; i only ever grows. */
export type CaseRunner = (i: number) => unknown;

/** The machine every contender runs: the one the engine builds for the fire pack. */
export function benchMachine(): HazardMachine {
  return createHazardMachine(pack, { calendar: defaultCalendarFor(pack.timeZone) });
}

/** The instant of the k-th command of the i-th case. */
export function instantOf(i: number, k: number): string {
  return new Date(START + (i * (lifecycleSteps.length + 1) + k) * STEP_MS).toISOString();
}

function eventOf(i: number, k: number): CommandEvent {
  const step = lifecycleSteps[k - 1];
  if (!step) throw new RangeError(`no step ${k}`);
  return { ...step.command, at: instantOf(i, k), actor: step.actor } as CommandEvent;
}

/**
 * A clock that schedules nothing: the hazard machine's delays run to days, which a live
 * actor would hand to setTimeout (and Node would fire at once past 24.8 days). Leaving them
 * unscheduled is the cheapest a live actor can be, so the comparison favours it.
 */
const idleClock = {
  setTimeout: () => 0,
  clearTimeout: () => {},
};

/** XState as most applications use it: one live actor per case, persisted after every event. */
export function rawActorRunner(machine = benchMachine()): CaseRunner {
  return (i) => {
    const actor: AnyActorRef = createActor(machine, {
      input: machineInputOf(i, `case-${i}`, instantOf(i, 0)),
      clock: idleClock,
    });
    actor.start();
    let persisted = actor.getPersistedSnapshot();
    for (let k = 1; k <= lifecycleSteps.length; k++) {
      actor.send(eventOf(i, k));
      persisted = actor.getPersistedSnapshot();
    }
    actor.stop();
    return persisted;
  };
}

/** XState's pure functions: `initialTransition`, then `transition` per event. */
export function rawTransitionRunner(machine = benchMachine()): CaseRunner {
  return (i) => {
    let [snapshot] = initialTransition(machine, machineInputOf(i, `case-${i}`, instantOf(i, 0)));
    for (let k = 1; k <= lifecycleSteps.length; k++) {
      [snapshot] = transition(machine, snapshot, eventOf(i, k) as never);
    }
    return snapshot;
  };
}

/** The engine's pure step alone (`computeInitial`, then `computeTransition` per event): no validation, no store. */
export function computeTransitionRunner(machine = benchMachine()): CaseRunner {
  return (i) => {
    let [snapshot] = computeInitial(machine, machineInputOf(i, `case-${i}`, instantOf(i, 0)));
    for (let k = 1; k <= lifecycleSteps.length; k++) {
      [snapshot] = computeTransition(machine, snapshot, eventOf(i, k));
    }
    return snapshot;
  };
}

/** The engine on a store (memory by default) with a manual clock: validation, authorisation, audit, timers. */
export function engineRunner(store: HazardStore = createMemoryStore()): CaseRunner & { engine: Engine } {
  const clock = createManualClock(new Date(START));
  const engine = createEngine({ packs: [pack], store, clock });
  const run = async (i: number) => {
    clock.set(instantOf(i, 0));
    const reported = await engine.report(reportOf(i), { actor: actors.gridWorker });
    if (!reported.ok) throw new Error(`report: ${reported.error.code} ${reported.error.message}`);
    const id = reported.case.id;
    let last = reported.case;
    for (let k = 1; k <= lifecycleSteps.length; k++) {
      const step = lifecycleSteps[k - 1] as (typeof lifecycleSteps)[number];
      clock.set(instantOf(i, k));
      const result = await engine.send(id, step.command as HazardCommand, { actor: step.actor });
      if (!result.ok) throw new Error(`${step.command.type}: ${result.error.code} ${result.error.message}`);
      last = result.case;
    }
    return last;
  };
  return Object.assign(run, { engine });
}
