import { definePolicyPack, policyHash, validatePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { industryPack } from './fixtures/industry-pack';
import { referencePack } from './fixtures/reference-pack';
import { actors, evidence, referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';

const pack = definePolicyPack(industryPack);
const education = { id: 'edu-1', role: 'education-bureau', org: 'education-bureau' } as const;
const housing = { id: 'housing-1', role: 'regulator', org: 'housing-bureau' } as const;

function reportAt(placeType: string, category = 'exits_blocked') {
  const report = referenceReport(category);
  return {
    ...report,
    caseId: `case-${placeType}`,
    report: { ...report.report, site: { ...report.report.site, placeType } },
  };
}

function issuesOf(input: unknown): string[] {
  const result = validatePolicyPack(input);
  return result.success ? [] : result.issues.map((issue) => `${issue.path} [${issue.code}]: ${issue.message}`);
}

describe('industry departments and unregulated place types in a pack', () => {
  it('are optional: a pack without them keeps its hash', () => {
    const before = validatePolicyPack(referencePack);
    const again = validatePolicyPack({ ...referencePack, unregulatedPlaceTypes: undefined });
    expect(before.success && again.success && policyHash(before.pack) === policyHash(again.pack)).toBe(true);
    expect(before.success && 'unregulatedPlaceTypes' in before.pack).toBe(false);
    expect(issuesOf(industryPack)).toEqual([]);
  });

  it('refuse a place type the pack does not declare, with a "did you mean"', () => {
    const parties = {
      ...industryPack.parties,
      'education-bureau': { ...industryPack.parties['education-bureau'], industry: { placeTypes: ['shcool'] } },
    };
    expect(
      issuesOf({ ...industryPack, parties, unregulatedPlaceTypes: ['escape-room', 'escape_room', 'escape_room'] }),
    ).toEqual([
      'parties["education-bureau"].industry.placeTypes[0] [unknown_place_type]: unknown place type "shcool"; did you mean "school"?',
      'unregulatedPlaceTypes[2] [duplicate_value]: "escape_room" is listed twice',
      'unregulatedPlaceTypes[0] [unknown_place_type]: unknown place type "escape-room"; did you mean "escape_room"?',
    ]);
  });
});

describe('an industry department on a case of its place type (三管三必须)', () => {
  it('is named on the case and told what the regulator is told, except the case officer’s assignment', () => {
    const c = new CaseHarness(pack, reportAt('shop', 'three_in_one'));
    expect(c.context.industry).toEqual(['commerce-bureau', 'market-regulator']);
    expect(c.context.regulatoryGap).toBeUndefined();
    const danger = c.notifications.find((n) => n.reason === 'imminent_danger');
    expect(danger?.recipients).toEqual(
      expect.arrayContaining([
        { role: 'regulator', org: 'fire-brigade' },
        { role: 'commerce-bureau', org: 'commerce-bureau' },
        { role: 'market-regulator', org: 'market-regulator' },
      ]),
    );
    expect(c.send({ type: 'ASSIGN', officer: 'inspector-2' }, actors.inspector)).toBeNull();
    const assigned = c.notifications.find((n) => n.reason === 'assigned');
    expect(assigned?.recipients.map((r) => r.role)).toEqual(['regulator']);
  });

  it('may comment and add evidence on its cases, whatever the permissions say, and nothing more', () => {
    const c = new CaseHarness(pack, reportAt('school'));
    expect(c.context.industry).toEqual(['education-bureau']);
    expect(c.send({ type: 'COMMENT', text: 'the school is told to clear the exit' }, education)).toBeNull();
    expect(c.send({ type: 'ADD_EVIDENCE', evidence: [evidence('photo', 'edu-1')] }, education)).toBeNull();
    expect(c.send({ type: 'TRIAGE' }, education)).toMatchObject({ code: 'FORBIDDEN' });
    expect(c.send({ type: 'COMMENT', text: 'x' }, { ...education, org: 'other-bureau' })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('shares one frozen parties object and industry list among cases that name no org of their own', () => {
    const first = new CaseHarness(pack, reportAt('shop', 'three_in_one'));
    const second = new CaseHarness(pack, { ...reportAt('shop', 'three_in_one'), caseId: 'case-shop-2' });
    expect(second.context.parties).toBe(first.context.parties);
    expect(second.context.industry).toBe(first.context.industry);
    expect(Object.isFrozen(first.context.parties) && Object.isFrozen(first.context.industry)).toBe(true);
    const report = reportAt('shop', 'three_in_one');
    const named = new CaseHarness(pack, {
      ...report,
      caseId: 'case-shop-3',
      report: { ...report.report, parties: { 'commerce-bureau': 'commerce-bureau-east' } },
    });
    expect(named.context.parties).not.toBe(first.context.parties);
    expect(named.context.parties?.['commerce-bureau']).toBe('commerce-bureau-east');
    expect(first.context.parties?.['commerce-bureau']).toBe('commerce-bureau');
  });

  it('has no say on a case of a place type it does not answer for', () => {
    const c = new CaseHarness(pack, reportAt('residential', 'ebike_corridor'));
    expect(c.context.industry).toBeUndefined();
    expect(c.send({ type: 'COMMENT', text: 'not ours' }, education)).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a hazard nobody regulates (监管盲区, 《安全生产法》 Art. 10 ¶2)', () => {
  it('goes to the safety committee, which assigns a department: it regulates the case from then on', () => {
    const c = new CaseHarness(pack, reportAt('escape_room'));
    expect(c.context.regulatoryGap).toBe(true);
    const gap = c.notifications.filter((n) => n.reason === 'regulatory_gap');
    expect(gap.map((n) => n.recipients)).toEqual([[{ role: 'command', org: 'command' }]]);

    const assign = { type: 'ASSIGN_DEPARTMENT', regulator: 'housing-bureau', reason: '区安委会〔2026〕5号会议纪要' };
    expect(c.send(assign, actors.inspector)).toMatchObject({ code: 'FORBIDDEN' });
    expect(c.send({ ...assign, regulator: 'police' }, actors.command)).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
      message: expect.stringContaining('regulator: "police" is not a party of pack industry-fire'),
    });
    expect(c.send(assign, actors.command)).toBeNull();
    expect(c.context).toMatchObject({ regulator: 'housing-bureau', regulatoryGap: false });
    expect(c.notifications.at(-1)).toMatchObject({
      reason: 'assigned',
      recipients: [{ role: 'regulator', org: 'housing-bureau' }],
    });
    expect(c.send(assign, actors.command)).toMatchObject({ code: 'NOT_ALLOWED_IN_STATE' });
    expect(c.send({ type: 'TRIAGE' }, actors.inspector)).toMatchObject({ code: 'FORBIDDEN' });
    expect(c.send({ type: 'TRIAGE' }, housing)).toBeNull();
  });

  it('is not a gap on a case the pack regulates: ASSIGN_DEPARTMENT is refused, TRANSFER is the way', () => {
    const c = new CaseHarness(pack, reportAt('school'));
    expect(
      c.send({ type: 'ASSIGN_DEPARTMENT', regulator: 'housing-bureau', reason: 'x' }, actors.command),
    ).toMatchObject({ code: 'NOT_ALLOWED_IN_STATE', message: expect.stringContaining('TRANSFER') });
    expect(c.notifications.map((n) => n.reason)).not.toContain('regulatory_gap');
  });
});
