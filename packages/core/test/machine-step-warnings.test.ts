import { definePolicyPack, type PolicyPackInput, warnBeforeFor } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { actors, referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';

const REPORTED = '2026-09-07T02:00:00.000Z'; // Monday 10:00 in Shanghai
const MINUTE = 60_000;
const at = (minutes: number) => new Date(Date.parse(REPORTED) + minutes * MINUTE).toISOString();

/** The reference pack with a 2-hour triage for blocked exits, and these escalation settings. */
function packWith(escalation: Partial<PolicyPackInput['escalation']>) {
  return definePolicyPack({
    ...referencePack,
    categories: referencePack.categories.map((category) =>
      category.id === 'exits_blocked'
        ? { ...category, deadlines: { ...category.deadlines, triage: { hours: 2 } } }
        : category,
    ),
    escalation: { ...referencePack.escalation, ...escalation },
  });
}

const reasons = (c: CaseHarness) => c.notifications.map((n) => `${n.at} ${n.reason}`);

describe('early warnings per step', () => {
  it('does not warn at the moment of report about a 2-hour triage under a one-working-day warnBefore', () => {
    const c = new CaseHarness(packWith({}), referenceReport('exits_blocked', REPORTED));
    expect(c.context.deadline).toMatchObject({ step: 'triage', dueAt: at(120) });
    expect(reasons(c)).toEqual([]);
    c.advanceTo(at(119));
    expect(reasons(c)).toEqual([]);
    c.advanceTo(at(120));
    // the next notice is the overdue one, with no warning before it
    expect(reasons(c)).toEqual([`${at(120)} overdue`]);
  });

  it('warns at the step’s own warnBefore: 30 minutes ahead of a 2-hour triage', () => {
    const c = new CaseHarness(
      packWith({ warnBeforeByStep: { triage: { minutes: 30 } } }),
      referenceReport('exits_blocked', REPORTED),
    );
    expect(reasons(c)).toEqual([]);
    c.advanceTo(at(89));
    expect(reasons(c)).toEqual([]);
    c.advanceTo(at(90));
    expect(reasons(c)).toEqual([`${at(90)} warning`]);
    c.advanceTo(at(120));
    expect(reasons(c)).toEqual([`${at(90)} warning`, `${at(120)} overdue`]);
  });

  it('keeps the pack-wide warnBefore for steps left out, and null switches a step’s warning off', () => {
    const pack = packWith({ warnBeforeByStep: { triage: null, rectify: { workingDays: 2 } } });
    expect(warnBeforeFor(pack.escalation, 'triage')).toBeNull();
    expect(warnBeforeFor(pack.escalation, 'rectify')).toEqual({ workingDays: 2 });
    expect(warnBeforeFor(pack.escalation, 'verify')).toEqual({ workingDays: 1 });

    const c = new CaseHarness(pack, referenceReport('ebike_corridor', REPORTED));
    // triage of 3 working days, due the end of Thursday: no warning for it at all
    c.advanceTo(at(60 * 24 * 4));
    expect(c.notifications.map((n) => n.reason)).toEqual(['overdue']);
    c.send({ type: 'TRIAGE' }, actors.inspector);
    expect(c.context.deadline?.step).toBe('notice');
  });

  it('skips a warning that would fall before a deadline reported on a day off', () => {
    // Saturday 10:00: a 1-working-day triage is due the end of Monday, and one working day
    // before that is the end of Friday, before the report.
    const saturday = '2026-09-12T02:00:00.000Z';
    const pack = definePolicyPack({
      ...referencePack,
      deadlines: { ...referencePack.deadlines, triage: { workingDays: 1 } },
    });
    expect(pack.escalation.warnBefore).toEqual({ workingDays: 1 });
    const c = new CaseHarness(pack, referenceReport('ebike_corridor', saturday));
    expect(c.notifications).toEqual([]);
    c.advanceTo('2026-09-14T15:59:59.999Z'); // the end of Monday in Shanghai
    expect(c.notifications.map((n) => n.reason)).toEqual(['overdue']);
  });
});
