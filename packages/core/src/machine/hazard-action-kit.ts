import { cancel, enqueueActions, type ParameterizedObject, setup } from 'xstate';
import type { CommandEvent } from '../commands';
import type { HazardContext, HazardInput } from './hazard-context';
import type { HazardEmitted, HazardEvent } from './hazard-events';

/** The machine's types, given once to every `setup()` call. */
export interface HazardTypes {
  context: HazardContext;
  events: HazardEvent;
  input: HazardInput;
  emitted: HazardEmitted;
}

/** Typed action creators for actions without params (context, events and emitted checked). */
const base = setup({ types: {} as HazardTypes });
type Base = typeof base;
export const assign: Base['assign'] = base.assign;
export const emit: Base['emit'] = base.emit;
export const enqueue: Base['enqueueActions'] = base.enqueueActions;
export const raise: Base['raise'] = base.raise;

type Params = NonNullable<ParameterizedObject['params']>;

/**
 * Typed creators for an action that takes params `P`: the region that references the action
 * must then pass params of that shape, or tsc refuses the machine.
 */
export function withParams<P extends Params>() {
  return {
    enqueue: (
      collect: Parameters<
        typeof enqueueActions<HazardContext, HazardEvent, P, HazardEvent, never, never, never, never, HazardEmitted>
      >[0],
    ) => enqueueActions<HazardContext, HazardEvent, P, HazardEvent, never, never, never, never, HazardEmitted>(collect),
    cancel: (sendId: (args: unknown, params: P) => string) =>
      cancel<HazardContext, HazardEvent, P, HazardEvent>((args, params) => sendId(args, params)),
  };
}

/** Arguments every guard receives. */
export interface GuardArgs {
  context: HazardContext;
  event: HazardEvent;
}

/** The command an event is, or undefined for timers and internal events. */
export function asCommand(event: HazardEvent): CommandEvent | undefined {
  return 'actor' in event ? event : undefined;
}

/**
 * The event of type `T` an action runs on. The regions wire each action to the events it
 * handles; this says so to the type checker and fails loudly if a region is miswired.
 */
export function eventOf<T extends HazardEvent['type']>(event: HazardEvent, type: T): Extract<HazardEvent, { type: T }> {
  if (event.type !== type) throw new TypeError(`hazard machine: expected ${type}, got ${event.type}`);
  return event as Extract<HazardEvent, { type: T }>;
}
