import { generateKeyPairSync } from 'node:crypto';
import {
  type AuditEntry,
  appendAuditEntry,
  type CaseRecord,
  createEngine,
  createManualClock,
  createMemoryStore,
  GENESIS_HASH,
  type HazardStore,
  type TimerRow,
} from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { notice, pack, people, reportInput } from './support';

/**
 * A memory store whose rows can be edited the way someone with write access to a database
 * would: replace a case's trail, record or timers, or delete a case outright.
 */
function editableStore() {
  const inner = createMemoryStore();
  const trails = new Map<string, AuditEntry[]>();
  const records = new Map<string, CaseRecord | undefined>();
  const timers = new Map<string, TimerRow[]>();
  const store: HazardStore = {
    ...inner,
    commit: (c) => inner.commit(c),
    history: async (id) => trails.get(id) ?? inner.history(id),
    getCase: async (id) => (records.has(id) ? records.get(id) : inner.getCase(id)),
    timersOf: async (id) => timers.get(id) ?? inner.timersOf(id),
    async *allViews() {
      for await (const view of inner.allViews?.() ?? []) {
        if (records.has(view.id) && records.get(view.id) === undefined) continue;
        yield records.get(view.id)?.view ?? view;
      }
    },
    query: (f, p) => inner.query(f, p),
    getIdempotentResult: (k) => inner.getIdempotentResult(k),
    claimDueTimers: (n, o) => inner.claimDueTimers(n, o),
    releaseTimer: (c, t, o) => inner.releaseTimer(c, t, o),
    nextTimerDueAt: () => inner.nextTimerDueAt(),
    close: () => inner.close(),
    ...(inner.appendCheckpoint ? { appendCheckpoint: (cp) => inner.appendCheckpoint?.(cp) as Promise<void> } : {}),
    ...(inner.listCheckpoints ? { listCheckpoints: () => inner.listCheckpoints?.() as never } : {}),
  };
  return { store, inner, trails, records, timers };
}

async function twoCases(options: Parameters<typeof createEngine>[0]['audit'] = undefined) {
  const s = editableStore();
  const clock = createManualClock('2026-09-07T02:00:00.000Z');
  const engine = createEngine({ packs: [pack], store: s.store, clock, ...(options ? { audit: options } : {}) });
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!r.ok) throw new Error(r.error.message);
    await engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    await engine.send(r.case.id, notice, { actor: people.inspector });
    ids.push(r.case.id);
  }
  return { ...s, engine, clock, a: ids[0] as string, b: ids[1] as string };
}

describe('audit trail tampering', () => {
  it('an untouched case verifies at full strength, not as legacy', async () => {
    const t = await twoCases();
    expect(await t.engine.verifyHistory(t.a)).toEqual({ ok: true, length: 3 });
  });

  it('finds another case’s whole trail copied over this case’s', async () => {
    const t = await twoCases();
    t.trails.set(t.a, await t.inner.history(t.b));
    expect(await t.engine.verifyHistory(t.a)).toMatchObject({ ok: false, reason: 'case_mismatch', brokenAt: 1 });
  });

  it('binds each chain to its case: the genesis is derived from the case id', async () => {
    const t = await twoCases();
    const [a1] = await t.inner.history(t.a);
    const [b1] = await t.inner.history(t.b);
    expect(a1?.prevHash).not.toBe(GENESIS_HASH);
    expect(a1?.prevHash).not.toBe(b1?.prevHash);
  });

  it('finds the last entry deleted and the case version decremented', async () => {
    const t = await twoCases();
    const record = (await t.inner.getCase(t.a)) as CaseRecord;
    t.trails.set(t.a, (await t.inner.history(t.a)).slice(0, 2));
    t.records.set(t.a, { ...record, view: { ...record.view, version: 2 } });
    expect(await t.engine.verifyHistory(t.a)).toMatchObject({ ok: false, reason: 'head_mismatch' });
  });

  it('finds cases.view edited alone', async () => {
    const t = await twoCases();
    const record = (await t.inner.getCase(t.a)) as CaseRecord;
    t.records.set(t.a, { ...record, view: { ...record.view, status: 'closed' } });
    expect(await t.engine.verifyHistory(t.a)).toMatchObject({ ok: false, reason: 'state_mismatch' });
  });

  it('finds cases.snapshot edited alone', async () => {
    const t = await twoCases();
    const record = (await t.inner.getCase(t.a)) as CaseRecord;
    const snapshot = record.snapshot as { value: Record<string, unknown>; context: Record<string, unknown> };
    expect(snapshot.value.lifecycle).not.toBe('closed');
    t.records.set(t.a, { ...record, snapshot: { ...snapshot, value: { ...snapshot.value, lifecycle: 'closed' } } });
    expect(await t.engine.verifyHistory(t.a)).toMatchObject({ ok: false, reason: 'state_mismatch' });
  });

  it('a trail written before chains were bound to cases verifies as legacy, flagged', async () => {
    const t = await twoCases();
    const legacy: AuditEntry[] = [];
    for (const entry of await t.inner.history(t.a)) {
      const { seq: _s, prevHash: _p, hash: _h, stateHash: _st, ...draft } = entry;
      legacy.push(appendAuditEntry(legacy.at(-1) ?? { seq: 0, hash: GENESIS_HASH }, draft));
    }
    const record = (await t.inner.getCase(t.a)) as CaseRecord;
    const snapshot = record.snapshot as { value: unknown; context: unknown };
    const head = legacy.at(-1) as AuditEntry;
    t.trails.set(t.a, legacy);
    t.records.set(t.a, {
      ...record,
      snapshot: { value: snapshot.value, context: snapshot.context, audit: { seq: head.seq, hash: head.hash } },
    });
    expect(await t.engine.verifyHistory(t.a)).toEqual({ ok: true, length: 3, legacy: true });
  });

  it('with an HMAC key, hashes recomputed without the key fail', async () => {
    const t = await twoCases({ key: 'application-held-secret' });
    expect(await t.engine.verifyHistory(t.a)).toEqual({ ok: true, length: 3 });
    const entries = await t.inner.history(t.a);
    const forged: AuditEntry[] = [entries[0] as AuditEntry];
    const { seq: _s, prevHash: _p, hash: _h, ...draft } = entries[1] as AuditEntry;
    forged.push(appendAuditEntry(forged[0], { ...draft, actor: { ...draft.actor, id: 'someone-else' } }));
    forged.push(entries[2] as AuditEntry);
    t.trails.set(t.a, forged);
    expect(await t.engine.verifyHistory(t.a)).toMatchObject({ ok: false, brokenAt: 2, reason: 'hash_mismatch' });
    // The same trail, verified by an engine without the key, is not accepted either.
    const plain = createEngine({ packs: [pack], store: t.inner });
    expect(await plain.verifyHistory(t.a)).toMatchObject({ ok: false, reason: 'hash_mismatch' });
  });
});

describe('verifyStore', () => {
  it('an untouched store verifies, with its checkpoint', async () => {
    const t = await twoCases();
    await t.engine.checkpoint();
    expect(await t.engine.verifyStore()).toMatchObject({ ok: true, cases: 2, checkpoints: 1, problems: [] });
  });

  it('finds a case and its whole trail deleted together, against the last checkpoint', async () => {
    const t = await twoCases();
    await t.engine.checkpoint();
    t.records.set(t.b, undefined);
    t.trails.set(t.b, []);
    const result = await t.engine.verifyStore();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ caseId: t.b, reason: 'case_deleted' }));
  });

  it('finds an open case’s timer rows deleted (escalation would silently stop)', async () => {
    const t = await twoCases();
    expect((await t.inner.timersOf(t.a)).length).toBeGreaterThan(0);
    t.timers.set(t.a, []);
    const result = await t.engine.verifyStore();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ caseId: t.a, reason: 'timer_missing' }));
  });

  it('signed checkpoints verify with the public key and fail with another', async () => {
    const keys = generateKeyPairSync('ed25519');
    const t = await twoCases({ signingKey: keys.privateKey });
    await t.engine.checkpoint();
    await t.engine.send(t.a, { type: 'COMMENT', text: 'later' }, { actor: people.inspector });
    await t.engine.checkpoint();
    expect(await t.engine.verifyCheckpoints(keys.publicKey)).toEqual({ ok: true, checkpoints: 2 });
    const other = generateKeyPairSync('ed25519');
    expect(await t.engine.verifyCheckpoints(other.publicKey)).toMatchObject({ ok: false, reason: 'bad_signature' });
    expect(await t.engine.verifyStore({ publicKey: keys.publicKey })).toMatchObject({ ok: true, checkpoints: 2 });
  });
});
