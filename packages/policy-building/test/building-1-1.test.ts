import { type Actor, classify, type EvidenceRef, effectiveDeadline, policyHash, type Scalar } from '@hazardflow/core';
import { buildingPack, buildingPackV1_0, buildingPackV1_1 } from '@hazardflow/policy-building';
import { createTestEngine } from '@hazardflow/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * Building pack 1.1.0: B grade is not a dangerous house; C and D grades and business-use
 * self-built houses awaiting an appraisal stop use within 12 hours; a suspected dangerous house
 * is graded by its appraisal, not before. 1.0.0 is still exported, unchanged.
 */

/** `policyHash(buildingPack)` of building@1.0.0 as published (main before 1.1.0). */
const PUBLISHED_1_0_0_HASH = 'a42da1857163de64097310d068d39cd5ab06061b86d817da55abffdf4673dad0';

const engineer: Actor = { id: 'housing-engineer-1', role: 'regulator', org: 'housing-construction' };
const gridWorker: Actor = { id: 'grid-worker-3', role: 'territory', org: 'street-old-town' };
const admin: Actor = { id: 'district-admin', role: 'command', org: 'command' };

const evidence = (kind: string, by = engineer.id): EvidenceRef => ({
  kind,
  uri: `oss://hazards/${kind}-${by}.pdf`,
  by,
  at: '2026-03-02T00:00:00.000Z',
});

function report(category: string, placeType: string, attributes: Record<string, Scalar>, findings = {}) {
  return {
    packId: 'building',
    category,
    site: { id: 'lane-12-no-5', name: 'No. 5, Lane 12', placeType, territory: 'street-old-town', attributes },
    responsible: { id: 'owner-family', name: 'the owning family' },
    description: `${category} at No. 5, Lane 12`,
    findings,
    evidence: [evidence('photo', gridWorker.id)],
  };
}

const grade = (category: string, findings: Record<string, Scalar> = {}, attributes: Record<string, Scalar> = {}) =>
  classify(buildingPack, { category, placeType: 'self-built-house', findings, site: { attributes } });

describe('building pack 1.1.0 versions', () => {
  it('1.0.0 is still exported with exactly the content cases pinned to it, and 1.1.0 kept its categories', () => {
    expect(buildingPackV1_1.version).toBe('1.1.0');
    expect(buildingPackV1_0.version).toBe('1.0.0');
    expect(policyHash(buildingPackV1_0)).toBe(PUBLISHED_1_0_0_HASH);
    expect(buildingPackV1_1.categories.map((c) => c.id)).toEqual(buildingPackV1_0.categories.map((c) => c.id));
    expect(buildingPackV1_1.migrations).toEqual([]);
  });

  it('migrates an open 1.0.0 case onto 1.1.0, keeping the grade it was given', async () => {
    const old = createTestEngine({ packs: [buildingPackV1_0], start: '2026-03-02T01:00:00.000Z' });
    const reported = await old.report(report('visible-cracks', 'residential', { storeys: 6 }), { actor: gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    const triaged = await old.send(id, { type: 'TRIAGE' }, { actor: engineer });
    expect(triaged).toMatchObject({ ok: true, case: { severity: 'major' } }); // 1.0.0: major before any appraisal
    const both = createTestEngine({
      packs: [buildingPackV1_0, buildingPackV1_1],
      start: '2026-03-02T02:00:00.000Z',
      store: old.store,
    });
    const plan = await both.planMigration({ packId: 'building', from: '1.0.0', to: '1.1.0' });
    expect(plan.blocked).toEqual([]);
    expect(plan.moves.map((m) => [m.caseId, m.status, m.toStatus])).toEqual([[id, 'triaged', 'triaged']]);
    expect(await both.migrate(plan, { actor: admin })).toMatchObject({ migrated: 1 });
    // a migration does not regrade: lowering it is a recorded decision (CONFIRM_GRADE)
    expect(await both.get(id)).toMatchObject({ packVersion: '1.1.0', severity: 'major' });
    const lowered = await both.send(
      id,
      {
        type: 'CONFIRM_GRADE',
        severity: 'general',
        decision: { kind: 'expert', reference: '房屋安全鉴定报告 2026-JD-0031' },
        reason: 'Appraised B (JGJ 125-2016): not a dangerous house',
      },
      { actor: engineer },
    );
    expect(lowered).toMatchObject({ ok: true, case: { severity: 'general' } });
  });
});

describe('B grade is not a dangerous house (JGJ 125-2016)', () => {
  it('keeps a B grade general, in use and without an interim control, whatever the season', () => {
    const b = buildingPack.categories.find((c) => c.id === 'b-grade');
    expect(b).toMatchObject({ defaultSeverity: 'general', imminentDanger: false });
    expect(b?.name.zh).toContain('非危房');
    expect(b?.source).toContain('JGJ 125-2016');
    expect(b?.source).not.toContain('危险房屋管理规定');
    expect(grade('b-grade', { grade: 'B' })).toMatchObject({ severity: 'general', imminentDanger: false });
    expect(grade('self-built-house-unappraised', { grade: 'B' })).toMatchObject({ imminentDanger: false });
  });

  it('makes C and D grades dangerous houses: major and out of use within 12 hours', () => {
    for (const category of ['c-grade', 'd-grade']) {
      expect(buildingPack.categories.find((c) => c.id === category)).toMatchObject({
        defaultSeverity: 'major',
        imminentDanger: true,
      });
    }
    for (const appraised of ['C', 'D']) {
      expect(grade('structural-alteration', { grade: appraised })).toMatchObject({
        severity: 'major',
        imminentDanger: true,
      });
    }
    expect(effectiveDeadline(buildingPack, 'interimControl', { category: 'c-grade', severity: 'major' })).toEqual({
      hours: 12,
    });
  });
});

describe('stop use of business-use self-built houses awaiting an appraisal', () => {
  it('marks a house of 3+ storeys or 10+ occupants major and to be stopped, and no other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 60 }), (storeys, occupants) => {
        const graded = grade('self-built-house-unappraised', {}, { storeys, occupants });
        const stop = storeys >= 3 || occupants >= 10;
        expect(graded).toMatchObject({ severity: stop ? 'major' : 'general', imminentDanger: stop });
      }),
    );
  });

  it('asks for the stop-use the evening of the report, and tells the bureau and the committee when it is late', async () => {
    const t = createTestEngine({ packs: [buildingPack], start: '2026-03-02T01:00:00.000Z' }); // Monday 09:00
    const reported = await t.report(
      report('self-built-house-unappraised', 'self-built-house', { storeys: 4, occupants: 6 }),
      { actor: gridWorker },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    expect(reported.case).toMatchObject({ imminentDanger: true, interimDueAt: '2026-03-02T13:00:00.000Z' });
    await t.advanceTo('2026-03-02T13:00:01.000Z');
    const late = t.notifications.find((n) => n.reason === 'interim_control_overdue');
    expect(late?.recipients.map((r) => r.role)).toEqual(['regulator', 'command']);
    const triaged = await t.send(reported.case.id, { type: 'TRIAGE' }, { actor: engineer });
    expect(triaged).toMatchObject({ ok: true, case: { severity: 'major' } });
    const stopped = await t.send(
      reported.case.id,
      { type: 'START_INTERIM_CONTROL', measure: 'suspend', evidence: [evidence('interim-control-record')] },
      { actor: engineer },
    );
    expect(stopped).toMatchObject({ ok: true, case: { interimControls: ['suspend'] } });
  });
});

describe('a suspected dangerous house is graded by its appraisal (初判 → 鉴定)', () => {
  it('is general until appraised, and gives the appraisal 15 working days before the notice', () => {
    expect(grade('visible-cracks')).toMatchObject({ severity: 'general', imminentDanger: false });
    expect(effectiveDeadline(buildingPack, 'triage', { category: 'visible-cracks', severity: 'general' })).toEqual({
      hours: 24,
    });
    expect(effectiveDeadline(buildingPack, 'notice', { category: 'visible-cracks', severity: 'general' })).toEqual({
      workingDays: 15,
    });
    // other categories keep the bureau's 3 working days
    expect(effectiveDeadline(buildingPack, 'notice', { category: 'b-grade', severity: 'general' })).toEqual({
      workingDays: 3,
    });
  });

  it('evacuates when the cracks grow, without grading the house', () => {
    expect(grade('visible-cracks', { cracksWidening: true })).toMatchObject({
      severity: 'general',
      imminentDanger: true,
    });
  });
});
