import {
  type Actor,
  type CommandError,
  type CommandEvent,
  commandError,
  type HazardContext,
  type HazardInput,
  type HazardMachine,
  type HazardModel,
  type HazardNotification,
  parseCommand,
  type Status,
  SYSTEM_ACTOR,
  statusOf,
} from '@hazardflow/core';
import { planTimers, type TimerRow } from '@hazardflow/engine';
import type { AnyTransitionDefinition } from 'xstate';
import { traceInitial, traceTransition } from './traced-transition';

type Snapshot = ReturnType<HazardMachine['resolveState']>;

/**
 * One case between events, as the engine would have persisted it: the snapshot, its timer
 * rows and the time of the last event. Immutable, so an exploration can branch from it.
 */
export interface SimulatedCase {
  readonly snapshot: Snapshot;
  readonly timers: ReadonlyMap<string, TimerRow>;
  /** Milliseconds since the epoch: the instant of the last event. */
  readonly now: number;
}

/** What one event did to a simulated case. */
export interface SimulatedStep {
  readonly before: SimulatedCase;
  readonly after: SimulatedCase;
  /** The command or timer event as the machine received it. */
  readonly event: { type: string; at: string; actor?: Actor };
  readonly actor: Actor;
  readonly transitions: readonly AnyTransitionDefinition[];
  readonly notifications: readonly HazardNotification[];
}

export type CommandOutcome =
  | { readonly ok: true; readonly step: SimulatedStep }
  | { readonly ok: false; readonly rejection: CommandError };

/**
 * The engine's semantics without its store: pure transitions, timers as rows planned from
 * the returned actions (`planTimers`, the engine's own function), a JSON round trip of the
 * snapshot after every event as a commit and reload would do, and timers fired one at a
 * time in due order (dueAt, then timer id, as stores claim them).
 */
export class CaseSimulator {
  /**
   * @param persist `json` (default) round-trips every snapshot through JSON, as a store
   *   does; `restore` only restores it from its value and context, which is faster and
   *   enough where the JSON form is checked elsewhere.
   */
  constructor(
    readonly model: HazardModel,
    readonly persist: 'json' | 'restore' = 'json',
  ) {}

  /** Reports a case: the initial snapshot and its timers. */
  start(input: HazardInput): { case: SimulatedCase; transitions: readonly AnyTransitionDefinition[] } {
    const traced = traceInitial(this.model.machine, input);
    const { case: started } = this.commit(undefined, traced.snapshot, traced.actions, input.at);
    return { case: started, transitions: traced.transitions };
  }

  /** Sends a command at the case's current time; a rejection is returned, never thrown. */
  send(current: SimulatedCase, command: { type: string } & Record<string, unknown>, actor: Actor): CommandOutcome {
    const parsed = parseCommand(command);
    if (!parsed.success) {
      return {
        ok: false,
        rejection: commandError(
          'VALIDATION_FAILED',
          parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
          parsed.issues,
          { subject: 'command' },
        ),
      };
    }
    const at = new Date(current.now).toISOString();
    const event = { ...parsed.command, at, actor } as CommandEvent;
    const rejection = this.model.check(current.snapshot, event);
    if (rejection) return { ok: false, rejection };
    return { ok: true, step: this.step(current, event, actor, current.now) };
  }

  /** The timer that fires next, if any. */
  nextTimer(current: SimulatedCase): TimerRow | undefined {
    let next: TimerRow | undefined;
    for (const timer of current.timers.values()) {
      if (!next || timer.dueAt < next.dueAt || (timer.dueAt === next.dueAt && timer.timerId < next.timerId)) {
        next = timer;
      }
    }
    return next;
  }

  /** Moves time to the next timer's due instant and fires it; undefined when no timer is set. */
  fireNextTimer(current: SimulatedCase): SimulatedStep | undefined {
    const timer = this.nextTimer(current);
    if (!timer) return undefined;
    const dueMs = Math.max(current.now, Date.parse(timer.dueAt));
    const timers = new Map(current.timers);
    timers.delete(timer.timerId);
    const at = typeof timer.event.at === 'string' ? timer.event.at : timer.dueAt;
    const event = { ...timer.event, at };
    return this.step({ ...current, timers, now: dueMs }, event, SYSTEM_ACTOR, dueMs);
  }

  /** Fires every timer due at or before `to`, in order, then moves the clock to `to`. */
  advanceTo(current: SimulatedCase, to: number): { case: SimulatedCase; steps: SimulatedStep[] } {
    const steps: SimulatedStep[] = [];
    let state = current;
    for (;;) {
      const timer = this.nextTimer(state);
      if (!timer || Date.parse(timer.dueAt) > to) break;
      const step = this.fireNextTimer(state);
      if (!step) break;
      steps.push(step);
      state = step.after;
    }
    return { case: { ...state, now: Math.max(state.now, to) }, steps };
  }

  private step(
    before: SimulatedCase,
    event: { type: string; at: string; actor?: Actor },
    actor: Actor,
    nowMs: number,
  ): SimulatedStep {
    const traced = traceTransition(this.model.machine, before.snapshot, event);
    const { case: after, notifications } = this.commit(before, traced.snapshot, traced.actions, event.at, nowMs);
    return { before, after, event, actor, transitions: traced.transitions, notifications };
  }

  private commit(
    before: SimulatedCase | undefined,
    next: Snapshot,
    actions: readonly { type: string; params?: unknown }[],
    at: string,
    nowMs = Date.parse(at),
  ): { case: SimulatedCase; notifications: HazardNotification[] } {
    const context = next.context as HazardContext;
    const planned = planTimers(context.caseId, at, actions);
    const timers = new Map(before?.timers ?? []);
    for (const id of planned.timers.cancel) timers.delete(id);
    for (const row of planned.timers.set) timers.set(row.timerId, row);
    // What a store keeps and the engine restores on the next command.
    const stored = { value: next.value, context: next.context };
    const persisted = this.persist === 'json' ? JSON.parse(JSON.stringify(stored)) : stored;
    const snapshot = this.model.machine.resolveState(persisted) as Snapshot;
    return {
      case: { snapshot, timers, now: nowMs },
      notifications: planned.emitted as unknown as HazardNotification[],
    };
  }
}

/** The context of a simulated case. */
export function contextOf(simulated: SimulatedCase): HazardContext {
  return simulated.snapshot.context as HazardContext;
}

/** The status of a simulated case. */
export function statusOfCase(simulated: SimulatedCase): Status {
  return statusOf(simulated.snapshot);
}
