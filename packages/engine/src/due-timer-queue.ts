import type { TimerRow } from './store';
import { MinHeap } from './timer-heap';

/** The order timers fire in: due instant, then case id, then timer id (the stores claim in it too). */
export function compareTimers(a: TimerRow, b: TimerRow): number {
  if (a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
  if (a.caseId !== b.caseId) return a.caseId < b.caseId ? -1 : 1;
  return a.timerId < b.timerId ? -1 : a.timerId > b.timerId ? 1 : 0;
}

/**
 * The due timers one `runDueTimers` pass works through, always the earliest first.
 *
 * The stores lease whole cases (all due timers of a case, cases by their earliest due timer),
 * so one worker fires all of a case's due timers in order, whatever the number of workers.
 * A batch can therefore hold a late timer of an early case: every timer still unclaimed
 * sorts after the `frontier` (the earliest timer of the last case claimed), so once the head
 * of the queue sorts past it, the pass claims more before firing (`needsClaim`). That keeps
 * the order one worker fires in independent of the batch size too.
 *
 * Firing a timer can arm another timer of the same case that is already due (a catch-up after
 * downtime climbs a whole ladder at once); it joins the queue, since the case is held here.
 */
export class DueTimerQueue {
  // A heap, not a sorted array: a catch-up pass keeps every claimed case's next due timer
  // queued, so the queue grows to the cases claimed and array inserts and shifts went
  // quadratic (a fifth of a 20k-timer pass; examples/benchmarks/NOTES.md, fifth round).
  private readonly items = new MinHeap<TimerRow>(compareTimers);
  /** The timers queued now (case, timer, due instant), so one claimed after it was offered is not queued twice. */
  private readonly queued = new Set<string>();
  private frontier: TimerRow | undefined;
  /** The last claim found nothing: no claiming again until the queue runs dry. */
  private exhausted = false;

  get size(): number {
    return this.items.size;
  }

  /** Whether to claim from the store before firing the head. */
  needsClaim(): boolean {
    const head = this.items.peek();
    if (!head) return true;
    return !this.exhausted && this.frontier !== undefined && compareTimers(head, this.frontier) > 0;
  }

  /** A batch just claimed (whole cases, by each case's earliest due timer). */
  addClaimed(batch: readonly TimerRow[]): void {
    if (batch.length === 0) {
      this.exhausted = true;
      return;
    }
    this.exhausted = false;
    const firstOfCase = new Map<string, TimerRow>();
    for (const timer of batch) {
      const first = firstOfCase.get(timer.caseId);
      if (!first || compareTimers(timer, first) < 0) firstOfCase.set(timer.caseId, timer);
      this.insert(timer);
    }
    for (const first of firstOfCase.values()) {
      if (!this.frontier || compareTimers(first, this.frontier) > 0) this.frontier = first;
    }
  }

  /** A timer armed by a fire: queued when due by `now` (its case is held by this pass). */
  offerArmed(timer: TimerRow, now: string): void {
    if (timer.dueAt <= now) this.insert(timer);
  }

  shift(): TimerRow | undefined {
    const timer = this.items.pop();
    if (timer) this.queued.delete(keyOf(timer));
    return timer;
  }

  /** Empties the queue, returning what was left (to hand the leases back), earliest first. */
  drain(): TimerRow[] {
    this.frontier = undefined;
    this.exhausted = false;
    const left: TimerRow[] = [];
    for (let timer = this.shift(); timer; timer = this.shift()) left.push(timer);
    return left;
  }

  private insert(timer: TimerRow): void {
    const key = keyOf(timer);
    if (this.queued.has(key)) return; // queued already (claimed after it was offered)
    this.queued.add(key);
    this.items.push(timer);
  }
}

/** What `compareTimers` tells apart: equal keys are the same queued timer. */
function keyOf(timer: TimerRow): string {
  return `${timer.dueAt}\u0000${timer.caseId}\u0000${timer.timerId}`;
}
