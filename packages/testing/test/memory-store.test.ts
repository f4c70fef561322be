import { createMemoryStore, type TimerRow } from '@hazardflow/engine';
import { createCommitBuilder, fixtureInstant } from '@hazardflow/testing';
import { runStoreConformance } from '@hazardflow/testing/vitest';
import { describe, expect, it } from 'vitest';

runStoreConformance(() => createMemoryStore(), { name: 'memory store' });

describe('memory store at scale', () => {
  it('claims 10 000 timers across 200 cases whole, by their earliest timer, each once, and fires them', async () => {
    const store = createMemoryStore();
    const fx = createCommitBuilder();
    // A small linear congruential generator: the same "random" due instants on every run,
    // few enough distinct ones (500) that ties between cases and timer ids are common.
    let seed = 20260302;
    const nextMinute = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % 500;
    };
    const armed: TimerRow[] = [];
    for (let c = 0; c < 200; c++) {
      const caseId = `case-${String((c * 37) % 200).padStart(3, '0')}`;
      const set = Array.from({ length: 50 }, (_, t) => ({ timerId: `t${t}`, dueAt: fixtureInstant(nextMinute()) }));
      const commit = await fx.commit(store, caseId, { at: fixtureInstant(0), set });
      armed.push(...commit.timers.set);
    }
    const expected = [...armed]
      .sort((a, b) => compare(a.dueAt, b.dueAt) || compare(a.caseId, b.caseId) || compare(a.timerId, b.timerId))
      .map((t) => `${t.dueAt} ${t.caseId}/${t.timerId}`);

    const now = fixtureInstant(1_000);
    const key = (t: TimerRow) => `${t.dueAt} ${t.caseId}/${t.timerId}`;
    const claimed: TimerRow[] = [];
    const batches: TimerRow[][] = [];
    const fired = new Set<string>();
    for (;;) {
      const batch = await store.claimDueTimers(now, { limit: 500, owner: 'w1', leaseMs: 60_000 });
      if (batch.length === 0) break;
      claimed.push(...batch);
      batches.push(batch);
      // Fire every tenth, as an engine would; the rest stay leased and must not come back.
      for (const timer of batch.filter((_, i) => i % 10 === 0)) {
        fired.add(key(timer));
        await fx.commit(store, timer.caseId, {
          at: now,
          fire: { timerId: timer.timerId, dueAt: timer.dueAt, leaseOwner: 'w1' },
        });
      }
    }
    expect(claimed.map(key).sort(compare)).toEqual(expected);
    // Each batch in order; each case whole in one batch; cases by their earliest timer.
    const firsts: string[] = [];
    const seen = new Set<string>();
    for (const batch of batches) {
      expect(batch.map(key)).toEqual(batch.map(key).sort(compare));
      const cases = new Set(batch.map((t) => t.caseId));
      for (const caseId of cases) {
        expect(seen.has(caseId), caseId).toBe(false);
        seen.add(caseId);
        firsts.push(key(batch.find((t) => t.caseId === caseId) as TimerRow));
      }
    }
    expect(seen.size).toBe(200);
    const byCase = (k: string) => k.replace(/\/t\d+$/, '');
    expect(firsts.map(byCase)).toEqual([...firsts].sort(compare).map(byCase));
    expect(await store.nextTimerDueAt()).toBe(expected.find((k) => !fired.has(k))?.split(' ')[0]);
  });
});

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
