import { definePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack, referencePackByDecision } from './fixtures/reference-pack';
import { actors, evidence, referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';

const automatic = definePolicyPack(referencePack);
const byDecision = definePolicyPack({
  ...referencePackByDecision,
  version: '9.1.0',
});
const listing = {
  type: 'LIST',
  documentNo: '安委办督〔2026〕3号',
  supervisingUnit: '区安委会办公室',
  until: '2026-12-31',
};
const notice = {
  type: 'ISSUE_NOTICE',
  clauses: ['消防法 Art. 28'],
  evidence: [evidence('notice_document'), evidence('proof_of_service')],
};

/** A general case walked to closed, listed by decision on the way when `list` says so. */
function closedGeneralCase(list: boolean) {
  const c = new CaseHarness(byDecision, referenceReport());
  c.send({ type: 'TRIAGE' }, actors.inspector);
  if (list) expect(c.send(listing, actors.command)).toBeNull();
  c.send(notice, actors.inspector);
  c.send({ type: 'ACKNOWLEDGE' }, actors.owner);
  c.send({ type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after_photo', 'owner-1')] }, actors.owner);
  const verifyEvidence = [evidence('inspection_record', 'inspector-1'), evidence('inspection_record', 'inspector-2')];
  expect(c.send({ type: 'VERIFY', result: 'pass', evidence: verifyEvidence }, actors.inspector)).toBeNull();
  expect(c.status).toBe('closed');
  return c;
}

describe('listed supervision by fact (escalation.listing: automatic, the default)', () => {
  it('lists a major hazard at triage, as before', () => {
    const c = new CaseHarness(automatic, { ...referenceReport('three_in_one'), caseId: 'major-1' });
    c.send({ type: 'TRIAGE' }, actors.inspector);
    expect(c.context.listedSupervision).toBe(true);
    expect(c.context.listing).toBeNull();
    expect(c.notifications.map((n) => n.reason)).toContain('listed_supervision');
  });
});

describe('listed supervision as a decision (escalation.listing: decision)', () => {
  it('does not list a major hazard by its grade: the rung is reached and told, the listing is the authority’s act', () => {
    const c = new CaseHarness(byDecision, { ...referenceReport('three_in_one'), caseId: 'major-1' });
    c.send({ type: 'TRIAGE' }, actors.inspector);
    expect(c.context).toMatchObject({ severity: 'major', escalationLevel: 3, listedSupervision: false });
    expect(c.notifications.map((n) => n.reason)).not.toContain('listed_supervision');
    expect(c.notifications.map((n) => n.reason)).toContain('escalated');

    expect(c.send(listing, actors.inspector)).toMatchObject({ code: 'FORBIDDEN' });
    expect(c.send(listing, actors.command)).toBeNull();
    expect(c.context.listedSupervision).toBe(true);
    expect(c.context.listing).toMatchObject({
      documentNo: '安委办督〔2026〕3号',
      supervisingUnit: '区安委会办公室',
      until: '2026-12-31',
      listedBy: 'committee-1',
    });
    const told = c.notifications.filter((n) => n.reason === 'listed_supervision');
    expect(told).toHaveLength(1);
    expect(told[0]?.recipients.map((r) => r.role)).toEqual(['responsible', 'territory', 'regulator', 'command']);
    expect(c.send(listing, actors.command)).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
      message: expect.stringContaining('already listed'),
    });
  });

  it('never lists a general hazard that climbs the ladder past the major start level', () => {
    const c = new CaseHarness(byDecision, referenceReport());
    c.send({ type: 'TRIAGE' }, actors.inspector);
    c.send(notice, actors.inspector);
    while (c.context.escalationLevel < 3) c.advanceDays(1);
    expect(c.context.listedSupervision).toBe(false);
    expect(c.notifications.map((n) => n.reason)).not.toContain('listed_supervision');
  });

  it('needs a graded case to list, and delists only after acceptance, by the listing authority', () => {
    const reported = new CaseHarness(byDecision, referenceReport());
    expect(reported.send(listing, actors.command)).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
      message: expect.stringContaining('triage it first'),
    });

    const open = new CaseHarness(byDecision, referenceReport());
    open.send({ type: 'TRIAGE' }, actors.inspector);
    expect(open.send({ type: 'DELIST' }, actors.command)).toMatchObject({ code: 'NOT_ALLOWED_IN_STATE' });
    open.send(listing, actors.command);
    const before = open.context;
    expect(open.send({ type: 'DELIST' }, actors.command)).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
      message: expect.stringContaining('still open'),
    });
    expect(open.context).toEqual(before);

    const closed = closedGeneralCase(true);
    expect(closed.send({ type: 'DELIST' }, actors.inspector)).toMatchObject({ code: 'FORBIDDEN' });
    expect(closed.send({ type: 'DELIST', documentNo: '安委办销〔2026〕9号' }, actors.command)).toBeNull();
    expect(closed.context.listing).toMatchObject({
      delistedBy: 'committee-1',
      delistDocumentNo: '安委办销〔2026〕9号',
    });
    // listed once, counted once: the flag the assessment reads stays
    expect(closed.context.listedSupervision).toBe(true);
    expect(closed.send({ type: 'DELIST' }, actors.command)).toMatchObject({ code: 'NOT_ALLOWED_IN_STATE' });
  });

  it('refuses to list a case that has ended', () => {
    const closed = closedGeneralCase(false);
    expect(closed.send(listing, actors.command)).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
      message: expect.stringContaining('open case'),
    });
  });
});
