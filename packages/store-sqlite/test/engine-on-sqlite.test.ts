import { createEngine, createManualClock } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { ev, notice, pack, people, reportInput, testEngine } from '../../engine/test/support';
import { tempDirectory } from './support/temp-directory';

/** The engine's own scenarios, on a database file instead of memory. */
describe('the engine on SQLite', () => {
  const temp = tempDirectory();
  afterEach(() => temp.clean());

  it('runs a case from report to close and keeps its audit chain', async () => {
    const store = createSqliteStore({ filename: temp.file('lifecycle.db') });
    const { engine } = testEngine(store);
    const events: string[] = [];
    engine.on('case.transitioned', (c) => events.push(`${c.from}->${c.to}`));
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    for (const [command, actor] of [
      [{ type: 'TRIAGE' }, people.inspector],
      [notice, people.inspector],
      [{ type: 'ACKNOWLEDGE' }, people.owner],
      [{ type: 'SUBMIT_RECTIFICATION', evidence: [ev('after_photo', 'owner-1')] }, people.owner],
      [
        {
          type: 'VERIFY',
          result: 'pass',
          evidence: [ev('inspection_record', 'inspector-1'), ev('inspection_record', 'inspector-2')],
        },
        people.inspector,
      ],
    ] as const) {
      const result = await engine.send(id, command, { actor });
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
    expect(await engine.get(id)).toMatchObject({ status: 'closed', version: 6, closedOnTime: true });
    expect(events).toEqual([
      'reported->triaged',
      'triaged->notice_issued',
      'notice_issued->rectifying',
      'rectifying->verifying',
      'verifying->closed',
    ]);
    expect(await engine.verifyHistory(id)).toMatchObject({ ok: true, length: 6 });
    expect((await store.timersOf(id)).map((t) => t.timerId)).toEqual(['follow-up.end']);
    expect((await engine.query({ status: 'closed' })).items.map((v) => v.id)).toEqual([id]);
    await store.close();
  });

  it('fires timers in order, and after a restart the next engine finds everything and fires the rest once', async () => {
    const filename = temp.file('timers.db');
    const first = testEngine(createSqliteStore({ filename }));
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await first.engine.report(reportInput({ territory: i % 2 ? 'street-a' : 'street-b' }), {
        actor: people.gridWorker,
        commandId: `report-${i}`,
      });
      if (!r.ok) throw new Error(r.error.message);
      ids.push(r.case.id);
      await first.engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
      await first.engine.send(r.case.id, notice, { actor: people.inspector });
    }
    first.clock.set('2026-09-12T00:00:00.000Z');
    expect(await first.engine.runDueTimers()).toBeGreaterThan(0);
    const views = await Promise.all(ids.map((id) => first.engine.get(id)));
    const histories = await Promise.all(ids.map((id) => first.engine.history(id)));
    const timers = await Promise.all(ids.map((id) => first.store.timersOf(id)));
    await first.store.close();

    const store = createSqliteStore({ filename });
    const clock = createManualClock('2026-10-30T00:00:00.000Z');
    const second = createEngine({ packs: [pack], store, clock });
    expect(await Promise.all(ids.map((id) => second.get(id)))).toEqual(views);
    expect(await Promise.all(ids.map((id) => second.history(id)))).toEqual(histories);
    expect(await Promise.all(ids.map((id) => store.timersOf(id)))).toEqual(timers);
    // the report is not filed twice after the restart (the same request: report-0 was on street-b)
    const again = await second.report(reportInput({ territory: 'street-b' }), {
      actor: people.gridWorker,
      commandId: 'report-0',
    });
    expect(again).toMatchObject({ ok: true, replayed: true, case: { id: ids[0] } });

    const fired: string[] = [];
    second.on('timer.fired', (f) => fired.push(`${f.caseId}/${f.timerId}/${f.dueAt}`));
    await second.runDueTimers();
    expect(await second.runDueTimers()).toBe(0);
    expect(new Set(fired).size).toBe(fired.length);
    const firedBefore = histories.flat().filter((h) => h.firedTimer);
    for (const entry of firedBefore) {
      expect(fired).not.toContain(`${entry.caseId}/${entry.firedTimer?.timerId}/${entry.firedTimer?.dueAt}`);
    }
    for (const id of ids) {
      expect(await second.get(id)).toMatchObject({ overdue: true, escalationLevel: 4 });
      expect(await second.verifyHistory(id)).toMatchObject({ ok: true });
    }
    expect(await second.assessment({ groupBy: 'territory' })).toHaveLength(2);
    expect((await second.query({ minEscalationLevel: 4, territory: 'street-a' })).items).toHaveLength(2);
    await store.close();
  });

  it('keeps the request hash with a commandId: after a reopen a retry is replayed, another payload refused', async () => {
    const filename = temp.file('idempotency.db');
    const first = testEngine(createSqliteStore({ filename }));
    const filed = await first.engine.report(reportInput(), { actor: people.gridWorker, commandId: 'intake-1' });
    if (!filed.ok) throw new Error(filed.error.message);
    const id = filed.case.id;
    const comment = { type: 'COMMENT', text: 'called the owner' } as const;
    const commented = await first.engine.send(id, comment, { actor: people.inspector, commandId: 'c-1' });
    expect(commented.ok).toBe(true);
    await first.store.close();

    const store = createSqliteStore({ filename });
    const second = testEngine(store);
    const history = await second.engine.history(id);
    expect(await second.engine.send(id, comment, { actor: people.inspector, commandId: 'c-1' })).toEqual({
      ...commented,
      replayed: true,
    });
    for (const refused of [
      await second.engine.send(id, { ...comment, text: 'did not call' }, { actor: people.inspector, commandId: 'c-1' }),
      await second.engine.send(id, comment, { actor: people.secondInspector, commandId: 'c-1' }),
      await second.engine.report(reportInput({ territory: 'street-b' }), {
        actor: people.gridWorker,
        commandId: 'intake-1',
      }),
    ]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
    }
    expect(await second.engine.history(id)).toEqual(history);
    expect((await second.engine.query({})).items).toHaveLength(1);
    await store.close();
  });

  it('serialises concurrent commands on one case: nothing is lost', async () => {
    const store = createSqliteStore({ filename: temp.file('concurrent.db'), durability: 'normal' });
    const { engine } = testEngine(store);
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!r.ok) throw new Error(r.error.message);
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        engine.send(r.case.id, { type: 'COMMENT', text: `note ${i}` }, { actor: people.inspector }),
      ),
    );
    expect(results.every((x) => x.ok)).toBe(true);
    expect((await engine.get(r.case.id))?.version).toBe(26);
    expect(await engine.verifyHistory(r.case.id)).toMatchObject({ ok: true, length: 26 });
    await store.close();
  });

  it('two engines on one file share timers through leases: each timer fires once', async () => {
    const filename = temp.file('shared.db');
    const a = testEngine(createSqliteStore({ filename }));
    const b = createEngine({
      packs: [pack],
      store: createSqliteStore({ filename }),
      clock: a.clock,
      workerId: 'engine-b',
    });
    for (let i = 0; i < 6; i++) {
      const r = await a.engine.report(reportInput(), { actor: people.gridWorker });
      if (!r.ok) throw new Error(r.error.message);
      await a.engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
      await a.engine.send(r.case.id, notice, { actor: people.inspector });
    }
    a.clock.set('2026-10-30T00:00:00.000Z');
    // Small batches, side by side, so both engines claim; a timer whose commit lost a version
    // race to the other engine stays leased until its lease lapses, hence the clock nudges.
    let byA = 0;
    let byB = 0;
    for (let idle = 0; idle < 2; ) {
      const [x, y] = await Promise.all([a.engine.runDueTimers({ limit: 2 }), b.runDueTimers({ limit: 2 })]);
      byA += x;
      byB += y;
      idle = x + y === 0 ? idle + 1 : 0;
      if (x + y === 0) a.clock.advanceBy(61_000);
    }
    expect(byA).toBeGreaterThan(0);
    expect(byB).toBeGreaterThan(0);
    const views = (await a.engine.query({})).items;
    expect(views.every((v) => v.overdue && v.escalationLevel === 4)).toBe(true);
    const firings = (await Promise.all(views.map((v) => a.engine.history(v.id))))
      .flat()
      .filter((h) => h.firedTimer)
      .map((h) => `${h.caseId}/${h.firedTimer?.timerId}/${h.firedTimer?.dueAt}/${h.at}`);
    expect(firings).toHaveLength(byA + byB);
    // A timer row fires once. (A reminder re-armed "now" after falling due while the case was
    // already late may share its dueAt with the next reminder, but not its event time.)
    expect(new Set(firings).size).toBe(firings.length);
    expect(await a.store.nextTimerDueAt()).toBeNull();
    await a.store.close();
    await b.store.close();
  });
});
