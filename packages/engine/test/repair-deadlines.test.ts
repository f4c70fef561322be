import { chinaCalendar, definePolicyPack, parseCalendarYear } from '@hazardflow/core';
import { createEngine, createManualClock, createMemoryStore, type HazardStore } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { notice, people, reportInput } from './support';

/**
 * The reference pack with an 80-working-day rectification limit for blocked exits, so a
 * notice served in October 2026 sets a deadline in February 2027, which the default calendar
 * (official data to 2026, weekends-only after) counts without 2027's Spring Festival.
 */
const pack = definePolicyPack({
  ...referencePack,
  categories: referencePack.categories.map((category) =>
    category.id === 'exits_blocked'
      ? {
          ...category,
          deadlines: { ...category.deadlines, rectify: { general: { workingDays: 80 }, major: { days: 15 } } },
        }
      : category,
  ),
});

/** 2027's schedule as an application adds it (illustrative dates: New Year, Spring Festival). */
const parsed2027 = parseCalendarYear({
  year: 2027,
  source: 'illustrative 2027 schedule for tests',
  holidays: ['2027-01-01', { from: '2027-02-06', to: '2027-02-13', name: '春节' }],
  workdays: ['2027-02-14'],
});
if (!parsed2027.success) throw new Error('the test schedule is invalid');
const calendar2027 = chinaCalendar({ extraYears: [parsed2027.schedule], outsideCoverage: 'weekends-only' });

/** Weekends-only in 2027: 80 working days after 20 October 2026 end on Tuesday 9 February. */
const OLD_DUE = '2027-02-09T15:59:59.999Z';
/** With 2027: 1 January and 8–12 February off, Sunday 14 February worked: five days later. */
const NEW_DUE = '2027-02-16T15:59:59.999Z';

async function openOctoberCase(store: HazardStore, clock: ReturnType<typeof createManualClock>) {
  const engine = createEngine({ packs: [pack], store, clock }); // the default calendar
  const reported = await engine.report(reportInput(), { actor: people.gridWorker });
  if (!reported.ok) throw new Error(reported.error.message);
  const id = reported.case.id;
  for (const [command, actor] of [
    [{ type: 'TRIAGE' }, people.inspector],
    [notice, people.inspector],
    [{ type: 'ACKNOWLEDGE' }, people.owner],
  ] as const) {
    const result = await engine.send(id, command, { actor });
    if (!result.ok) throw new Error(`${command.type}: ${result.error.message}`);
  }
  return { engine, id };
}

describe('deadline repair', () => {
  it('marks a deadline in an uncovered year provisional, then counts the Spring Festival after the year is added', async () => {
    const store = createMemoryStore();
    const clock = createManualClock('2026-10-20T02:00:00.000Z'); // Tuesday 10:00 in Shanghai
    const { engine: before, id } = await openOctoberCase(store, clock);
    const view = await before.get(id);
    expect(view?.dueAt).toBe(OLD_DUE);
    expect(view?.deadlineProvisional).toEqual({ year: 2027 });
    // On the same calendar there is nothing to repair.
    expect((await before.repairDeadlines({ dryRun: true })).changes).toEqual([]);
    const timersBefore = await before.timers(id);
    expect(timersBefore.map((t) => [t.timerId, t.dueAt])).toContainEqual([
      'deadline.warning',
      '2027-02-08T15:59:59.999Z',
    ]);

    clock.set('2026-12-04T02:00:00.000Z');
    // The application restarts with 2027's schedule and runs the repair.
    const after = createEngine({ packs: [pack], store, clock, calendar: calendar2027 });
    const dry = await after.repairDeadlines({ dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.coveredYears).toEqual({ from: 2004, to: 2027 });
    expect(dry.changes).toHaveLength(1);
    const change = dry.changes[0];
    expect(change).toMatchObject({ caseId: id, step: 'rectify', from: OLD_DUE, to: NEW_DUE });
    expect(change?.countedFrom).toBe('2026-10-20T02:00:00.000Z');
    expect(change?.why).toMatch(/^counted again from .+ with 80 working days on the calendar covering 2004–2027$/);
    expect(change?.timers).toContainEqual({
      timerId: 'deadline.warning',
      from: '2027-02-08T15:59:59.999Z',
      to: '2027-02-15T15:59:59.999Z',
    });
    expect(change?.escalationKept).toBeUndefined();
    // A dry run changes nothing.
    expect((await after.get(id))?.dueAt).toBe(OLD_DUE);
    expect(await after.timers(id)).toEqual(timersBefore);
    expect((await after.history(id)).length).toBe(view?.version);

    const done = await after.repairDeadlines();
    expect(done.dryRun).toBe(false);
    expect(done.changes).toEqual(dry.changes);
    const repaired = await after.get(id);
    expect(repaired?.dueAt).toBe(NEW_DUE);
    expect(repaired?.deadlineProvisional).toBeUndefined();
    expect(repaired?.version).toBe((view?.version ?? 0) + 1);
    // The store's timers moved with the deadline, as reported.
    const timersAfter = await after.timers(id);
    for (const moved of change?.timers ?? []) {
      const row = timersAfter.find((t) => t.timerId === moved.timerId);
      expect(row && (row.event.at as string)).toBe(moved.to ?? undefined);
    }
    const history = await after.history(id);
    const last = history.at(-1);
    expect(last?.command).toBe('DEADLINE_REPAIRED');
    expect(last?.payload).toEqual(change);
    expect(await after.verifyHistory(id)).toMatchObject({ ok: true });
    // Repaired once: a second run finds nothing.
    expect((await after.repairDeadlines()).changes).toEqual([]);

    // The case runs on: the warning now fires on 15 February, not 8 February.
    clock.set('2027-02-09T02:00:00.000Z');
    await after.runDueTimers();
    expect((await after.get(id))?.overdue).toBe(false);
  });

  it('keeps an escalation level reached on the old deadline and says so', async () => {
    const store = createMemoryStore();
    const clock = createManualClock('2026-10-20T02:00:00.000Z');
    const { engine: before, id } = await openOctoberCase(store, clock);
    // Wednesday 10 February 2027 is past the old deadline; by the 11th the case climbed.
    clock.set('2027-02-11T02:00:00.000Z');
    await before.runDueTimers();
    const late = await before.get(id);
    expect(late?.overdue).toBe(true);
    expect(late?.escalationLevel).toBe(1);

    const after = createEngine({ packs: [pack], store, clock, calendar: calendar2027 });
    const dry = await after.repairDeadlines({ dryRun: true });
    const report = await after.repairDeadlines();
    expect(report.changes).toEqual(dry.changes);
    expect(report.changes[0]).toMatchObject({
      from: OLD_DUE,
      to: NEW_DUE,
      escalationKept: { level: 1, newDeadlineReachesAt: '2027-02-17T15:59:59.999Z' },
    });
    const repaired = await after.get(id);
    expect(repaired?.escalationLevel).toBe(1);
    expect(repaired?.overdue).toBe(false);
    expect(repaired?.dueAt).toBe(NEW_DUE);
    expect((await after.history(id)).at(-1)?.reasons).toContain('escalation level 1 kept (escalations are not undone)');
    expect(await after.verifyHistory(id)).toMatchObject({ ok: true });
  });

  it('repairs a paused deadline in place: still paused, the working time left counted to the new deadline', async () => {
    const store = createMemoryStore();
    const clock = createManualClock('2026-10-20T02:00:00.000Z');
    const { engine: before, id } = await openOctoberCase(store, clock);
    clock.set('2026-11-02T02:00:00.000Z');
    const paused = await before.send(
      id,
      { type: 'PAUSE_CLOCK', reason: 'structural appraisal' },
      { actor: people.inspector },
    );
    expect(paused.ok && paused.case.paused).toBe(true);

    const after = createEngine({ packs: [pack], store, clock, calendar: calendar2027 });
    const report = await after.repairDeadlines();
    expect(report.changes).toEqual([expect.objectContaining({ caseId: id, from: OLD_DUE, to: NEW_DUE, timers: [] })]);
    const view = await after.get(id);
    expect(view).toMatchObject({ paused: true, dueAt: NEW_DUE });
    // Resumed the next working day, the deadline is the repaired one a working day later.
    clock.set('2026-11-03T02:00:00.000Z');
    const resumed = await after.send(id, { type: 'RESUME_CLOCK' }, { actor: people.inspector });
    expect(resumed.ok && resumed.case.dueAt).toBe('2027-02-17T15:59:59.999Z');
  });

  it('leaves a deadline an extension moved alone, and reports it as skipped', async () => {
    const store = createMemoryStore();
    const clock = createManualClock('2026-10-20T02:00:00.000Z');
    const { engine: before, id } = await openOctoberCase(store, clock);
    const requested = await before.send(
      id,
      { type: 'REQUEST_EXTENSION', extendBy: { days: 7 }, reason: 'parts on order' },
      { actor: people.owner },
    );
    expect(requested.ok).toBe(true);
    const granted = await before.send(id, { type: 'DECIDE_EXTENSION', granted: true }, { actor: people.inspector });
    expect(granted.ok).toBe(true);
    const extended = await before.get(id);

    const after = createEngine({ packs: [pack], store, clock, calendar: calendar2027 });
    const report = await after.repairDeadlines();
    expect(report.changes.filter((c) => c.caseId === id && c.from !== c.to)).toEqual([]);
    expect(report.skipped).toEqual([
      expect.objectContaining({ caseId: id, dueAt: extended?.dueAt, reason: expect.stringMatching(/extension/) }),
    ]);
    expect((await after.get(id))?.dueAt).toBe(extended?.dueAt);
  });
});
