import { ClockError } from './errors';

/** What `Clock.setTimeout` returns; only `clearTimeout` of the same clock reads it. */
export type TimeoutHandle = unknown;

/**
 * Where the engine gets "now" and how it waits (the poller). Time enters the machines only
 * through events stamped from `now()`. The scheduling half has the shape of XState's `Clock`,
 * so tests drive the poller with a manual clock instead of patching globals.
 */
export interface Clock {
  now(): Date;
  /** Calls `fn` once, `ms` from now. */
  setTimeout(fn: () => void, ms: number): TimeoutHandle;
  /** Cancels a callback `setTimeout` scheduled; unknown or spent handles are ignored. */
  clearTimeout(handle: TimeoutHandle): void;
}

/** The real wall clock and the global timers. */
export const systemClock: Clock = Object.freeze({
  now: () => new Date(),
  setTimeout: (fn: () => void, ms: number): TimeoutHandle => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle: TimeoutHandle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
});

/** A clock that moves only when told to: tests, simulations, replays. */
export interface ManualClock extends Clock {
  /**
   * Moves to `at`, running each scheduled callback that falls due on the way at its due time
   * (earliest first, ties in scheduling order). Moving backwards throws, as time never runs
   * back for a durable timer.
   */
  set(at: Date | string): void;
  advanceBy(ms: number): void;
  /** When the earliest scheduled callback is due, or null if none is scheduled. */
  nextScheduledAt(): Date | null;
}

interface Scheduled {
  id: number;
  dueMs: number;
  fn: () => void;
}

export function createManualClock(start: Date | string): ManualClock {
  let current = toMs(start);
  let nextId = 1;
  const scheduled: Scheduled[] = [];

  /** Runs every callback due by `target`, moving `now` to each one's due time first. */
  function moveTo(target: number): void {
    for (;;) {
      let first: Scheduled | undefined;
      for (const entry of scheduled) {
        if (entry.dueMs <= target && (!first || entry.dueMs < first.dueMs)) first = entry;
      }
      if (!first) break;
      scheduled.splice(scheduled.indexOf(first), 1);
      if (first.dueMs > current) current = first.dueMs;
      first.fn();
    }
    current = target;
  }

  return {
    now: () => new Date(current),
    setTimeout(fn, ms) {
      const id = nextId++;
      scheduled.push({ id, dueMs: current + Math.max(0, Number.isFinite(ms) ? ms : 0), fn });
      return id;
    },
    clearTimeout(handle) {
      const index = scheduled.findIndex((entry) => entry.id === handle);
      if (index >= 0) scheduled.splice(index, 1);
    },
    set(at) {
      const next = toMs(at);
      if (next < current) {
        throw new RangeError(
          `manual clock cannot go back from ${new Date(current).toISOString()} to ${new Date(next).toISOString()}`,
        );
      }
      moveTo(next);
    },
    advanceBy(ms) {
      if (!(ms >= 0)) throw new RangeError(`manual clock advances by a non-negative number of ms, not ${ms}`);
      moveTo(current + ms);
    },
    nextScheduledAt() {
      let first: number | undefined;
      for (const entry of scheduled) if (first === undefined || entry.dueMs < first) first = entry.dueMs;
      return first === undefined ? null : new Date(first);
    },
  };
}

function toMs(at: Date | string): number {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  return ms;
}

const EARLIEST_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * The clock as the engine reads it: `now()` returns a valid Date in the years 0000–9999 or
 * throws ClockError, so a broken clock is refused where the time is read (before anything is
 * decided or written) rather than as a RangeError from `toISOString` deep inside a command.
 */
export function checkedClock(clock: Clock): Clock {
  return {
    now() {
      const value: unknown = clock.now();
      if (value instanceof Date) {
        const ms = value.getTime();
        if (ms >= EARLIEST_MS && ms <= LATEST_MS) return value;
      }
      throw new ClockError(value);
    },
    setTimeout: (fn, ms) => clock.setTimeout(fn, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle),
  };
}
