import { definePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { actors, evidence, referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';

const pack = definePolicyPack(referencePack);

/**
 * Reminders repeat at a level every so often. A clock paused at that level stops them; when
 * it runs again the next reminder must lie ahead of the resume, not at the instant it would
 * have had without the pause, or the notification would carry a time already past.
 */
describe('reminders after a paused clock', () => {
  it('schedules the next reminder after the resume, never in the past', () => {
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
    // climb to level 2 (3 working days overdue; level 3 needs 10)
    while (c.context.escalationLevel < 2) c.advanceDays(1);
    expect(c.context.escalationLevel).toBe(2);
    expect(c.timers.has('escalation.remind')).toBe(true);

    expect(c.send({ type: 'PAUSE_CLOCK', reason: 'Structural appraisal' }, actors.inspector)).toBeNull();
    expect(c.timers.has('escalation.remind')).toBe(false);
    c.advanceDays(5);
    expect(c.send({ type: 'RESUME_CLOCK' }, actors.inspector)).toBeNull();

    const remind = c.timers.get('escalation.remind');
    expect(remind).toBeDefined();
    expect(Date.parse(remind?.event.at ?? '')).toBeGreaterThan(c.now);
    expect(remind?.dueAt).toBe(Date.parse(remind?.event.at ?? ''));

    const seen = c.notifications.length;
    c.advanceDays(20);
    const times = c.notifications.slice(seen).map((n) => Date.parse(n.at));
    expect(times.length).toBeGreaterThan(0);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
