import {
  type Actor,
  type CommandEvent,
  type CommandEventPayload,
  createHazardModel,
  type HazardContext,
  type HazardInput,
  type HazardMachine,
  type HazardModel,
  type HazardNotification,
  type PolicyPack,
  parseCommand,
  statusOf,
} from '@hazardflow/core';
import { initialTransition, transition } from 'xstate';

type Snapshot = ReturnType<HazardMachine['resolveState']>;
interface Timer {
  id: string;
  dueAt: number;
  event: { type: string; at: string };
}

/**
 * A minimal durable-timer runtime for core's own tests: pure transitions, timers kept as
 * rows and fired in due order when time advances, snapshots persisted and restored as the
 * engine does. It is deliberately tiny; the real engine lives in @hazardflow/engine.
 */
export class CaseHarness {
  readonly model: HazardModel;
  readonly machine: HazardMachine;
  snapshot: Snapshot;
  timers = new Map<string, Timer>();
  notifications: HazardNotification[] = [];
  now: number;
  log: string[] = [];

  constructor(pack: PolicyPack, input: Omit<HazardInput, 'at'> & { at: string }) {
    this.model = createHazardModel(pack);
    this.machine = this.model.machine;
    this.now = Date.parse(input.at);
    const [snapshot, actions] = initialTransition(this.machine, input);
    this.snapshot = snapshot;
    this.apply(actions, input.at);
  }

  get context(): HazardContext {
    return this.snapshot.context;
  }

  get status() {
    return statusOf(this.snapshot);
  }

  /** Sends a command as `actor` at the current time; returns the rejection, or null when applied. */
  send(command: { type: string } & Record<string, unknown>, actor: Actor) {
    const parsed = parseCommand(command);
    if (!parsed.success) throw new Error(`invalid command: ${JSON.stringify(parsed.issues)}`);
    const event = { ...(parsed.command as CommandEventPayload), at: this.iso(), actor } as CommandEvent;
    const rejection = this.model.check(this.snapshot, event);
    if (rejection) return rejection;
    const [next, actions] = transition(this.machine, this.snapshot, event as never);
    this.snapshot = this.roundTrip(next);
    this.apply(actions, event.at);
    this.log.push(`${event.at} ${actor.role}:${event.type} → ${this.status}`);
    return null;
  }

  /** Moves the clock to `to`, firing every timer due on the way, in due order. */
  advanceTo(to: string | Date): void {
    const target = new Date(to).getTime();
    for (;;) {
      const next = [...this.timers.values()].sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id))[0];
      if (!next || next.dueAt > target) break;
      this.timers.delete(next.id);
      this.now = Math.max(this.now, next.dueAt);
      const [snapshot, actions] = transition(this.machine, this.snapshot, next.event as never);
      this.snapshot = this.roundTrip(snapshot);
      this.apply(actions, next.event.at);
      this.log.push(`${next.event.at} timer:${next.event.type} → ${this.status}`);
    }
    this.now = Math.max(this.now, target);
  }

  advanceDays(days: number): void {
    this.advanceTo(new Date(this.now + days * 86_400_000));
  }

  iso(): string {
    return new Date(this.now).toISOString();
  }

  /** Persist and restore, as the engine does on every command. */
  private roundTrip(snapshot: Snapshot): Snapshot {
    const persisted = JSON.parse(JSON.stringify({ value: snapshot.value, context: snapshot.context }));
    return this.machine.resolveState(persisted);
  }

  private apply(actions: readonly { type: string; params?: unknown }[], at: string): void {
    for (const action of actions) {
      if (action.type === 'xstate.raise') {
        const params = action.params as { id: string; delay?: number; event: Timer['event'] };
        if (params.delay === undefined) continue;
        this.timers.set(params.id, { id: params.id, dueAt: Date.parse(at) + params.delay, event: params.event });
      } else if (action.type === 'xstate.cancel') {
        this.timers.delete((action.params as { sendId: string }).sendId);
      } else if (action.type === 'xstate.emit') {
        this.notifications.push((action.params as { event: HazardNotification }).event);
      }
    }
  }
}
