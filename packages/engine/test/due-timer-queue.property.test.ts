import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTimers, DueTimerQueue } from '../src/due-timer-queue';
import type { TimerRow } from '../src/store';

// The queue of one timer pass, against the simplest model of it: a list kept sorted by
// `compareTimers` with no timer twice. Claimed batches, armed timers (due or not yet due),
// shifts and drains in any order must give the same timers in the same order.

const NOW = '2025-03-10T00:00:00.000Z';
const DUE = ['2025-03-03T00:00:00.000Z', '2025-03-05T00:00:00.000Z', '2025-03-09T23:59:59.999Z', NOW];
const LATER = '2025-03-11T00:00:00.000Z';

function timer(dueAt: string, caseNo: number, timerNo: number): TimerRow {
  return {
    caseId: `case-${caseNo}`,
    timerId: `t-${timerNo}`,
    dueAt,
    event: { type: 'xstate.after.deadline' },
  } as unknown as TimerRow;
}

const timerArb = fc
  .tuple(fc.constantFrom(...DUE, LATER), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 3 }))
  .map(([dueAt, caseNo, timerNo]) => timer(dueAt, caseNo, timerNo));

type Op =
  | { kind: 'claim'; batch: TimerRow[] }
  | { kind: 'armed'; timer: TimerRow }
  | { kind: 'shift' }
  | { kind: 'drain' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.array(timerArb, { maxLength: 8 }).map((batch) => ({ kind: 'claim' as const, batch })),
  timerArb.map((t) => ({ kind: 'armed' as const, timer: t })),
  fc.constant({ kind: 'shift' as const }),
  fc.constant({ kind: 'shift' as const }),
  fc.constant({ kind: 'drain' as const }),
);

/** The model: insert keeps the list sorted and skips a timer already in it. */
function modelInsert(model: TimerRow[], t: TimerRow): void {
  if (model.some((queued) => compareTimers(queued, t) === 0)) return;
  model.push(t);
  model.sort(compareTimers);
}

describe('DueTimerQueue', () => {
  it('gives the timers of any sequence of claims, armed timers, shifts and drains in the order of a sorted list without duplicates', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const queue = new DueTimerQueue();
        const model: TimerRow[] = [];
        for (const op of ops) {
          if (op.kind === 'claim') {
            queue.addClaimed(op.batch);
            for (const t of op.batch) modelInsert(model, t);
          } else if (op.kind === 'armed') {
            queue.offerArmed(op.timer, NOW);
            if (op.timer.dueAt <= NOW) modelInsert(model, op.timer);
          } else if (op.kind === 'shift') {
            expect(queue.shift()).toBe(model.shift());
          } else {
            expect(queue.drain()).toEqual(model.splice(0));
          }
          expect(queue.size).toBe(model.length);
        }
      }),
    );
  });

  it('claims again once the head sorts past the earliest timer of the last case claimed, and not after an empty claim', () => {
    const queue = new DueTimerQueue();
    expect(queue.needsClaim()).toBe(true); // empty
    // Case 1's two timers and case 2's first: the frontier is case 2's earliest timer.
    queue.addClaimed([timer(DUE[0] as string, 1, 0), timer(DUE[2] as string, 1, 1), timer(DUE[1] as string, 2, 0)]);
    expect(queue.needsClaim()).toBe(false);
    expect(queue.shift()?.caseId).toBe('case-1');
    expect(queue.needsClaim()).toBe(false); // head is case 2's, at the frontier
    expect(queue.shift()?.caseId).toBe('case-2');
    expect(queue.needsClaim()).toBe(true); // case 1's late timer sorts past the frontier
    queue.addClaimed([]);
    expect(queue.needsClaim()).toBe(false); // nothing more to claim: fire what is queued
    expect(queue.shift()?.timerId).toBe('t-1');
  });

  it('gives 100,000 timers claimed latest first back earliest first (a catch-up pass of as many cases)', () => {
    const queue = new DueTimerQueue();
    const count = 100_000;
    const batch: TimerRow[] = [];
    // Descending order: the worst case for the sorted array this queue replaced.
    for (let i = count - 1; i >= 0; i--)
      batch.push(timer(new Date(Date.parse(DUE[0] as string) + i).toISOString(), i, 0));
    queue.addClaimed(batch);
    let previous = queue.shift() as TimerRow;
    let outOfOrder = 0;
    for (let i = 1; i < count; i++) {
      const next = queue.shift() as TimerRow;
      if (compareTimers(previous, next) >= 0) outOfOrder++;
      previous = next;
    }
    expect(outOfOrder).toBe(0);
    expect(previous.caseId).toBe(`case-${count - 1}`);
    expect(queue.size).toBe(0);
  });
});
