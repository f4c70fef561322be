import {
  DuplicateCommandError,
  type HazardStore,
  TimerGoneError,
  VersionConflictError,
  verifyAuditChain,
} from '@hazardflow/engine';
import { describe, expect } from 'vitest';
import { fixtureInstant as at, type CommitBuilder, type CommitDraft } from '../fixtures';
import { errorOf, observe, type StoreTest, sortTimers } from './store-test';

/** Commits: what one writes, version guards, idempotency keys, audit order, and all-or-nothing. */
export function commitConformance(test: StoreTest): void {
  describe('commit', () => {
    test('a first commit creates the case: record, audit entry, timers and idempotent result', async (store, fx) => {
      const commit = await fx.commit(store, 'case-1', {
        set: [{ timerId: 'deadline', dueAt: at(60), event: { type: 'TIMER.DUE', at: at(60), nested: { level: 2 } } }],
        idempotencyKey: 'cmd-1',
      });
      expect(await store.getCase('case-1')).toEqual(commit.record);
      expect(await store.history('case-1')).toEqual([commit.audit]);
      expect(await store.timersOf('case-1')).toEqual(commit.timers.set);
      expect(await store.getIdempotentResult('cmd-1')).toEqual(commit.idempotency?.result);
      expect((await store.query({})).items).toEqual([commit.record.view]);
    });

    test('a later commit replaces record and view and appends its audit entry', async (store, fx) => {
      const first = await fx.commit(store, 'case-1');
      const second = await fx.commit(store, 'case-1', {
        view: { status: 'triaged', severity: 'major' },
        snapshot: { value: 'triaged', context: { any: ['json', 1, true, null] } },
      });
      expect(await store.getCase('case-1')).toEqual(second.record);
      expect(await store.history('case-1')).toEqual([first.audit, second.audit]);
      expect((await store.query({})).items).toEqual([second.record.view]);
    });

    test('creating a case twice conflicts', async (store, fx) => {
      await fx.commit(store, 'case-1');
      const error = await errorOf(() => store.commit(fx.build('case-1', { expectedVersion: 0 })));
      expect(error).toBeInstanceOf(VersionConflictError);
      expect(error).toMatchObject({ code: 'VERSION_CONFLICT', caseId: 'case-1', expected: 0, actual: 1 });
    });

    test('a version conflict carries the expected and the actual version', async (store, fx) => {
      await fx.commit(store, 'case-1');
      await fx.commit(store, 'case-1');
      const stale = await errorOf(() => store.commit(fx.build('case-1', { expectedVersion: 1 })));
      expect(stale).toBeInstanceOf(VersionConflictError);
      expect(stale).toMatchObject({ caseId: 'case-1', expected: 1, actual: 2 });
      const ahead = await errorOf(() => store.commit(fx.build('case-1', { expectedVersion: 5 })));
      expect(ahead).toMatchObject({ caseId: 'case-1', expected: 5, actual: 2 });
      const missing = await errorOf(() => store.commit(fx.build('nobody', { expectedVersion: 3 })));
      expect(missing).toBeInstanceOf(VersionConflictError);
      expect(missing).toMatchObject({ caseId: 'nobody', expected: 3, actual: 0 });
      expect(await store.getCase('nobody')).toBeUndefined();
    });

    test('commits sent together are each all-or-nothing: one that fails never takes another with it', async (store, fx) => {
      await fx.commit(store, 'together-2');
      // Sent at once, as concurrent commands on different cases are (a store may group them).
      const commits = [
        fx.build('together-1', { idempotencyKey: 'together-cmd-1' }),
        fx.build('together-2', { expectedVersion: 0 }), // stale: creates a case that exists
        fx.build('together-3', { idempotencyKey: 'together-cmd-1' }), // reuses the first one's key
        fx.build('together-4', { set: [{ timerId: 'deadline', dueAt: at(90) }] }),
      ];
      const settled = await Promise.allSettled(commits.map((commit) => store.commit(commit)));
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
      expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateCommandError);
      expect(await store.getCase('together-1')).toEqual(commits[0]?.record);
      expect((await store.getCase('together-2'))?.view.version).toBe(1);
      expect(await store.history('together-2')).toEqual(fx.history('together-2'));
      expect(await store.getCase('together-3')).toBeUndefined();
      expect(await store.history('together-3')).toEqual([]);
      expect(await store.timersOf('together-4')).toEqual(commits[3]?.timers.set);
      expect(await store.getIdempotentResult('together-cmd-1')).toEqual(commits[0]?.idempotency?.result);
    });

    test('an idempotency key is stored once per store: reusing it, on any case, is refused', async (store, fx) => {
      const result = { ok: true, case: { id: 'case-1' }, note: 'first result' };
      await fx.commit(store, 'case-1', { idempotencyKey: 'cmd-1', result });
      expect(await store.getIdempotentResult('cmd-1')).toEqual(result);
      expect(await store.getIdempotentResult('cmd-unknown')).toBeUndefined();
      for (const caseId of ['case-1', 'case-2']) {
        const error = await errorOf(() => store.commit(fx.build(caseId, { idempotencyKey: 'cmd-1' })));
        expect(error).toBeInstanceOf(DuplicateCommandError);
        expect(error).toMatchObject({ code: 'DUPLICATE_COMMAND', key: 'cmd-1' });
      }
      expect(await store.getIdempotentResult('cmd-1')).toEqual(result);
    });

    test('an idempotent result comes back exactly: the request it answered and its hash included', async (store, fx) => {
      // The engine compares a reused key's request with this one (IDEMPOTENCY_MISMATCH): a store
      // that kept only part of the result would turn every reuse into a replay.
      const result = {
        ok: true,
        case: { id: 'case-1', version: 1, siteName: '东区 “一号” 仓库' },
        request: { command: 'COMMENT', caseId: 'case-1', hash: 'a3'.repeat(32) },
      };
      const key = '键-ключ-01JABCDEF0123456789ABCDEFG';
      await fx.commit(store, 'case-1', { idempotencyKey: key, result });
      expect(await store.getIdempotentResult(key)).toEqual(result);
      expect(await store.getIdempotentResult(key.toUpperCase())).toBeUndefined();
    });

    test('history is each case’s audit entries in seq order, unmixed with other cases', async (store, fx) => {
      for (const caseId of ['h-1', 'h-2', 'h-1', 'h-1', 'h-2', 'h-3', 'h-1']) {
        await fx.commit(store, caseId, { command: `COMMENT ${caseId}` });
      }
      for (const caseId of ['h-1', 'h-2', 'h-3']) {
        const history = await store.history(caseId);
        expect(history).toEqual(fx.history(caseId));
        expect(history.map((e) => e.seq)).toEqual(fx.history(caseId).map((_, i) => i + 1));
        expect(verifyAuditChain(history)).toEqual({ ok: true, length: history.length });
      }
      expect(await store.history('nobody')).toEqual([]);
    });
  });

  describe('a commit that fails leaves nothing behind', () => {
    /**
     * Each failing commit would also change the view, append an audit entry, re-arm one timer,
     * arm another, cancel a third and store a new idempotency key: none of it may show.
     */
    const changes: CommitDraft = {
      view: { status: 'closed', escalationLevel: 3, maxEscalationLevel: 3, updatedAt: at(500) },
      set: [
        { timerId: 'warning', dueAt: at(90) },
        { timerId: 'escalation', dueAt: at(120) },
      ],
      cancel: ['deadline'],
      idempotencyKey: 'cmd-new',
    };
    const failures: {
      name: string;
      caseId: string;
      draft: (fx: CommitBuilder) => CommitDraft;
      error: new (...args: never[]) => Error;
    }[] = [
      {
        name: 'a stale version',
        caseId: 'case-1',
        draft: () => ({ ...changes, expectedVersion: 1 }),
        error: VersionConflictError,
      },
      {
        name: 'creating a case that exists',
        caseId: 'case-1',
        draft: () => ({ ...changes, expectedVersion: 0 }),
        error: VersionConflictError,
      },
      {
        name: 'an idempotency key used before',
        caseId: 'case-1',
        draft: () => ({ ...changes, idempotencyKey: 'cmd-1' }),
        error: DuplicateCommandError,
      },
      {
        name: 'a new case with an idempotency key used before',
        caseId: 'case-3',
        draft: () => ({ ...changes, idempotencyKey: 'cmd-1' }),
        error: DuplicateCommandError,
      },
      {
        name: 'firing a timer that was never armed',
        caseId: 'case-1',
        draft: () => ({ ...changes, fire: { timerId: 'never-armed', dueAt: at(30), leaseOwner: 'w1' } }),
        error: TimerGoneError,
      },
      {
        name: 'firing a timer by a stale dueAt',
        caseId: 'case-1',
        draft: () => ({ ...changes, fire: { timerId: 'warning', dueAt: at(29), leaseOwner: 'w1' } }),
        error: TimerGoneError,
      },
      {
        name: 'firing a timer leased to another owner',
        caseId: 'case-1',
        draft: () => ({ ...changes, fire: { timerId: 'warning', dueAt: at(30), leaseOwner: 'w2' } }),
        error: TimerGoneError,
      },
      {
        name: 'firing another case’s timer',
        caseId: 'case-1',
        draft: () => ({ ...changes, fire: { timerId: 'other', dueAt: at(45), leaseOwner: 'w1' } }),
        error: TimerGoneError,
      },
    ];

    /** case-1 at version 2 with timers warning (30) and deadline (60), case-2 with timer other (45); all leased to w1. */
    async function arrange(store: HazardStore, fx: CommitBuilder) {
      await fx.commit(store, 'case-1', {
        set: [
          { timerId: 'warning', dueAt: at(30) },
          { timerId: 'deadline', dueAt: at(60) },
        ],
        idempotencyKey: 'cmd-1',
      });
      await fx.commit(store, 'case-1', { view: { status: 'triaged' } });
      await fx.commit(store, 'case-2', { set: [{ timerId: 'other', dueAt: at(45) }] });
      const claimed = await store.claimDueTimers(at(60), { limit: 10, owner: 'w1', leaseMs: 600_000 });
      expect(claimed).toHaveLength(3);
    }

    for (const failure of failures) {
      test(`${failure.name}: ${failure.error.name}, and no view, audit entry, timer change or key`, async (store, fx) => {
        await arrange(store, fx);
        const cases = ['case-1', 'case-2', 'case-3'];
        const keys = ['cmd-1', 'cmd-new'];
        const before = await observe(store, cases, keys);
        const error = await errorOf(() => store.commit(fx.build(failure.caseId, failure.draft(fx))));
        expect(error).toBeInstanceOf(failure.error);
        expect(await observe(store, cases, keys)).toEqual(before);
        expect(before.idempotency['cmd-new']).toBeUndefined();
        // The leases taken before the failure still hold.
        expect(await store.claimDueTimers(at(60), { limit: 10, owner: 'w3', leaseMs: 1_000 })).toEqual([]);
        // And the store still takes a good commit for the same case afterwards.
        await fx.commit(store, 'case-1', { fire: { timerId: 'warning', dueAt: at(30), leaseOwner: 'w1' } });
        expect(sortTimers(await store.timersOf('case-1')).map((t) => t.timerId)).toEqual(['deadline']);
      });
    }
  });
}
