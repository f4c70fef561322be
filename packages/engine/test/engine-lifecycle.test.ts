import { createMemoryStore, type HazardStore } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { ev, notice, people, reportInput, testEngine } from './support';

describe('engine: a case from report to close', () => {
  it('commits each step, records an audit chain, and emits typed events', async () => {
    const { engine } = testEngine();
    const events: string[] = [];
    engine.on('case.reported', (c) => events.push(`reported:${c.to}`));
    engine.on('case.transitioned', (c) => events.push(`${c.from}->${c.to}`));
    engine.on('case.closed', () => events.push('closed'));
    engine.on('notification', (n) => events.push(`notify:${n.reason}`));

    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    expect(reported.case).toMatchObject({
      status: 'reported',
      version: 1,
      territory: 'street-a',
      dueAt: '2026-09-08T02:00:00.000Z',
    });

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
    const view = await engine.get(id);
    expect(view).toMatchObject({ status: 'closed', version: 6, closedOnTime: true, overdue: false });
    expect(events).toEqual([
      // a 24 h triage deadline starts inside the one-working-day warning window: that warning
      // would fall at the moment of report, so it is skipped (issue 27)
      'reported:reported',
      'reported->triaged',
      'triaged->notice_issued',
      'notify:notice_issued',
      'notice_issued->rectifying',
      'rectifying->verifying',
      'verifying->closed',
      'notify:closed',
      'closed',
    ]);
    const history = await engine.history(id);
    expect(history.map((h) => `${h.command}:${h.fromStatus}->${h.toStatus}`)).toEqual([
      'REPORT:null->reported',
      'TRIAGE:reported->triaged',
      'ISSUE_NOTICE:triaged->notice_issued',
      'ACKNOWLEDGE:notice_issued->rectifying',
      'SUBMIT_RECTIFICATION:rectifying->verifying',
      'VERIFY:verifying->closed',
    ]);
    expect(await engine.verifyHistory(id)).toMatchObject({ ok: true, length: 6 });
    // only the follow-up window remains
    expect((await engine.store.timersOf(id)).map((t) => t.timerId)).toEqual(['follow-up.end']);
  });

  it('fires due timers in order, records how late they fired, and escalates', async () => {
    const { engine, clock } = testEngine();
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
    await engine.send(id, notice, { actor: people.inspector });
    const escalated: number[] = [];
    engine.on('case.escalated', (n) => escalated.push(n.level));
    clock.set('2026-10-20T00:00:00.000Z');
    const fired = await engine.runDueTimers();
    expect(fired).toBeGreaterThan(3);
    const view = await engine.get(id);
    // due 2026-09-10; level 4 is 20 working days later, over the National Day holiday: 2026-10-14
    expect(view).toMatchObject({ overdue: true, escalationLevel: 4 });
    expect(escalated).toEqual([1, 2, 3, 4]);
    const timerEntries = (await engine.history(id)).filter((h) => h.firedTimer);
    const dueTimes = timerEntries.map((h) => h.firedTimer?.dueAt ?? '');
    expect([...dueTimes].sort()).toEqual(dueTimes);
    expect(timerEntries.every((h) => (h.firedTimer?.lateByMs ?? -1) >= 0)).toBe(true);
    expect(timerEntries.some((h) => (h.firedTimer?.lateByMs ?? 0) > 0)).toBe(true);
    expect(await engine.verifyHistory(id)).toMatchObject({ ok: true });
  });
});

describe('verifyHistory', () => {
  it('finds entries cut from the end of a trail, which leave a valid but shorter chain', async () => {
    const inner = createMemoryStore();
    let cut = 0;
    const store: HazardStore = {
      ...inner,
      history: async (id) => (await inner.history(id)).slice(0, -cut || undefined),
    };
    const { engine } = testEngine(store);
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!r.ok) throw new Error(r.error.message);
    await engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    await engine.send(r.case.id, notice, { actor: people.inspector });
    expect(await engine.verifyHistory(r.case.id)).toEqual({ ok: true, length: 3 });

    cut = 1;
    expect(await engine.verifyHistory(r.case.id)).toMatchObject({ ok: false, brokenAt: 3, reason: 'truncated' });
    cut = 2;
    const verdict = await engine.verifyHistory(r.case.id);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 2, reason: 'truncated' });
    expect(verdict.ok ? '' : verdict.message).toBe(
      'the case is at version 3 but its trail ends at entry 1: the last 2 entries were removed',
    );
    expect(await engine.verifyHistory('no-such-case')).toEqual({ ok: true, length: 0 });
  });
});
