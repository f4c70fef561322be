import {
  type Commit,
  type HazardStore,
  notificationId,
  type OutboxRow,
  VersionConflictError,
} from '@hazardflow/engine';
import { describe, expect } from 'vitest';
import type { CommitBuilder } from '../fixtures';
import { fixtureInstant as at } from '../fixtures';
import { errorOf, type StoreTest } from './store-test';

const LEASE = 60 * 60_000; // an hour: longer than any test's fixture minutes
const claim = (owner: string, limit = 100, leaseMs = LEASE) => ({ limit, owner, leaseMs });

/** `count` pending outbox rows for the audit entry `seq` of `caseId`, due at `due`. */
function rows(caseId: string, seq: number, count: number, due: string): OutboxRow[] {
  return Array.from({ length: count }, (_, index) => ({
    id: notificationId(caseId, seq, index),
    caseId,
    notification: {
      type: 'hazard.notification',
      caseId,
      reason: 'notice_issued',
      level: 0,
      recipients: [{ role: 'responsible', org: 'party-1' }],
      at: due,
      dueAt: null,
      message: `notice ${index}`,
    },
    recipients: [{ role: 'responsible', org: 'party-1' }],
    status: 'pending',
    attempts: 0,
    nextAttemptAt: due,
    createdAt: due,
  }));
}

/** Commits the builder's next commit of `caseId` with `count` outbox rows. */
async function commitWithOutbox(store: HazardStore, fx: CommitBuilder, caseId: string, count: number, due = at(1)) {
  const built = fx.build(caseId);
  const commit: Commit = { ...built, outbox: rows(caseId, built.audit.seq, count, due) };
  await store.commit(commit);
  return commit;
}

/** The outbox (DESIGN.md decision 10): rows written with their commit, claimed under leases, settled. */
export function outboxConformance(test: StoreTest): void {
  describe('outbox', () => {
    test('a commit writes its outbox rows with it, pending and unattempted, in commit order', async (store, fx) => {
      const supported = store.claimOutbox && store.settleOutbox && store.deliveries;
      expect(supported, 'the store implements claimOutbox, settleOutbox and deliveries').toBeTruthy();
      await commitWithOutbox(store, fx, 'case-b', 2);
      await commitWithOutbox(store, fx, 'case-a', 1);
      const all = await store.deliveries?.({});
      expect(all?.map((row) => row.id)).toEqual(['case-b:1:0', 'case-b:1:1', 'case-a:1:0']);
      expect(all?.[0]).toEqual({
        ...rows('case-b', 1, 1, at(1))[0],
        receipt: null,
        deliveredAt: null,
        lastError: null,
      });
      expect((await store.deliveries?.({ caseId: 'case-a' }))?.map((row) => row.id)).toEqual(['case-a:1:0']);
      expect(await store.deliveries?.({ status: 'delivered' })).toEqual([]);
    });

    test('a failed commit writes no outbox rows', async (store, fx) => {
      await fx.commit(store, 'case-1');
      const stale = fx.build('case-1', { expectedVersion: 0 });
      const error = await errorOf(() => store.commit({ ...stale, outbox: rows('case-1', 1, 2, at(1)) }));
      expect(error).toBeInstanceOf(VersionConflictError);
      expect(await store.deliveries?.({})).toEqual([]);
      expect(await store.claimOutbox?.(at(10), claim('w1'))).toEqual([]);
    });

    test('claims due rows by nextAttemptAt then id, each once inside its lease, counting attempts', async (store, fx) => {
      await commitWithOutbox(store, fx, 'case-late', 1, at(5));
      await commitWithOutbox(store, fx, 'case-early', 2, at(2));
      expect(await store.claimOutbox?.(at(1), claim('w1'))).toEqual([]); // nothing due yet
      const first = await store.claimOutbox?.(at(3), claim('w1', 1));
      expect(first?.map((row) => [row.id, row.attempts])).toEqual([['case-early:1:0', 1]]);
      const second = await store.claimOutbox?.(at(6), claim('w2'));
      expect(second?.map((row) => row.id)).toEqual(['case-early:1:1', 'case-late:1:0']);
      expect(await store.claimOutbox?.(at(7), claim('w3'))).toEqual([]); // all leased
    });

    test('a row whose lease expired is claimed again, and the old owner can no longer settle it', async (store, fx) => {
      await commitWithOutbox(store, fx, 'case-1', 1);
      const id = 'case-1:1:0';
      await store.claimOutbox?.(at(1), claim('w1', 10, 1_000));
      expect(await store.claimOutbox?.(at(1), claim('w2'))).toEqual([]);
      const again = await store.claimOutbox?.(new Date(Date.parse(at(1)) + 1_000).toISOString(), claim('w2'));
      expect(again?.map((row) => [row.id, row.attempts])).toEqual([[id, 2]]);
      const stale = await store.settleOutbox?.(id, 'w1', { status: 'delivered', at: at(2), receipt: { by: 'w1' } });
      expect(stale).toBe(false);
      const settled = await store.settleOutbox?.(id, 'w2', { status: 'delivered', at: at(2), receipt: { by: 'w2' } });
      expect(settled).toBe(true);
      const [row] = (await store.deliveries?.({ caseId: 'case-1' })) ?? [];
      expect(row).toMatchObject({ status: 'delivered', receipt: { by: 'w2' }, deliveredAt: at(2), attempts: 2 });
      expect(await store.settleOutbox?.(id, 'w2', { status: 'dead', at: at(3), error: 'late' })).toBe(false);
      expect(await store.claimOutbox?.(at(100), claim('w3'))).toEqual([]);
    });

    test('a retried row waits for its nextAttemptAt; a dead row is never claimed again', async (store, fx) => {
      await commitWithOutbox(store, fx, 'case-1', 1);
      const id = 'case-1:1:0';
      for (let attempt = 1; attempt <= 3; attempt++) {
        const claimed = await store.claimOutbox?.(at(attempt * 10), claim('w1'));
        expect(claimed?.map((row) => [row.id, row.attempts])).toEqual([[id, attempt]]);
        const settlement =
          attempt < 3
            ? { status: 'pending' as const, nextAttemptAt: at(attempt * 10 + 5), error: `boom ${attempt}` }
            : { status: 'dead' as const, at: at(30), error: 'boom 3' };
        expect(await store.settleOutbox?.(id, 'w1', settlement)).toBe(true);
        if (attempt < 3) expect(await store.claimOutbox?.(at(attempt * 10 + 4), claim('w1'))).toEqual([]);
      }
      expect(await store.claimOutbox?.(at(1000), claim('w1'))).toEqual([]);
      const [row] = (await store.deliveries?.({ status: 'dead' })) ?? [];
      expect(row).toMatchObject({ id, status: 'dead', attempts: 3, lastError: 'boom 3', deliveredAt: null });
    });
  });
}
