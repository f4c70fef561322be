import { TimerGoneError } from '@hazardflow/engine';
import { describe, expect } from 'vitest';
import { fixtureInstant as at } from '../fixtures';
import { errorOf, type StoreTest, sortTimers, timerKeys } from './store-test';

const LEASE = 60_000;
const claim = (owner: string, limit = 100) => ({ limit, owner, leaseMs: LEASE });

/** Durable timers: arming, re-arming and cancelling, claiming with leases, firing. */
export function timerConformance(test: StoreTest): void {
  describe('timers', () => {
    test('set arms timers, the same timerId replaces its row, cancel removes it', async (store, fx) => {
      await fx.commit(store, 'case-1', {
        set: [
          { timerId: 'warning', dueAt: at(30) },
          { timerId: 'deadline', dueAt: at(60), event: { type: 'TIMER.DUE', at: at(60) } },
        ],
      });
      await fx.commit(store, 'case-1', {
        set: [{ timerId: 'deadline', dueAt: at(90), event: { type: 'TIMER.ESCALATE', at: at(90), level: 2 } }],
      });
      expect(sortTimers(await store.timersOf('case-1'))).toEqual([
        {
          caseId: 'case-1',
          timerId: 'deadline',
          dueAt: at(90),
          event: { type: 'TIMER.ESCALATE', at: at(90), level: 2 },
        },
        { caseId: 'case-1', timerId: 'warning', dueAt: at(30), event: { type: 'TIMER.DUE', at: at(30) } },
      ]);
      await fx.commit(store, 'case-1', { cancel: ['warning'] });
      expect((await store.timersOf('case-1')).map((t) => t.timerId)).toEqual(['deadline']);
    });

    test('cancelling an unknown timer is harmless; timer ids belong to their case', async (store, fx) => {
      await fx.commit(store, 'case-1', { set: [{ timerId: 'deadline', dueAt: at(60) }] });
      await fx.commit(store, 'case-2', { set: [{ timerId: 'deadline', dueAt: at(70) }] });
      await fx.commit(store, 'case-1', { cancel: ['never-armed'] });
      await fx.commit(store, 'case-3', { cancel: ['deadline'] });
      expect(await store.timersOf('case-1')).toHaveLength(1);
      await fx.commit(store, 'case-1', { cancel: ['deadline'] });
      expect(await store.timersOf('case-1')).toEqual([]);
      expect(await store.timersOf('case-2')).toEqual([
        { caseId: 'case-2', timerId: 'deadline', dueAt: at(70), event: { type: 'TIMER.DUE', at: at(70) } },
      ]);
      expect(await store.timersOf('nobody')).toEqual([]);
    });

    test('claimDueTimers returns due timers by dueAt, then caseId, then timerId', async (store, fx) => {
      await fx.commit(store, 'case-b', {
        set: [
          { timerId: 'x', dueAt: at(5) },
          { timerId: 'a', dueAt: at(1) },
          { timerId: 'later', dueAt: at(100) },
        ],
      });
      await fx.commit(store, 'case-a', {
        set: [
          { timerId: 'z', dueAt: at(5) },
          { timerId: 'y', dueAt: at(5) },
          { timerId: 'a', dueAt: at(10) },
        ],
      });
      const claimed = await store.claimDueTimers(at(50), claim('w1'));
      expect(timerKeys(claimed)).toEqual(['case-b/a', 'case-a/y', 'case-a/z', 'case-b/x', 'case-a/a']);
      expect(claimed[0]).toEqual({
        caseId: 'case-b',
        timerId: 'a',
        dueAt: at(1),
        event: { type: 'TIMER.DUE', at: at(1) },
      });
    });

    test('only due timers are claimed: dueAt at or before now', async (store, fx) => {
      const now = at(30);
      const justAfter = new Date(Date.parse(now) + 1).toISOString();
      await fx.commit(store, 'case-1', {
        set: [
          { timerId: 'on-time', dueAt: now },
          { timerId: 'early', dueAt: at(10) },
          { timerId: 'not-yet', dueAt: justAfter },
        ],
      });
      expect(timerKeys(await store.claimDueTimers(now, claim('w1')))).toEqual(['case-1/early', 'case-1/on-time']);
      expect(await store.claimDueTimers(now, claim('w1'))).toEqual([]);
      await fx.commit(store, 'case-1', { fire: { timerId: 'early', dueAt: at(10), leaseOwner: 'w1' } });
      await fx.commit(store, 'case-1', { fire: { timerId: 'on-time', dueAt: now, leaseOwner: 'w1' } });
      expect(timerKeys(await store.claimDueTimers(justAfter, claim('w1')))).toEqual(['case-1/not-yet']);
    });

    test('a claim takes whole cases: limit counts timers but never splits a case', async (store, fx) => {
      await fx.commit(store, 'case-1', { set: [1, 2, 3, 4, 5].map((n) => ({ timerId: `t${n}`, dueAt: at(n) })) });
      await fx.commit(store, 'case-2', { set: [{ timerId: 'x', dueAt: at(2) }] });
      await fx.commit(store, 'case-3', { set: [{ timerId: 'y', dueAt: at(3) }] });
      const now = at(10);
      // case-1 comes first (its earliest timer is), and comes whole although the limit is 2.
      expect(timerKeys(await store.claimDueTimers(now, claim('w1', 2)))).toEqual([
        'case-1/t1',
        'case-1/t2',
        'case-1/t3',
        'case-1/t4',
        'case-1/t5',
      ]);
      // Cases are added until the limit is reached: case-2 (1 timer) leaves room for case-3.
      expect(timerKeys(await store.claimDueTimers(now, claim('w2', 2)))).toEqual(['case-2/x', 'case-3/y']);
      expect(await store.claimDueTimers(now, claim('w2', 10))).toEqual([]);
    });

    test('a case with a timer under a live lease is not claimed, not even its other due timers', async (store, fx) => {
      await fx.commit(store, 'case-1', { set: [{ timerId: 'first', dueAt: at(1) }] });
      const now = at(10);
      expect(timerKeys(await store.claimDueTimers(now, claim('w1')))).toEqual(['case-1/first']);
      // Firing `first` arms a timer already due: it waits for w1, so the case's timers fire in order.
      await fx.commit(store, 'case-1', { set: [{ timerId: 'second', dueAt: at(2) }] });
      expect(await store.claimDueTimers(now, claim('w2'))).toEqual([]);
      await fx.commit(store, 'case-1', { fire: { timerId: 'first', dueAt: at(1), leaseOwner: 'w1' } });
      expect(timerKeys(await store.claimDueTimers(now, claim('w2')))).toEqual(['case-1/second']);
    });

    test('a lease is exclusive until it expires after leaseMs, then another owner may claim', async (store, fx) => {
      await fx.commit(store, 'case-1', { set: [{ timerId: 'deadline', dueAt: at(10) }] });
      const t0 = Date.parse(at(20));
      const iso = (ms: number) => new Date(ms).toISOString();
      expect(timerKeys(await store.claimDueTimers(iso(t0), claim('w1')))).toEqual(['case-1/deadline']);
      expect(await store.claimDueTimers(iso(t0), claim('w2'))).toEqual([]);
      expect(await store.claimDueTimers(iso(t0 + LEASE - 1), claim('w2'))).toEqual([]);
      const taken = await store.claimDueTimers(iso(t0 + LEASE), claim('w2'));
      expect(timerKeys(taken)).toEqual(['case-1/deadline']);
      // The first owner lost the timer: its firing commit is refused; the new owner's goes through.
      const late = await errorOf(() =>
        store.commit(fx.build('case-1', { fire: { timerId: 'deadline', dueAt: at(10), leaseOwner: 'w1' } })),
      );
      expect(late).toBeInstanceOf(TimerGoneError);
      expect(late).toMatchObject({ code: 'TIMER_GONE', caseId: 'case-1', timerId: 'deadline' });
      await fx.commit(store, 'case-1', { fire: { timerId: 'deadline', dueAt: at(10), leaseOwner: 'w2' } });
      expect(await store.timersOf('case-1')).toEqual([]);
    });

    test('releaseTimer by the owner makes the timer claimable at once; by anyone else it does nothing', async (store, fx) => {
      await fx.commit(store, 'case-1', { set: [{ timerId: 'deadline', dueAt: at(10) }] });
      const now = at(20);
      await store.claimDueTimers(now, claim('w1'));
      await store.releaseTimer('case-1', 'deadline', 'w2');
      await store.releaseTimer('case-1', 'never-armed', 'w1');
      await store.releaseTimer('nobody', 'deadline', 'w1');
      expect(await store.claimDueTimers(now, claim('w2'))).toEqual([]);
      await store.releaseTimer('case-1', 'deadline', 'w1');
      expect(timerKeys(await store.claimDueTimers(now, claim('w2')))).toEqual(['case-1/deadline']);
    });

    test('re-arming a claimed timer drops its lease; cancelled timers are never claimed', async (store, fx) => {
      await fx.commit(store, 'case-1', {
        set: [
          { timerId: 'deadline', dueAt: at(10) },
          { timerId: 'warning', dueAt: at(5) },
        ],
      });
      const now = at(20);
      expect(await store.claimDueTimers(now, claim('w1'))).toHaveLength(2);
      await fx.commit(store, 'case-1', { set: [{ timerId: 'deadline', dueAt: at(15) }], cancel: ['warning'] });
      const again = await store.claimDueTimers(now, claim('w2'));
      expect(again).toEqual([
        { caseId: 'case-1', timerId: 'deadline', dueAt: at(15), event: { type: 'TIMER.DUE', at: at(15) } },
      ]);
    });

    test('firing deletes the row; firing it again, or by a stale dueAt, is TimerGoneError', async (store, fx) => {
      await fx.commit(store, 'case-1', {
        set: [
          { timerId: 'deadline', dueAt: at(10) },
          { timerId: 'warning', dueAt: at(5) },
        ],
      });
      const now = at(20);
      await store.claimDueTimers(now, claim('w1'));
      const fired = await fx.commit(store, 'case-1', {
        fire: { timerId: 'warning', dueAt: at(5), leaseOwner: 'w1' },
      });
      expect((await store.timersOf('case-1')).map((t) => t.timerId)).toEqual(['deadline']);
      expect((await store.history('case-1')).at(-1)).toEqual(fired.audit);
      const twice = await errorOf(() =>
        store.commit(fx.build('case-1', { fire: { timerId: 'warning', dueAt: at(5), leaseOwner: 'w1' } })),
      );
      expect(twice).toBeInstanceOf(TimerGoneError);
      // Re-armed since it was claimed: the claim's dueAt is stale.
      await fx.commit(store, 'case-1', { set: [{ timerId: 'deadline', dueAt: at(12) }] });
      const stale = await errorOf(() =>
        store.commit(fx.build('case-1', { fire: { timerId: 'deadline', dueAt: at(10), leaseOwner: 'w1' } })),
      );
      expect(stale).toBeInstanceOf(TimerGoneError);
      expect(stale).toMatchObject({ caseId: 'case-1', timerId: 'deadline' });
      expect(await store.timersOf('case-1')).toHaveLength(1);
    });

    test('a commit may fire a timer and re-arm the same id (a repeating reminder)', async (store, fx) => {
      await fx.commit(store, 'case-1', { set: [{ timerId: 'remind', dueAt: at(10) }] });
      const now = at(10);
      await store.claimDueTimers(now, claim('w1'));
      await fx.commit(store, 'case-1', {
        fire: { timerId: 'remind', dueAt: at(10), leaseOwner: 'w1' },
        set: [{ timerId: 'remind', dueAt: at(70) }],
      });
      expect(await store.timersOf('case-1')).toEqual([
        { caseId: 'case-1', timerId: 'remind', dueAt: at(70), event: { type: 'TIMER.DUE', at: at(70) } },
      ]);
      // The re-armed row is a fresh timer: not leased, claimable when due.
      expect(timerKeys(await store.claimDueTimers(at(70), claim('w2')))).toEqual(['case-1/remind']);
    });

    test('nextTimerDueAt is the earliest dueAt of any timer row, leased or not', async (store, fx) => {
      expect(await store.nextTimerDueAt()).toBeNull();
      await fx.commit(store, 'case-1', { set: [{ timerId: 'deadline', dueAt: at(30) }] });
      await fx.commit(store, 'case-2', { set: [{ timerId: 'deadline', dueAt: at(10) }] });
      expect(await store.nextTimerDueAt()).toBe(at(10));
      await fx.commit(store, 'case-2', { cancel: ['deadline'] });
      expect(await store.nextTimerDueAt()).toBe(at(30));
      await store.claimDueTimers(at(30), claim('w1'));
      expect(await store.nextTimerDueAt()).toBe(at(30));
      await fx.commit(store, 'case-1', { set: [{ timerId: 'deadline', dueAt: at(40) }] });
      expect(await store.nextTimerDueAt()).toBe(at(40));
      await store.claimDueTimers(at(40), claim('w1'));
      await fx.commit(store, 'case-1', { fire: { timerId: 'deadline', dueAt: at(40), leaseOwner: 'w1' } });
      expect(await store.nextTimerDueAt()).toBeNull();
    });
  });
}
