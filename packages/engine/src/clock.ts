/** Where the engine gets "now". Time enters the machines only through events stamped from it. */
export interface Clock {
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/** A clock that moves only when told to: tests, simulations, replays. */
export interface ManualClock extends Clock {
  /** Moves to `at`; moving backwards throws, as time never runs back for a durable timer. */
  set(at: Date | string): void;
  advanceBy(ms: number): void;
}

export function createManualClock(start: Date | string): ManualClock {
  let current = toMs(start);
  return {
    now: () => new Date(current),
    set(at) {
      const next = toMs(at);
      if (next < current) {
        throw new RangeError(
          `manual clock cannot go back from ${new Date(current).toISOString()} to ${new Date(next).toISOString()}`,
        );
      }
      current = next;
    },
    advanceBy(ms) {
      if (!(ms >= 0)) throw new RangeError(`manual clock advances by a non-negative number of ms, not ${ms}`);
      current += ms;
    },
  };
}

function toMs(at: Date | string): number {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(at)}`);
  return ms;
}
