import type { HazardStore } from '@hazardflow/engine';
import { describe, expect } from 'vitest';
import { fixtureInstant as at, type CommitBuilder } from '../fixtures';
import type { StoreTest } from './store-test';

/** A change a careless caller might make: set `value` at `path` (array indexes and `length` included). */
type Mutation = readonly [path: readonly (string | number)[], value: unknown];

/** Applies a mutation; frozen data throws a TypeError, one of the two allowed outcomes. */
function tamper(target: unknown, [path, value]: Mutation): void {
  try {
    let holder = target as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
    holder[path[path.length - 1] as string | number] = value;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
}

/** Reads once per mutation, applies it, and requires the next read to equal the first. */
async function expectUnchangeable(what: string, read: () => Promise<unknown>, mutations: Mutation[]): Promise<void> {
  const original = structuredClone(await read());
  for (const mutation of mutations) {
    tamper(await read(), mutation);
    expect(await read(), `${what}: set ${mutation[0].join('.')}`).toEqual(original);
  }
}

async function arrange(store: HazardStore, fx: CommitBuilder) {
  return fx.commit(store, 'case-1', {
    view: { interimControls: ['seal'] },
    snapshot: { value: { lifecycle: 'reported' }, context: { caseId: 'case-1', tags: ['a'] } },
    set: [{ timerId: 'deadline', dueAt: at(10), event: { type: 'TIMER.ESCALATE', at: at(10), level: 1 } }],
    idempotencyKey: 'cmd-1',
    result: { ok: true, case: { id: 'case-1', status: 'reported' } },
  });
}

/** What a store hands out, and what it was handed, cannot be used to change what it holds. */
export function isolationConformance(test: StoreTest): void {
  describe('isolation', () => {
    test('mutating what getCase, history and query return either throws or changes nothing', async (store, fx) => {
      await arrange(store, fx);
      await expectUnchangeable('getCase', () => store.getCase('case-1'), [
        [['view', 'status'], 'closed'],
        [['view', 'interimControls', 1], 'evacuate'],
        [['snapshot', 'context', 'tags', 0], 'b'],
        [['snapshot'], null],
      ]);
      await expectUnchangeable('history', () => store.history('case-1'), [
        [[0, 'actor', 'id'], 'someone-else'],
        [[0, 'reasons', 0], 'invented'],
        [[0, 'hash'], '0'.repeat(64)],
        [['length'], 0],
      ]);
      await expectUnchangeable('query', async () => (await store.query({})).items, [
        [[0, 'escalationLevel'], 5],
        [['length'], 0],
      ]);
    });

    test('mutating timer rows and idempotent results either throws or changes nothing', async (store, fx) => {
      await arrange(store, fx);
      await expectUnchangeable('timersOf', () => store.timersOf('case-1'), [
        [[0, 'dueAt'], at(999)],
        [[0, 'event', 'level'], 9],
      ]);
      await expectUnchangeable('getIdempotentResult', () => store.getIdempotentResult('cmd-1'), [
        [['ok'], false],
        [['case', 'status'], 'closed'],
      ]);
      const claimed = await store.claimDueTimers(at(10), { limit: 1, owner: 'w1', leaseMs: 60_000 });
      tamper(claimed, [[0, 'event', 'level'], 9]);
      tamper(claimed, [[0, 'dueAt'], at(999)]);
      expect(await store.timersOf('case-1')).toEqual([
        {
          caseId: 'case-1',
          timerId: 'deadline',
          dueAt: at(10),
          event: { type: 'TIMER.ESCALATE', at: at(10), level: 1 },
        },
      ]);
    });

    test('changing a commit after it was written does not change the store', async (store, fx) => {
      const commit = await arrange(store, fx);
      const expected = {
        record: structuredClone(commit.record),
        history: [structuredClone(commit.audit)],
        timers: structuredClone(commit.timers.set),
        result: structuredClone(commit.idempotency?.result),
      };
      const mutations: Mutation[] = [
        [['record', 'view', 'status'], 'closed'],
        [['record', 'snapshot', 'context', 'tags', 0], 'b'],
        [['audit', 'reasons', 0], 'invented'],
        [['timers', 'set', 0, 'dueAt'], at(999)],
        [['timers', 'set', 0, 'event', 'level'], 9],
        [['idempotency', 'result', 'ok'], false],
      ];
      for (const mutation of mutations) tamper(commit, mutation);
      expect({
        record: await store.getCase('case-1'),
        history: await store.history('case-1'),
        timers: await store.timersOf('case-1'),
        result: await store.getIdempotentResult('cmd-1'),
      }).toEqual(expected);
    });
  });
}
