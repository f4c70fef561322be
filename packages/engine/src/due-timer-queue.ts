import type { TimerRow } from './store';

/** The order timers fire in: due instant, then case id, then timer id (the stores claim in it too). */
export function compareTimers(a: TimerRow, b: TimerRow): number {
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  if (a.caseId !== b.caseId) return a.caseId < b.caseId ? -1 : 1;
  return a.timerId < b.timerId ? -1 : a.timerId > b.timerId ? 1 : 0;
}

/**
 * The due timers one `runDueTimers` pass works through, always the earliest first.
 *
 * A pass claims timers from the store in batches. Firing one can arm another timer of the
 * same case that is already due (a catch-up after downtime climbs a whole ladder at once).
 * If that timer sorts before the rest of the batch it must fire next, or the history a case
 * gets would depend on the batch size. Such timers join the queue when they sort before the
 * last claimed timer: every due timer the store still holds unclaimed sorts after that one,
 * so the head of the queue is always the earliest due timer there is.
 */
export class DueTimerQueue {
  private readonly items: TimerRow[] = [];
  private bound: TimerRow | undefined;

  get size(): number {
    return this.items.length;
  }

  /** A batch just claimed, in claim order; its last timer bounds what may join later. */
  addClaimed(batch: readonly TimerRow[]): void {
    for (const timer of batch) this.insert(timer);
    const last = batch.at(-1);
    if (last && (!this.bound || compareTimers(last, this.bound) > 0)) this.bound = last;
  }

  /** A timer armed by a fire: queued when due by `now` and not after the last claimed one. */
  offerArmed(timer: TimerRow, now: string): void {
    if (timer.dueAt > now || !this.bound || compareTimers(timer, this.bound) > 0) return;
    this.insert(timer);
  }

  shift(): TimerRow | undefined {
    return this.items.shift();
  }

  /** Empties the queue, returning what was left (to hand the leases back). */
  drain(): TimerRow[] {
    this.bound = undefined;
    return this.items.splice(0);
  }

  private insert(timer: TimerRow): void {
    const last = this.items.at(-1);
    if (!last || compareTimers(last, timer) <= 0) {
      this.items.push(timer); // claimed batches come in order
      return;
    }
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareTimers(this.items[mid] as TimerRow, timer) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, timer);
  }
}
