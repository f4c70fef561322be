import { type Duration, defaultCalendarFor, definePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { actors, evidence, referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';

const pack = definePolicyPack(referencePack);
const calendar = defaultCalendarFor(pack.timeZone);
const DAY = 86_400_000;

function pausedCase() {
  const c = new CaseHarness(pack, referenceReport());
  c.send({ type: 'TRIAGE' }, actors.inspector);
  c.send(
    {
      type: 'ISSUE_NOTICE',
      clauses: ['Art. 28'],
      evidence: [evidence('notice_document'), evidence('proof_of_service')],
    },
    actors.inspector,
  );
  c.send({ type: 'ACKNOWLEDGE' }, actors.owner);
  expect(c.send({ type: 'PAUSE_CLOCK', reason: 'Structural appraisal' }, actors.inspector)).toBeNull();
  return c;
}

function grant(c: CaseHarness, extendBy: Duration) {
  expect(c.send({ type: 'REQUEST_EXTENSION', extendBy, reason: 'Appraisal pending' }, actors.owner)).toBeNull();
  expect(c.send({ type: 'DECIDE_EXTENSION', granted: true }, actors.inspector)).toBeNull();
}

/**
 * A paused clock stands still until RESUME_CLOCK. An extension granted meanwhile must not
 * start it again; it adds the working time it spans to the time the pause left.
 */
describe('an extension granted while the clock is paused', () => {
  it('keeps the clock paused, arms no timer, and still takes RESUME_CLOCK', () => {
    const c = pausedCase();
    grant(c, { workingDays: 5 });
    expect(c.snapshot.value).toMatchObject({ escalation: 'paused' });
    expect(c.context.paused).not.toBeNull();
    expect([...c.timers.keys()].filter((id) => id.startsWith('deadline.') || id.startsWith('escalation.'))).toEqual([]);
    expect(c.send({ type: 'RESUME_CLOCK' }, actors.inspector)).toBeNull();
    expect(c.snapshot.value).not.toMatchObject({ escalation: 'paused' });
  });

  for (const extendBy of [{ workingDays: 5 }, { days: 10 }, { hours: 30 }] satisfies Duration[]) {
    it(`adds the working time of ${JSON.stringify(extendBy)} to the time left when the clock resumes`, () => {
      const c = pausedCase();
      const paused = c.context.paused;
      const due = c.context.rectifyDueAt ?? '';
      grant(c, extendBy);
      // the working time the extension spans past the deadline it moved
      const added = calendar.workingTimeBetween(due, calendar.addDuration(due, extendBy));
      expect(added).toBeGreaterThan(0);
      expect(c.context.paused?.remainingMs).toBe((paused?.remainingMs ?? 0) + added);

      c.advanceDays(10);
      const resumedAt = c.iso();
      expect(c.send({ type: 'RESUME_CLOCK' }, actors.inspector)).toBeNull();
      const after = c.context.rectifyDueAt ?? '';
      expect(c.context.deadline?.dueAt).toBe(after);
      expect(calendar.workingTimeBetween(resumedAt, after)).toBeGreaterThanOrEqual(
        (paused?.remainingMs ?? 0) + added - 1,
      );
      expect(calendar.workingTimeBetween(resumedAt, after)).toBeLessThanOrEqual((paused?.remainingMs ?? 0) + added);
      expect(Date.parse(after)).toBeGreaterThan(Date.parse(due) + 10 * DAY);
    });
  }

  it('ends where a grant on the running clock would, when resumed at the instant it paused', () => {
    const running = pausedCase();
    running.send({ type: 'RESUME_CLOCK' }, actors.inspector);
    grant(running, { days: 10 });

    const paused = pausedCase();
    grant(paused, { days: 10 });
    paused.send({ type: 'RESUME_CLOCK' }, actors.inspector);
    expect(paused.context.rectifyDueAt).toBe(running.context.rectifyDueAt);
  });
});
