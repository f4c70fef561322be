import type { HazardCommand } from '@hazardflow/core';
import { createMemoryStore } from '@hazardflow/engine';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';
import { blockedExit, MONDAY, notice, pack, people } from './support';

async function noticedCase(start = MONDAY) {
  const t = createTestEngine({ packs: [pack], start });
  const reported = await t.report(blockedExit(), { actor: people.gridWorker });
  if (!reported.ok) throw new Error(reported.error.message);
  const id = reported.case.id;
  for (const [command, actor] of [
    [{ type: 'TRIAGE' }, people.inspector],
    [notice, people.inspector],
  ] as const) {
    const result = await t.send(id, command as HazardCommand, { actor });
    if (!result.ok) throw new Error(result.error.message);
  }
  return { t, id };
}

describe('createTestEngine', () => {
  it('fires each timer at its own due instant, in due order, as time advances', async () => {
    const { t, id } = await noticedCase();
    const fired: { timerId: string; dueAt: string; lateByMs: number }[] = [];
    t.on('timer.fired', (f) => fired.push(f));
    // 3-day rectification of a blocked exit, noticed Monday 7 September: due end of Thursday 10th
    expect(await t.dueAt(id)).toBe('2026-09-10T15:59:59.999Z');

    const count = await t.advance({ workingDays: 10 });
    expect(count).toBe(fired.length);
    const dueTimes = fired.map((f) => f.dueAt);
    expect(dueTimes).toEqual([...dueTimes].sort());
    // never late: the clock stopped at every due instant on the way
    expect(fired.every((f) => f.lateByMs === 0)).toBe(true);
    expect(fired.map((f) => f.timerId)).toEqual(
      expect.arrayContaining(['acknowledgement.due', 'acknowledgement.level-1', 'deadline.warning', 'deadline.due']),
    );
    // the tenth working day after Monday 7th is Sunday 20th, a make-up working day (调休)
    expect(t.now()).toBe('2026-09-20T15:59:59.999Z');
    // level 2 three working days after the due date: Tuesday 15th; level 3 (ten) not yet
    expect(await t.view(id)).toMatchObject({ status: 'notice_issued', overdue: true, escalationLevel: 2 });
  });

  it('stops at the end of each working day it counts, over holidays and make-up days', async () => {
    const t = createTestEngine({ packs: [pack], start: '2026-09-30T02:00:00.000Z' }); // Wednesday
    // 1–7 October is the National Day holiday: the next working day is Thursday 8th
    await t.advance({ workingDays: 1 });
    expect(t.now()).toBe('2026-10-08T15:59:59.999Z');
    // Saturday 10th is a make-up working day: two working days after Thursday end on Saturday
    await t.advance({ workingDays: 2 });
    expect(t.now()).toBe('2026-10-10T15:59:59.999Z');
    // hours are exact
    await t.advance({ hours: 5 });
    expect(t.now()).toBe('2026-10-10T20:59:59.999Z');
    // and so are minutes
    await t.advance({ minutes: 30 });
    expect(t.now()).toBe('2026-10-10T21:29:59.999Z');
    // calendar days end at the end of the day, rolled to a working day: Sunday 11th → Monday 12th
    await t.advance({ days: 1 });
    expect(t.now()).toBe('2026-10-12T15:59:59.999Z');
  });

  it('marks the notification log and reads what was sent after the mark, per case', async () => {
    const { t, id } = await noticedCase();
    const other = await t.report(blockedExit(), { actor: people.gridWorker });
    if (!other.ok) throw new Error(other.error.message);
    // no warning about the 24 h triage at report: it would have fallen at the report itself
    expect(t.notificationsSince(0, id).map((n) => n.reason)).toEqual(['notice_issued']);

    const mark = t.mark();
    await t.advance({ workingDays: 1 });
    const since = t.notificationsSince(mark, id);
    expect(since.map((n) => `${n.reason}:${n.level}`)).toEqual(['acknowledgement_overdue:0', 'escalated:1']);
    expect(since[1]?.recipients).toContainEqual({ role: 'territory', org: 'street-a' });
    expect(await t.escalationLevel(id)).toBe(1);
    expect(await t.status(id)).toBe('notice_issued');
    // the other case only warned about its triage deadline on the way
    expect(t.notificationsSince(mark, other.case.id).map((n) => n.reason)).toEqual(['overdue']);
    expect(t.notificationsSince(mark)).toHaveLength(3);
  });

  it('uses the store it is given and refuses to run time backwards or read unknown cases', async () => {
    const store = createMemoryStore();
    const t = createTestEngine({ packs: [pack], start: MONDAY, store });
    expect(t.store).toBe(store);
    await expect(t.advanceTo('2026-09-01T00:00:00.000Z')).rejects.toThrow(/cannot advance to/);
    await expect(t.status('no-such-case')).rejects.toThrow(/no case "no-such-case"/);
    expect(() => createTestEngine({ packs: [], start: MONDAY })).toThrow(/at least one pack/);
  });
});
