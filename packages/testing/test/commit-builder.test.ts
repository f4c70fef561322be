import { createMemoryStore, verifyAuditChain } from '@hazardflow/engine';
import { createCommitBuilder, FIXTURE_START, fixtureCaseView, fixtureInstant } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

describe('the store fixtures', () => {
  it('fixtureInstant counts minutes from FIXTURE_START, in canonical ISO form', () => {
    expect(fixtureInstant(0)).toBe(FIXTURE_START);
    expect(fixtureInstant(90)).toBe('2026-03-02T01:30:00.000Z');
    expect(fixtureCaseView('c', { status: 'closed' })).toMatchObject({ id: 'c', version: 1, status: 'closed' });
  });

  it('commits continue each case’s version and audit chain; build alone changes nothing', async () => {
    const store = createMemoryStore();
    const fx = createCommitBuilder();
    const first = await fx.commit(store, 'case-1', { view: { territory: 'street-b' } });
    expect(first).toMatchObject({ expectedVersion: 0, record: { view: { version: 1, territory: 'street-b' } } });
    expect(first.audit).toMatchObject({ seq: 1, command: 'REPORT', fromStatus: null, toStatus: 'reported' });

    const draft = fx.build('case-1', { view: { status: 'triaged' } });
    expect(fx.build('case-1', { view: { status: 'triaged' } })).toEqual(draft);
    expect(fx.view('case-1')?.status).toBe('reported');

    await fx.commit(store, 'case-1', {
      view: { status: 'triaged' },
      set: [{ timerId: 'deadline', dueAt: fixtureInstant(20) }],
      idempotencyKey: 'k',
    });
    const fired = await fx.commit(store, 'case-1', {
      at: fixtureInstant(30),
      fire: { timerId: 'deadline', dueAt: fixtureInstant(20), leaseOwner: 'w' },
    });
    expect(fired.audit).toMatchObject({
      seq: 3,
      actor: { role: 'system' },
      fromStatus: 'triaged',
      firedTimer: { timerId: 'deadline', dueAt: fixtureInstant(20), lateByMs: 600_000 },
    });
    expect(fired.record.view).toMatchObject({ version: 3, territory: 'street-b', updatedAt: fixtureInstant(30) });
    expect(await store.getIdempotentResult('k')).toMatchObject({ ok: true, case: { version: 2 } });
    expect(verifyAuditChain(fx.history('case-1'))).toEqual({ ok: true, length: 3 });
    expect(await store.history('case-1')).toEqual(fx.history('case-1'));
    expect(fx.build('case-1', { expectedVersion: 1 })).toMatchObject({
      expectedVersion: 1,
      record: { view: { version: 2 } },
    });
  });
});
