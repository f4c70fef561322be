import { definePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { actors, evidence, referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';

const pack = definePolicyPack(referencePack);
const notice = {
  type: 'ISSUE_NOTICE',
  clauses: ['GB 35181-2025 5.1'],
  evidence: [evidence('notice_document'), evidence('proof_of_service')],
};
const plan = {
  type: 'SUBMIT_PLAN',
  plan: {
    responsibility: 'General manager',
    measures: 'Separate living quarters from the workshop',
    funds: 'CNY 200,000',
    deadline: '2026-11-30',
    emergencyPlan: 'Evacuation drill monthly',
  },
  evidence: [evidence('rectification_plan', 'owner-1')],
};

function majorCase() {
  const c = new CaseHarness(pack, { ...referenceReport('three_in_one'), caseId: 'major-1' });
  c.send({ type: 'TRIAGE' }, actors.inspector);
  return c;
}

describe('major path: listed supervision, plan, interim control, acceptance', () => {
  it('grades a three-in-one premises major with imminent danger and starts at listed supervision', () => {
    const c = majorCase();
    expect(c.context.severity).toBe('major');
    expect(c.context.imminentDanger).toBe(true);
    expect(c.context.escalationLevel).toBe(3);
    expect(c.context.listedSupervision).toBe(true);
    const reasons = c.notifications.map((n) => n.reason);
    expect(reasons).toContain('listed_supervision');
    expect(reasons).toContain('imminent_danger');
    const supervision = c.notifications.find((n) => n.reason === 'listed_supervision');
    expect(supervision?.recipients).toContainEqual({ role: 'command', org: 'command' });
  });

  it('needs an approved plan, lifts interim control before acceptance, and closes on acceptance', () => {
    const c = majorCase();
    expect(c.send({ type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: [] }, actors.inspector)).toMatchObject({
      code: 'EVIDENCE_REQUIRED',
    });
    expect(
      c.send({ type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: [evidence('seal_notice')] }, actors.inspector),
    ).toBeNull();
    expect(c.context.interimControls).toEqual(['seal']);

    expect(c.send(notice, actors.inspector)).toBeNull();
    expect(c.status).toBe('plan_pending');
    expect(c.send({ type: 'APPROVE_PLAN' }, actors.inspector)).toMatchObject({ code: 'NOT_ALLOWED_IN_STATE' });
    expect(c.send(plan, actors.owner)).toBeNull();
    expect(c.send({ type: 'REJECT_PLAN', reason: 'No funds named' }, actors.inspector)).toBeNull();
    expect(c.context.planRejections).toBe(1);
    expect(c.send(plan, actors.owner)).toBeNull();
    expect(c.send({ type: 'APPROVE_PLAN' }, actors.inspector)).toBeNull();
    expect(c.status).toBe('supervised');
    // major rectification: 60 days from approval, rolled to a working day
    expect(c.context.rectifyDueAt).not.toBeNull();

    expect(
      c.send({ type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after_photo', 'owner-1')] }, actors.owner),
    ).toBeNull();
    expect(c.status).toBe('verifying');
    expect(
      c.send({ type: 'VERIFY', result: 'pass', evidence: [evidence('closeout_decision')] }, actors.gridWorker),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      c.send({ type: 'VERIFY', result: 'pass', evidence: [evidence('closeout_decision')] }, actors.inspector),
    ).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
      message: expect.stringContaining('seal'),
    });
    expect(c.send({ type: 'LIFT_INTERIM_CONTROL', measure: 'seal', evidence: [] }, actors.inspector)).toBeNull();
    expect(
      c.send({ type: 'VERIFY', result: 'pass', evidence: [evidence('closeout_decision')] }, actors.inspector),
    ).toBeNull();
    expect(c.status).toBe('closed');
    expect(c.context.plan?.approvedBy).toBe('inspector-1');
  });

  it('returns to supervision when acceptance fails, and climbs to level 4 when the supervised deadline is missed', () => {
    const c = majorCase();
    c.send(notice, actors.inspector);
    c.send(plan, actors.owner);
    c.send({ type: 'APPROVE_PLAN' }, actors.inspector);
    c.send({ type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after_photo', 'owner-1')] }, actors.owner);
    const inspection = [evidence('inspection_record', 'inspector-1'), evidence('inspection_record', 'inspector-2')];
    expect(c.send({ type: 'VERIFY', result: 'fail', evidence: inspection }, actors.inspector)).toBeNull();
    expect(c.status).toBe('supervised');
    c.advanceDays(120);
    expect(c.context.escalationLevel).toBe(4);
    expect(c.notifications.filter((n) => n.reason === 'escalated').map((n) => n.level)).toEqual([4]);
  });
});

describe('side paths', () => {
  it('dismisses a duplicate and stops every timer', () => {
    const c = new CaseHarness(pack, referenceReport());
    expect(c.send({ type: 'DISMISS', reason: 'duplicate', duplicateOf: 'case-0' }, actors.gridWorker)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(c.send({ type: 'DISMISS', reason: 'duplicate', duplicateOf: 'case-0' }, actors.inspector)).toBeNull();
    expect(c.status).toBe('dismissed');
    expect(c.timers.size).toBe(0);
  });

  it('transfers to another regulator and stops every timer', () => {
    const c = new CaseHarness(pack, referenceReport());
    expect(c.send({ type: 'TRANSFER', to: 'housing-bureau' }, actors.inspector)).toBeNull();
    expect(c.status).toBe('transferred');
    expect(c.context.transferredTo).toBe('housing-bureau');
    expect(c.timers.size).toBe(0);
  });

  it('fixes a general hazard on the spot', () => {
    const c = new CaseHarness(pack, referenceReport());
    c.send({ type: 'TRIAGE' }, actors.inspector);
    expect(c.send({ type: 'FIX_ON_SPOT', evidence: [evidence('after_photo')] }, actors.gridWorker)).toBeNull();
    expect(c.status).toBe('closed');
    expect(c.context.closedHow).toBe('fixed_on_spot');
  });

  it('refuses people outside the case: another street, another owner, another department', () => {
    const c = new CaseHarness(pack, referenceReport());
    expect(c.send({ type: 'TRIAGE' }, actors.otherRegulator)).toMatchObject({ code: 'FORBIDDEN' });
    c.send({ type: 'TRIAGE' }, actors.inspector);
    expect(c.send({ type: 'FIX_ON_SPOT', evidence: [evidence('after_photo')] }, actors.otherStreet)).toMatchObject({
      code: 'FORBIDDEN',
    });
    c.send(notice, actors.inspector);
    expect(c.send({ type: 'ACKNOWLEDGE' }, actors.otherOwner)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps the rectifier from verifying their own work (separation of duties)', () => {
    const c = new CaseHarness(pack, referenceReport());
    const selfFixer = { id: 'inspector-1', role: 'responsible', org: 'party-1' } as const;
    c.send({ type: 'TRIAGE' }, actors.inspector);
    c.send(notice, actors.inspector);
    c.send({ type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after_photo', 'owner-1')] }, selfFixer);
    const inspection = [evidence('inspection_record', 'inspector-1'), evidence('inspection_record', 'inspector-2')];
    expect(c.send({ type: 'VERIFY', result: 'pass', evidence: inspection }, actors.inspector)).toMatchObject({
      code: 'SEPARATION_OF_DUTIES',
    });
    expect(c.send({ type: 'VERIFY', result: 'pass', evidence: inspection }, actors.secondInspector)).toBeNull();
  });

  it('moves the deadline when an extension is granted and re-arms the escalation timers', () => {
    const c = new CaseHarness(pack, referenceReport());
    c.send({ type: 'TRIAGE' }, actors.inspector);
    c.send(notice, actors.inspector);
    const before = c.context.rectifyDueAt;
    expect(
      c.send({ type: 'REQUEST_EXTENSION', extendBy: { workingDays: 5 }, reason: 'Parts on order' }, actors.owner),
    ).toBeNull();
    expect(c.send({ type: 'DECIDE_EXTENSION', granted: true }, actors.inspector)).toBeNull();
    expect(c.context.rectifyDueAt).not.toBe(before);
    expect(c.context.deadline?.dueAt).toBe(c.context.rectifyDueAt);
    expect((c.timers.get('deadline.warning')?.event.at ?? '') < (c.context.rectifyDueAt ?? '')).toBe(true);
    // the pack allows one extension
    expect(
      c.send({ type: 'REQUEST_EXTENSION', extendBy: { workingDays: 5 }, reason: 'Again' }, actors.owner),
    ).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
    });
  });

  it('pauses the clock for an appraisal and resumes with the remaining working time', () => {
    const c = new CaseHarness(pack, referenceReport());
    c.send({ type: 'TRIAGE' }, actors.inspector);
    c.send(notice, actors.inspector);
    c.send({ type: 'ACKNOWLEDGE' }, actors.owner);
    const due = Date.parse(c.context.rectifyDueAt ?? '');
    expect(c.send({ type: 'PAUSE_CLOCK', reason: 'Structural appraisal' }, actors.inspector)).toBeNull();
    expect(c.timers.has('deadline.warning') || c.timers.has('deadline.due')).toBe(false);
    c.advanceDays(10);
    expect(c.send({ type: 'RESUME_CLOCK' }, actors.inspector)).toBeNull();
    expect(Date.parse(c.context.rectifyDueAt ?? '')).toBeGreaterThan(due + 9 * 86_400_000);
  });

  it('reopens within the follow-up window and not after it', () => {
    const c = new CaseHarness(pack, referenceReport());
    c.send({ type: 'TRIAGE' }, actors.inspector);
    c.send({ type: 'FIX_ON_SPOT', evidence: [evidence('after_photo')] }, actors.inspector);
    expect(c.send({ type: 'REOPEN', reason: 'Exit chained again (回头看)' }, actors.gridWorker)).toBeNull();
    expect(c.status).toBe('rectifying');
    expect(c.context.reopenedCount).toBe(1);

    const d = new CaseHarness(pack, { ...referenceReport(), caseId: 'late' });
    d.send({ type: 'TRIAGE' }, actors.inspector);
    d.send({ type: 'FIX_ON_SPOT', evidence: [evidence('after_photo')] }, actors.inspector);
    d.advanceDays(120);
    expect(d.send({ type: 'REOPEN', reason: 'Too late' }, actors.gridWorker)).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
    });
    expect(d.timers.size).toBe(0);
  });
});
