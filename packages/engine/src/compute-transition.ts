import { type AnyActorScope, type AnyStateMachine, createActor, initialTransition, transition } from 'xstate';

/** An action the machine asks its runtime to carry out (a delayed raise, a cancel, an emit…). */
export interface ComputedAction {
  type: string;
  params?: unknown;
}

/** A state machine (typed loosely: XState's machine types do not all meet `AnyStateMachine` under strict options). */
type Machine = { resolveState(...args: never[]): unknown };
type SnapshotOf<M extends Machine> = ReturnType<M['resolveState']>;

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();
/** A resolved snapshot, as a bag of properties to copy. */
type Resolved = Record<string, unknown>;
const resolved = new WeakMap<AnyStateMachine, Map<string, Resolved>>();
const invokes = new WeakMap<AnyStateMachine, boolean>();

/**
 * The next snapshot of `machine` after `event`, and the actions to carry out, without
 * executing any: what XState's pure `transition(machine, snapshot, event)` returns, two to
 * three times cheaper (docs/benchmarks.md).
 *
 * Why not call `transition` itself: it builds a throwaway actor scope on every call, and
 * building one computes the machine's whole initial state (the context factory runs with no
 * input, every initial entry action resolves). Here one scope per machine, built from
 * XState's public `ActorScope` contract, is reused, and `machine.transition(snapshot, event,
 * scope)` (the public `ActorLogic` method) does the rest. Reuse is safe because the scope
 * carries no state between calls for a machine that starts no child actors: such machines
 * fall back to `transition`, and so does any call whose result has children. A test compares
 * both over random command sequences (`compute-transition.test.ts`).
 */
export function computeTransition<M extends Machine>(
  typedMachine: M,
  snapshot: SnapshotOf<M>,
  event: { type: string },
): [SnapshotOf<M>, ComputedAction[]] {
  const machine = typedMachine as unknown as AnyStateMachine;
  if (hasInvokes(machine)) return transition(machine, snapshot as never, event as never) as never;
  const actions: ComputedAction[] = [];
  const next = machine.transition(
    snapshot as never,
    event,
    collecting(scopeOf(machine, snapshot), actions),
  ) as SnapshotOf<M>;
  if (hasChildren(next)) {
    return transition(machine, snapshot as never, event as never) as never;
  }
  return [next, actions];
}

/** The initial snapshot and actions for `input`: what `initialTransition(machine, input)` returns. */
export function computeInitial<M extends Machine>(typedMachine: M, input: unknown): [SnapshotOf<M>, ComputedAction[]] {
  const machine = typedMachine as unknown as AnyStateMachine;
  if (hasInvokes(machine)) return initialTransition(machine, input as never) as never;
  const actions: ComputedAction[] = [];
  const next = machine.getInitialSnapshot(
    collecting(scopeOf(machine, undefined, input), actions),
    input,
  ) as SnapshotOf<M>;
  if (hasChildren(next)) return initialTransition(machine, input as never) as never;
  return [next, actions];
}

/**
 * The snapshot a persisted `{ value, context }` stands for: what `machine.resolveState`
 * returns, without walking the state tree again for every command. Everything in a resolved
 * snapshot but the context follows from the state value, and a machine has few distinct
 * values, so the first resolution of each value is kept (per machine, bounded) and later
 * ones copy it with their own context.
 */
export function restoreSnapshot<M extends Machine>(
  typedMachine: M,
  persisted: { value: unknown; context: unknown },
): SnapshotOf<M> {
  const machine = typedMachine as unknown as AnyStateMachine;
  let byValue = resolved.get(machine);
  if (!byValue) {
    byValue = new Map();
    resolved.set(machine, byValue);
  }
  const key = valueKey(persisted.value);
  let template = byValue.get(key);
  if (!template) {
    template = machine.resolveState({ value: persisted.value as never, context: undefined }) as unknown as Resolved;
    if (byValue.size >= 1_000) byValue.clear();
    byValue.set(key, template);
  }
  return { ...template, context: persisted.context ?? {}, children: {}, historyValue: {} } as SnapshotOf<M>;
}

/** State values the engine stored are shared frozen objects (interned): their keys are kept. */
const valueKeys = new WeakMap<object, string>();

/** `JSON.stringify(value)`, remembered for frozen objects (they cannot change). */
function valueKey(value: unknown): string {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return JSON.stringify(value);
  let key = valueKeys.get(value);
  if (key === undefined) {
    key = JSON.stringify(value);
    valueKeys.set(value, key);
  }
  return key;
}

/** The machine's scope for one call: every action is collected, none is executed. */
function collecting(scope: AnyActorScope, actions: ComputedAction[]): AnyActorScope {
  return {
    ...scope,
    actionExecutor: (action) => {
      actions.push(action);
    },
  };
}

/** One inert scope per machine, as `transition` builds per call: `self` is an actor that is never started. */
function scopeOf(machine: AnyStateMachine, snapshot?: unknown, input?: unknown): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    // Created from a snapshot (or the caller's input) so the actor's eager initial state is
    // cheap and cannot fail; the actor itself never runs.
    const self = snapshot
      ? createActor(machine, { snapshot: snapshot as never })
      : createActor(machine, { input: input as never });
    scope = {
      self,
      id: '',
      sessionId: '',
      logger: () => {},
      defer: () => {},
      emit: () => {},
      system: self.system,
      stopChild: () => {},
      actionExecutor: () => {},
    };
    scopes.set(machine, scope);
  }
  return scope;
}

/** Whether any state of the machine invokes an actor (those need a fresh actor system per call). */
function hasInvokes(machine: AnyStateMachine): boolean {
  let result = invokes.get(machine);
  if (result === undefined) {
    result = false;
    const pending = [machine.root];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.invoke.length > 0) result = true;
      pending.push(...Object.values(node.states));
    }
    invokes.set(machine, result);
  }
  return result;
}

function hasChildren(snapshot: unknown): boolean {
  for (const _ in (snapshot as { children: object }).children) return true;
  return false;
}
