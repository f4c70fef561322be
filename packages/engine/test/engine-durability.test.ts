import { createEngine, createManualClock, createMemoryStore } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { notice, pack, people, reportInput, testEngine } from './support';

describe('durability, idempotency and concurrency', () => {
  it('a second engine over the same store fires every pending timer once, in order, after downtime', async () => {
    const store = createMemoryStore();
    const first = testEngine(store);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await first.engine.report(reportInput(), { actor: people.gridWorker });
      if (!r.ok) throw new Error(r.error.message);
      ids.push(r.case.id);
      await first.engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
      await first.engine.send(r.case.id, notice, { actor: people.inspector });
    }
    first.clock.set('2026-09-09T00:00:00.000Z');
    await first.engine.runDueTimers({ limit: 3 });
    first.engine.stop();

    const clock = createManualClock('2026-10-30T00:00:00.000Z');
    const second = createEngine({ packs: [pack], store, clock });
    const fired: { caseId: string; timerId: string; dueAt: string }[] = [];
    second.on('timer.fired', (f) => fired.push(f));
    await second.runDueTimers();
    expect(await second.runDueTimers()).toBe(0);
    const keys = fired.map((f) => `${f.caseId}/${f.timerId}/${f.dueAt}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(fired.map((f) => f.dueAt)).toEqual([...fired.map((f) => f.dueAt)].sort());
    for (const id of ids) {
      expect(await second.get(id)).toMatchObject({ overdue: true, escalationLevel: 4 });
      expect(await second.verifyHistory(id)).toMatchObject({ ok: true });
    }
  });

  it('a repeated commandId returns the first result, marked replayed, and commits once', async () => {
    const { engine } = testEngine();
    const first = await engine.report(reportInput(), { actor: people.gridWorker, commandId: 'r-1' });
    const again = await engine.report(reportInput(), { actor: people.gridWorker, commandId: 'r-1' });
    expect(again).toMatchObject({ ...first, replayed: true });
    if (!first.ok) throw new Error('report failed');
    const a = await engine.send(first.case.id, { type: 'TRIAGE' }, { actor: people.inspector, commandId: 't-1' });
    const b = await engine.send(first.case.id, { type: 'TRIAGE' }, { actor: people.inspector, commandId: 't-1' });
    expect(b).toEqual({ ...a, replayed: true });
    expect((await engine.history(first.case.id)).length).toBe(2);
    expect((await engine.query({})).items.length).toBe(1);
  });

  it('concurrent commands on one case are serialised: nothing is lost', async () => {
    const { engine } = testEngine();
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!r.ok) throw new Error(r.error.message);
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        engine.send(r.case.id, { type: 'COMMENT', text: `note ${i}` }, { actor: people.inspector }),
      ),
    );
    expect(results.every((x) => x.ok)).toBe(true);
    expect((await engine.get(r.case.id))?.version).toBe(26);
    expect((await engine.history(r.case.id)).map((h) => h.seq)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
  });

  it('detects a tampered audit entry and names it', async () => {
    const { engine, store } = testEngine();
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!r.ok) throw new Error(r.error.message);
    await engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    await engine.send(r.case.id, { type: 'COMMENT', text: 'original' }, { actor: people.inspector });
    const entries = await store.history(r.case.id);
    const tampered = entries.map((e) => (e.seq === 2 ? { ...e, actor: { ...e.actor, id: 'someone-else' } } : e));
    const { verifyAuditChain } = await import('@hazardflow/engine');
    expect(verifyAuditChain(tampered)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('a listener that throws surfaces as an error event and does not break the command', async () => {
    const { engine } = testEngine();
    const errors: unknown[] = [];
    engine.on('error', (e) => errors.push(e));
    engine.on('case.reported', () => {
      throw new Error('listener failed');
    });
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    expect(r.ok).toBe(true);
    expect(errors).toHaveLength(1);
  });
});
