import { type Actor, type EvidenceRef, policyHash } from '@hazardflow/core';
import { buildingPack, buildingPackV1_1 } from '@hazardflow/policy-building';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/**
 * Building pack 1.2.0: listed supervision (挂牌督办) is the listing authority's decision (LIST),
 * and lateness brings reminders, the bureau's 督办单 and 通报, then referral to the district
 * safety committee office, never the district leaders or enforcement. 1.1.0 is still exported.
 */

/** `policyHash(buildingPack)` of building@1.1.0 as published (main before 1.2.0). */
const PUBLISHED_1_1_0_HASH = 'bfd907e32da4db0eaa40de10300b880d421c7376117b831ac105bdcaa7f05671';

const engineer: Actor = { id: 'housing-engineer-1', role: 'regulator', org: 'housing-construction' };
const gridWorker: Actor = { id: 'grid-worker-3', role: 'territory', org: 'street-old-town' };
const owner: Actor = { id: 'landlord-1', role: 'responsible', org: 'owner-family' };
const admin: Actor = { id: 'district-admin', role: 'command', org: 'command' };

const evidence = (kind: string, by = engineer.id): EvidenceRef => ({
  kind,
  uri: `oss://hazards/${kind}-${by}.pdf`,
  by,
  at: '2026-03-02T00:00:00.000Z',
});

const report = (category: string, findings: Record<string, string> = {}) => ({
  packId: 'building',
  category,
  site: {
    id: 'lane-12-no-5',
    name: 'No. 5, Lane 12',
    placeType: 'residential',
    territory: 'street-old-town',
    attributes: { storeys: 5 },
  },
  responsible: { id: 'owner-family', name: 'the owning family' },
  description: `${category} at No. 5, Lane 12`,
  findings,
  evidence: [evidence('photo', gridWorker.id)],
});

describe('building pack 1.2.0 versions', () => {
  it('is 1.2.0, and 1.1.0 is still exported with exactly the content cases pinned to it', () => {
    expect(buildingPack.version).toBe('1.2.0');
    expect(buildingPackV1_1.version).toBe('1.1.0');
    expect(policyHash(buildingPackV1_1)).toBe(PUBLISHED_1_1_0_HASH);
    expect(buildingPackV1_1.escalation.listing).toBeUndefined();
    expect(buildingPack.escalation.listing).toBe('decision');
    expect(buildingPack.categories.map((c) => c.id)).toEqual(buildingPackV1_1.categories.map((c) => c.id));
    expect(buildingPack.migrations).toEqual([]);
  });

  it('migrates an open 1.1.0 case onto 1.2.0; the listing it had by fact stays recorded', async () => {
    const old = createTestEngine({ packs: [buildingPackV1_1], start: '2026-03-02T01:00:00.000Z' });
    const reported = await old.report(report('c-grade', { grade: 'C' }), { actor: gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    const triaged = await old.send(id, { type: 'TRIAGE' }, { actor: engineer });
    expect(triaged).toMatchObject({ ok: true, case: { escalationLevel: 3, listedSupervision: true } });
    const both = createTestEngine({
      packs: [buildingPackV1_1, buildingPack],
      start: '2026-03-02T02:00:00.000Z',
      store: old.store,
    });
    const plan = await both.planMigration({ packId: 'building', from: '1.1.0', to: '1.2.0' });
    expect(plan.blocked).toEqual([]);
    expect(plan.moves.map((m) => [m.caseId, m.status, m.toStatus])).toEqual([[id, 'triaged', 'triaged']]);
    expect(await both.migrate(plan, { actor: admin })).toMatchObject({ migrated: 1 });
    expect(await both.get(id)).toMatchObject({ packVersion: '1.2.0', severity: 'major', listedSupervision: true });
  });
});

describe('lateness of a general hazard on building 1.2.0', () => {
  it('brings reminders, a 督办单, a 通报 and referral to the committee, and never a listing', async () => {
    const t = createTestEngine({ packs: [buildingPack], start: '2026-03-02T01:00:00.000Z' });
    const reported = await t.report(report('home-converted-to-business'), { actor: gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await t.send(id, { type: 'TRIAGE' }, { actor: engineer });
    const noticed = await t.send(
      id,
      { type: 'ISSUE_NOTICE', clauses: ['《城市危险房屋管理规定》'], evidence: [evidence('notice-service-proof')] },
      { actor: engineer },
    );
    if (!noticed.ok) throw new Error(noticed.error.message);
    await t.send(id, { type: 'ACKNOWLEDGE' }, { actor: owner });
    await t.advanceTo('2026-09-30T01:00:00.000Z'); // half a year late
    expect(await t.get(id)).toMatchObject({
      severity: 'general',
      escalationLevel: 4,
      maxEscalationLevel: 4,
      listedSupervision: false,
      listing: null,
    });
    const escalated = t.notifications.filter((n) => n.reason === 'escalated');
    expect(escalated.map((n) => n.level)).toEqual([1, 2, 3, 4]);
    expect(escalated.map((n) => n.action?.zh).join('')).not.toMatch(/区领导|问责|联合惩戒/);
    expect(escalated.at(-1)?.recipients).toContainEqual({ role: 'command', org: 'command' });
    expect(t.notifications.map((n) => n.reason)).not.toContain('listed_supervision');
  });
});

describe('a suspected dangerous house on building 1.2.0 (初判 → 鉴定)', () => {
  it('is pending appraisal for 15 working days, told late, and a grade A lets the bureau dismiss it', async () => {
    const cracks = buildingPack.categories.find((c) => c.id === 'visible-cracks');
    expect(cracks?.appraisal).toMatchObject({
      within: { workingDays: 15 },
      gradeCategories: { A: null, B: 'b-grade', C: 'c-grade', D: 'd-grade' },
    });
    expect(cracks?.deadlines?.notice).toEqual(cracks?.appraisal?.within);
    expect(buildingPackV1_1.categories.every((c) => c.appraisal === undefined)).toBe(true);

    const t = createTestEngine({ packs: [buildingPack], start: '2026-03-02T01:00:00.000Z' });
    const reported = await t.report(report('visible-cracks'), { actor: gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    const triaged = await t.send(id, { type: 'TRIAGE' }, { actor: engineer });
    if (!triaged.ok) throw new Error(triaged.error.message);
    expect(triaged.case).toMatchObject({ severity: 'general', appraisal: { status: 'pending' } });
    await t.advanceTo('2026-04-15T01:00:00.000Z');
    const late = t.notifications.filter((n) => n.reason === 'appraisal_overdue');
    expect(late).toHaveLength(1);
    expect(late[0]?.recipients.map((r) => r.role)).toEqual(['regulator', 'command']);

    const recorded = await t.send(
      id,
      { type: 'RECORD_APPRAISAL', grade: 'A', reportNo: '2026-JD-0107', appraiser: 'District appraisal centre' },
      { actor: engineer },
    );
    expect(recorded).toMatchObject({
      ok: true,
      case: { category: 'visible-cracks', severity: 'general', appraisal: { status: 'recorded', grade: 'A' } },
    });
    const dismissed = await t.send(id, { type: 'DISMISS', reason: 'invalid' }, { actor: engineer });
    expect(dismissed).toMatchObject({ ok: true, case: { status: 'dismissed' } });
  });

  it('re-grades D as a whole dangerous building: major, stop use within 12 hours of the appraisal', async () => {
    const t = createTestEngine({ packs: [buildingPack], start: '2026-03-02T01:00:00.000Z' });
    const reported = await t.report(report('visible-cracks'), { actor: gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await t.send(id, { type: 'TRIAGE' }, { actor: engineer });
    await t.advanceTo('2026-03-05T02:00:00.000Z');
    const recorded = await t.send(
      id,
      { type: 'RECORD_APPRAISAL', grade: 'D', reportNo: '2026-JD-0108', appraiser: 'District appraisal centre' },
      { actor: engineer },
    );
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect(recorded.case).toMatchObject({
      category: 'd-grade',
      severity: 'major',
      imminentDanger: true,
      interimDueAt: '2026-03-05T14:00:00.000Z',
      dueAt: '2026-03-06T02:00:00.000Z',
    });
    expect(t.notifications.filter((n) => n.reason === 'imminent_danger')).toHaveLength(1);
  });
});

describe('a suspected dangerous house triaged on 1.1.0 and migrated onto 1.2.0', () => {
  it('has no pending appraisal: RECORD_APPRAISAL is refused and the grade is decided with CONFIRM_GRADE', async () => {
    const old = createTestEngine({ packs: [buildingPackV1_1], start: '2026-03-02T01:00:00.000Z' });
    const reported = await old.report(report('visible-cracks'), { actor: gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await old.send(id, { type: 'TRIAGE' }, { actor: engineer });
    const both = createTestEngine({
      packs: [buildingPackV1_1, buildingPack],
      start: '2026-03-02T02:00:00.000Z',
      store: old.store,
    });
    const plan = await both.planMigration({ packId: 'building', from: '1.1.0', to: '1.2.0' });
    expect(await both.migrate(plan, { actor: admin })).toMatchObject({ migrated: 1 });
    expect(await both.get(id)).toMatchObject({ packVersion: '1.2.0', appraisal: null });
    const refused = await both.send(
      id,
      { type: 'RECORD_APPRAISAL', grade: 'C', reportNo: '2026-JD-0109', appraiser: 'District appraisal centre' },
      { actor: engineer },
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/CONFIRM_GRADE/);
    const decided = await both.send(
      id,
      {
        type: 'CONFIRM_GRADE',
        severity: 'major',
        decision: { kind: 'expert', reference: '2026-JD-0109' },
        reason: 'Appraised C (JGJ 125-2016)',
      },
      { actor: engineer },
    );
    expect(decided).toMatchObject({ ok: true, case: { severity: 'major' } });
  });
});

describe('building pack 1.2.0 industry department (三管三必须, 《安全生产法》 Art. 3)', () => {
  it('names the commerce bureau for commercial buildings with its org and source; 1.1.0 named none', () => {
    expect(buildingPack.parties).toEqual({
      'commerce-bureau': expect.objectContaining({
        org: 'commerce-bureau',
        industry: { placeTypes: ['commercial'] },
        source: expect.stringMatching(/《安全生产法》 Art\. 3/),
      }),
    });
    expect(buildingPackV1_1.parties).toBeUndefined();
  });
});
