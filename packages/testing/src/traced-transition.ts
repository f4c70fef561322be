import type { HazardInput, HazardMachine } from '@hazardflow/core';
import {
  type AnyActorRef,
  type AnyActorScope,
  type AnyStateMachine,
  type AnyTransitionDefinition,
  createActor,
  type InspectionEvent,
} from 'xstate';

type Snapshot = ReturnType<HazardMachine['resolveState']>;

/** An action XState asks the runtime to carry out (`xstate.raise`, `xstate.cancel`, `xstate.emit` …). */
export interface ExecutableAction {
  type: string;
  params?: unknown;
}

/** What one event did: the next snapshot, the actions to carry out, and every transition taken on the way. */
export interface TracedStep {
  snapshot: Snapshot;
  actions: ExecutableAction[];
  /**
   * Every transition of every microstep, in order: the one the event selected, then the
   * eventless (`always`) ones and those selected by events the machine raised to itself
   * (`hazard.track`, `hazard.escalate` …).
   */
  transitions: AnyTransitionDefinition[];
}

interface Tracer {
  self: AnyActorRef;
  system: AnyActorScope['system'];
  sink: AnyTransitionDefinition[] | undefined;
}

const tracers = new WeakMap<HazardMachine, Tracer>();

/**
 * XState's pure `transition` / `initialTransition`, which also report the transitions of
 * every microstep (XState's `@xstate.microstep` inspection events). Like XState's own
 * functions it builds an inert actor scope, so nothing is executed: delayed raises come
 * back as actions, exactly what the engine turns into timer rows.
 */
export function traceTransition(machine: HazardMachine, snapshot: Snapshot, event: { type: string }): TracedStep {
  return traced(machine, (scope) => machine.transition(snapshot, event as never, scope) as Snapshot);
}

/** The initial snapshot of a case, traced like `traceTransition`. */
export function traceInitial(machine: HazardMachine, input: HazardInput): TracedStep {
  return traced(machine, (scope) => machine.getInitialSnapshot(scope, input) as Snapshot);
}

function traced(machine: HazardMachine, run: (scope: AnyActorScope) => Snapshot): TracedStep {
  const tracer = tracerOf(machine);
  const actions: ExecutableAction[] = [];
  const transitions: AnyTransitionDefinition[] = [];
  const scope: AnyActorScope = {
    self: tracer.self,
    id: '',
    sessionId: '',
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    system: tracer.system,
    actionExecutor: (action) => {
      actions.push({ type: action.type, params: action.params });
    },
  };
  tracer.sink = transitions;
  try {
    const snapshot = run(scope);
    return { snapshot, actions, transitions };
  } finally {
    tracer.sink = undefined;
  }
}

function tracerOf(machine: HazardMachine): Tracer {
  let tracer = tracers.get(machine);
  if (!tracer) {
    // Never started: the actor only lends its system, through which XState reports microsteps.
    const self: AnyActorRef = createActor(machine as unknown as AnyStateMachine);
    const created: Tracer = { self, system: self.system, sink: undefined };
    self.system.inspect((event: InspectionEvent) => {
      if (event.type === '@xstate.microstep' && created.sink) created.sink.push(...event._transitions);
    });
    tracer = created;
    tracers.set(machine, tracer);
  }
  return tracer;
}
