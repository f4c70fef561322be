import { defaultCalendarFor, definePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { actors, evidence, referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';

const pack = definePolicyPack(referencePack);
const calendar = defaultCalendarFor(pack.timeZone);
const notice = {
  type: 'ISSUE_NOTICE',
  clauses: ['GB 35181-2025 5.1'],
  evidence: [evidence('notice_document'), evidence('proof_of_service')],
};
const DAY = 86_400_000;

/**
 * A pause taken at the last instant of a working day and lifted at the first instant of the
 * next leaves whole working days to run; counted forward they end exactly on a midnight. That
 * midnight belongs to the following day, which may be a day off, so the resumed deadline must
 * stay on the last instant of the working day it ran out on.
 */
describe('resuming a paused clock at a day boundary', () => {
  // reports Monday to Friday put the deadline on every weekday, Friday's before a weekend
  for (const [reportedOn, offset] of [0, 1, 2, 3, 4].flatMap((r) => [0, 1, 2].map((o) => [r, o] as const))) {
    it(`keeps the deadline where it was (reported ${reportedOn} days after Monday, paused ${offset} days later)`, () => {
      const at = new Date(Date.parse('2026-09-07T02:00:00.000Z') + reportedOn * DAY).toISOString();
      const c = new CaseHarness(pack, referenceReport('exits_blocked', at));
      c.send({ type: 'TRIAGE' }, actors.inspector);
      c.send(notice, actors.inspector);
      c.send({ type: 'ACKNOWLEDGE' }, actors.owner);
      const before = Date.parse(c.context.rectifyDueAt ?? '');

      // the last instant of the local day `offset` days on: the calendar's own end of day
      const day = calendar.addDuration(new Date(c.now + offset * DAY), { days: 0 });
      c.advanceTo(day);
      expect(c.send({ type: 'PAUSE_CLOCK', reason: 'Structural appraisal' }, actors.inspector)).toBeNull();
      c.advanceTo(new Date(day.getTime() + 1));
      expect(c.send({ type: 'RESUME_CLOCK' }, actors.inspector)).toBeNull();

      const after = c.context.rectifyDueAt ?? '';
      expect(calendar.isWorkingDay(after), `${after} is not a working day`).toBe(true);
      expect(c.context.deadline?.dueAt).toBe(after);
      // 1 ms of working time paused, 1 ms paused: the working time left is unchanged
      expect(after).toBe(new Date(before).toISOString());
    });
  }
});
