import type { HazardNotification } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { people, reportInput, testEngine } from './support';

const DAY = 86_400_000;

describe("a late step of the regulator's own", () => {
  it('climbs the regulator ladder with reminders, never the case level, until the step is done', async () => {
    const { engine, clock } = testEngine();
    const told: HazardNotification[] = [];
    engine.on('notification', (n) => told.push(n));
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    // nobody triages: six weeks pass, timers fire as they fall due
    for (let day = 0; day < 42; day++) {
      clock.advanceBy(DAY);
      await engine.runDueTimers();
    }
    const reasons = told.map((n) => n.reason);
    expect(reasons).toContain('overdue');
    const climbs = told.filter((n) => n.reason === 'step_escalated');
    expect(climbs.map((n) => n.stepLevel)).toEqual([1, 2]);
    expect(climbs[0]?.recipients.map((r) => r.role)).toEqual(['regulator']);
    expect(climbs[1]?.recipients.map((r) => r.role)).toEqual(['regulator', 'command']);
    const reminders = told.filter((n) => n.reason === 'step_reminder');
    expect(reminders.map((n) => n.stepLevel)).toEqual([1, 2, 2, 2]);
    // the order: overdue, rung 1, its reminder, rung 2, then rung 2's reminders
    expect(reasons.indexOf('overdue')).toBeLessThan(reasons.indexOf('step_escalated'));
    const view = await engine.get(id);
    expect(view?.status).toBe('reported');
    expect(view?.escalationLevel).toBe(0);

    // triaging ends the late step: its timers go, the next step is watched from the bottom
    const before = told.length;
    const triaged = await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
    expect(triaged.ok).toBe(true);
    const timers = await engine.timers(id);
    expect(timers.map((t) => t.event.type)).not.toContain('TIMER.REMIND');
    expect(told.slice(before).some((n) => n.reason === 'step_escalated')).toBe(false);
  });
});
