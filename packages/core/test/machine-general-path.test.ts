import { definePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { actors, evidence, referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';

const pack = definePolicyPack(referencePack);

describe('general path: report → triage → notice → acknowledge → rectify → verify → close', () => {
  it('walks the closed loop with deadlines on the working-day calendar', () => {
    const c = new CaseHarness(pack, referenceReport());
    expect(c.status).toBe('reported');
    // exits_blocked: triage within 24 h
    expect(c.context.deadline).toMatchObject({ step: 'triage', dueAt: '2026-09-08T02:00:00.000Z' });

    expect(c.send({ type: 'TRIAGE' }, actors.inspector)).toBeNull();
    expect(c.status).toBe('triaged');
    expect(c.context.severity).toBe('general');

    expect(
      c.send(
        {
          type: 'ISSUE_NOTICE',
          clauses: ['消防法 Art. 28'],
          evidence: [evidence('notice_document'), evidence('proof_of_service')],
        },
        actors.inspector,
      ),
    ).toBeNull();
    expect(c.status).toBe('notice_issued');
    // exits_blocked rectify in 3 days from Mon 2026-09-07 → end of Thu 2026-09-10 (Asia/Shanghai)
    expect(c.context.rectifyDueAt).toBe('2026-09-10T15:59:59.999Z');
    expect(c.notifications.map((n) => n.reason)).toContain('notice_issued');

    expect(c.send({ type: 'ACKNOWLEDGE' }, actors.owner)).toBeNull();
    expect(c.status).toBe('rectifying');

    expect(
      c.send({ type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after_photo', 'owner-1')] }, actors.owner),
    ).toBeNull();
    expect(c.status).toBe('verifying');

    const verifyEvidence = [evidence('inspection_record', 'inspector-1'), evidence('inspection_record', 'inspector-2')];
    expect(c.send({ type: 'VERIFY', result: 'pass', evidence: verifyEvidence }, actors.inspector)).toBeNull();
    expect(c.status).toBe('closed');
    expect(c.context.closedOnTime).toBe(true);
    // only the follow-up window timer survives closure
    expect([...c.timers.keys()]).toEqual(['follow-up.end']);
  });

  it('warns before the deadline, goes overdue, and climbs the ladder with reminders', () => {
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
    while (c.context.escalationLevel < 2) c.advanceDays(1);
    expect(c.context.listedSupervision).toBe(false);
    c.advanceTo('2026-09-30T00:00:00.000Z');
    // level 3 is where major hazards start: a general hazard that climbs to it is listed too
    expect(c.context.listedSupervision).toBe(true);
    const reasons = c.notifications.map((n) => `${n.reason}:${n.level}`);
    expect(reasons).toContain('warning:0');
    expect(reasons).toContain('overdue:0');
    expect(reasons).toContain('escalated:1');
    expect(reasons).toContain('escalated:2');
    expect(reasons).toContain('escalated:3');
    expect(c.context.escalationLevel).toBe(3);
    expect(c.notifications.filter((n) => n.reason === 'reminder').length).toBeGreaterThan(0);
  });
});
