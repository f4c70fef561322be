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
const collective = { kind: 'collective', reference: '消支〔2026〕12号' } as const;

function triaged(report = referenceReport()) {
  const c = new CaseHarness(pack, report);
  expect(c.send({ type: 'TRIAGE' }, actors.inspector)).toBeNull();
  return c;
}

describe('CONFIRM_GRADE: the grade the rules proposed, decided and recorded', () => {
  it('confirms the proposed grade without a reason and records who decided, on what document', () => {
    const c = triaged();
    const before = c.context;
    expect(c.send({ type: 'CONFIRM_GRADE', severity: 'general', decision: collective }, actors.inspector)).toBeNull();
    expect(c.status).toBe('triaged');
    expect(c.context.severity).toBe('general');
    expect(c.context.gradeDecision).toEqual({
      proposed: 'general',
      severity: 'general',
      kind: 'collective',
      reference: '消支〔2026〕12号',
      actorId: 'inspector-1',
      at: c.context.last.CONFIRM_GRADE?.at,
    });
    expect(c.context.classificationReasons).toEqual([
      ...before.classificationReasons,
      'general confirmed by collective decision 消支〔2026〕12号',
    ]);
    // the escalation is untouched by a confirmation
    expect(c.context.escalationLevel).toBe(before.escalationLevel);
    expect(c.context.listedSupervision).toBe(before.listedSupervision);
  });

  it('refuses a change of grade without a reason, and leaves the case as it was', () => {
    const c = triaged();
    const before = c.context;
    expect(c.send({ type: 'CONFIRM_GRADE', severity: 'major', decision: collective }, actors.inspector)).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
      message: expect.stringContaining('needs a reason'),
    });
    expect(c.context).toEqual(before);
  });

  it('raises a general hazard to major: listed supervision at the major start level, and the major path', () => {
    const c = triaged();
    const decision = { kind: 'expert', reference: 'EP-2026-07' } as const;
    const reason = 'the corridor is the only exit of a 40-bed dormitory';
    expect(c.send({ type: 'CONFIRM_GRADE', severity: 'major', decision, reason }, actors.inspector)).toBeNull();
    expect(c.context).toMatchObject({
      severity: 'major',
      listedSupervision: true,
      escalationLevel: pack.escalation.startLevel.major,
      gradeDecision: { proposed: 'general', severity: 'major', kind: 'expert', reason },
    });
    expect(c.notifications.map((n) => n.reason)).toContain('listed_supervision');
    expect(c.context.classificationReasons.at(-1)).toBe(
      `graded major instead of general by expert decision EP-2026-07: ${reason}`,
    );
    expect(c.send(notice, actors.inspector)).toBeNull();
    expect(c.status).toBe('plan_pending');
  });

  it('lowers a major hazard with the exclusion that applies: the general path, the rung left to the listing authority', () => {
    const c = triaged({ ...referenceReport('three_in_one'), caseId: 'major-1' });
    expect(c.context.severity).toBe('major');
    const level = c.context.escalationLevel;
    const reason = 'GB 35181-2025 §4.2: the dormitory was moved out before triage';
    expect(
      c.send({ type: 'CONFIRM_GRADE', severity: 'general', decision: collective, reason }, actors.inspector),
    ).toBeNull();
    expect(c.context).toMatchObject({
      severity: 'general',
      escalationLevel: level,
      listedSupervision: true,
      gradeDecision: { proposed: 'major', severity: 'general', reason },
    });
    expect(c.send(notice, actors.inspector)).toBeNull();
    expect(c.status).toBe('notice_issued');
    // the rectification deadline is a general hazard's, counted from the notice
    expect(c.context.rectifyDueAt).not.toBeNull();
  });

  it('is the regulator’s or the committee’s decision, taken before the notice', () => {
    const c = triaged();
    expect(
      c.send({ type: 'CONFIRM_GRADE', severity: 'general', decision: collective }, actors.gridWorker),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(c.send({ type: 'CONFIRM_GRADE', severity: 'general', decision: collective }, actors.command)).toBeNull();
    expect(c.send(notice, actors.inspector)).toBeNull();
    expect(
      c.send({ type: 'CONFIRM_GRADE', severity: 'general', decision: collective }, actors.inspector),
    ).toMatchObject({ code: 'NOT_ALLOWED_IN_STATE' });
    const reported = new CaseHarness(pack, { ...referenceReport(), caseId: 'untriaged' });
    expect(
      reported.send({ type: 'CONFIRM_GRADE', severity: 'general', decision: collective }, actors.inspector),
    ).toMatchObject({ code: 'NOT_ALLOWED_IN_STATE' });
  });
});
