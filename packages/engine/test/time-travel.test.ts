import { defaultCalendarFor } from '@hazardflow/core';
import { travel, travelTarget } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { notice, pack, people, reportInput, testEngine } from './support';

const calendar = defaultCalendarFor(pack.timeZone);

describe('travel', () => {
  it('counts working days on the business calendar, like a pack deadline', () => {
    // Friday 2026-09-11 10:00 in Shanghai + 1 working day: the end of Monday the 14th.
    const friday = new Date('2026-09-11T02:00:00.000Z');
    expect(travelTarget(friday, { by: { workingDays: 1 } }, calendar).toISOString()).toBe('2026-09-14T15:59:59.999Z');
    expect(travelTarget(friday, { by: { hours: 2 } }).toISOString()).toBe('2026-09-11T04:00:00.000Z');
    expect(() => travelTarget(friday, { by: { workingDays: 1 } })).toThrow(/calendar/);
  });

  it('fires every timer due on the way at its own instant, in due order, and ends at the target', async () => {
    const { engine, clock } = testEngine();
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
    await engine.send(id, notice, { actor: people.inspector });
    const fired: { dueAt: string; now: string }[] = [];
    engine.on('timer.fired', (f) => fired.push({ dueAt: f.dueAt, now: clock.now().toISOString() }));
    const count = await travel(engine, clock, { to: '2026-12-31T00:00:00.000Z' });
    expect(count).toBe(fired.length);
    expect(count).toBeGreaterThan(1);
    for (const f of fired) expect(Date.parse(f.now)).toBe(Date.parse(f.dueAt));
    const due = fired.map((f) => Date.parse(f.dueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(clock.now().toISOString()).toBe('2026-12-31T00:00:00.000Z');
    await expect(travel(engine, clock, { to: '2026-01-01T00:00:00.000Z' })).rejects.toThrow(RangeError);
  });
});
