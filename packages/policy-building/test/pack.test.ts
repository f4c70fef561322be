import {
  classify,
  effectiveDeadline,
  extendPolicyPack,
  missingEvidence,
  resolvePolicy,
  type Scalar,
  validatePolicyPack,
} from '@hazardflow/core';
import { buildingPack } from '@hazardflow/policy-building';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const at = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('buildingPack', () => {
  it('is a valid pack, and stays one as plain JSON', () => {
    const result = validatePolicyPack(JSON.parse(JSON.stringify(buildingPack)));
    expect(result.success ? [] : result.issues).toEqual([]);
    if (result.success) expect(result.pack).toEqual(buildingPack);
  });

  it('has every building category of DOMAIN.md, each labelled in both languages and sourced', () => {
    expect(buildingPack.categories.map((c) => c.id)).toEqual([
      'd-grade',
      'c-grade',
      'b-grade',
      'self-built-house-unappraised',
      'structural-alteration',
      'home-converted-to-business',
      'visible-cracks',
    ]);
    for (const category of buildingPack.categories) {
      expect(category.name.zh).toMatch(/\p{Script=Han}/u);
      expect(category.name.en).toMatch(/^[A-Z]/);
      expect(category.source).toMatch(/JGJ|规定|条例|方案|民法典|办法/);
    }
  });

  it('treats a D-grade building the same day and evacuates it', () => {
    const d = (step: 'triage' | 'notice') =>
      effectiveDeadline(buildingPack, step, { category: 'd-grade', severity: 'major' });
    expect(d('triage')).toEqual({ hours: 24 });
    expect(d('notice')).toEqual({ hours: 24 });
    expect(buildingPack.categories.find((c) => c.id === 'd-grade')).toMatchObject({
      defaultSeverity: 'major',
      imminentDanger: true,
    });
    expect(buildingPack.steps.interimControls).toEqual(['evacuate', 'suspend']);
    expect(buildingPack.steps.fixOnSpot).toBe(false);
  });

  it('closes C and D grades only with an appraisal report', () => {
    const photo = { kind: 'after-photo', uri: 's3://p/after.jpg', by: 'owner-1', at: at('2025-05-06T09:00:00') };
    const report = { ...photo, kind: 'appraisal-report', uri: 's3://r/appraisal.pdf' };
    for (const grade of ['c-grade', 'd-grade']) {
      expect(missingEvidence(buildingPack, grade, 'rectification', [photo])).toEqual([
        'rectification needs 1 more "appraisal-report" (have 0 of 1)',
      ]);
      expect(missingEvidence(buildingPack, grade, 'rectification', [photo, report])).toEqual([]);
    }
    expect(missingEvidence(buildingPack, 'home-converted-to-business', 'rectification', [photo])).toEqual([]);
  });

  it('halves general deadlines in autumn-winter, the flood season (structural categories) and the holidays', () => {
    const rectify = (category: string, local: string) =>
      effectiveDeadline(buildingPack, 'rectify', { category, severity: 'general', at: at(local) });
    expect(rectify('b-grade', '2025-05-10T10:00:00')).toEqual({ days: 30 });
    expect(rectify('b-grade', '2025-07-10T10:00:00')).toEqual({ days: 15 });
    expect(rectify('home-converted-to-business', '2025-07-10T10:00:00')).toEqual({ days: 30 });
    expect(rectify('home-converted-to-business', '2025-12-10T10:00:00')).toEqual({ days: 15 });
    expect(rectify('home-converted-to-business', '2025-10-02T10:00:00')).toEqual({ days: 15 });
  });

  it("climbs from street reminders to the bureau's 督办单 and 通报 to referral to the committee, which lists by decision", () => {
    const { ladder, startLevel, baseNotify, listing } = buildingPack.escalation;
    expect(ladder.map((l) => l.name.zh)).toEqual([
      '属地督促（街道、社区、网格员）',
      '区住房和城乡建设局督办单',
      '区住房和城乡建设局通报',
      '提请区安委办督办',
    ]);
    expect(listing).toBe('decision');
    expect(startLevel).toEqual({ general: 0, major: 4 });
    for (const rung of ladder) expect(rung.name.zh + rung.action.zh).not.toMatch(/区领导|问责|联合惩戒|强制/);
    expect(baseNotify).toContain('territory');
    expect(ladder[0]?.unacknowledgedAfter).toEqual({ workingDays: 1 });
    expect(ladder[1]?.verificationFailures).toBe(2);
  });
});

describe('buildingPack severity (JGJ 125-2016, self-built houses)', () => {
  const grade = (category: string, findings: Record<string, Scalar> = {}, attributes: Record<string, Scalar> = {}) =>
    classify(buildingPack, { category, placeType: 'self-built-house', findings, site: { attributes } });

  it('grades by the JGJ 125 appraisal whatever the category', () => {
    expect(grade('b-grade', { grade: 'B' })).toMatchObject({ severity: 'general', imminentDanger: false });
    expect(grade('b-grade', { grade: 'C' })).toMatchObject({ severity: 'major', imminentDanger: true });
    expect(grade('self-built-house-unappraised', { grade: 'D' })).toMatchObject({
      severity: 'major',
      imminentDanger: true,
    });
  });

  it('makes a business-use self-built house of 3+ storeys or 10+ occupants major', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 60 }), (storeys, occupants) => {
        const { severity } = grade('self-built-house-unappraised', {}, { storeys, occupants });
        expect(severity).toBe(storeys >= 3 || occupants >= 10 ? 'major' : 'general');
      }),
    );
    expect(grade('self-built-house-unappraised').severity).toBe('general');
    // The rule is about business-use self-built houses, not any building with three storeys.
    expect(grade('home-converted-to-business', {}, { storeys: 6 }).severity).toBe('general');
  });

  it('raises structural alterations that touch the structure', () => {
    expect(grade('structural-alteration', { interiorWallsMoved: true }).severity).toBe('general');
    expect(grade('structural-alteration', { loadBearingAltered: true }).severity).toBe('major');
    expect(grade('structural-alteration', { storeysAdded: 1 }).severity).toBe('major');
    expect(grade('structural-alteration', { basementExcavated: true }).severity).toBe('major');
  });

  it('does not grade a suspected dangerous house major before its appraisal, and evacuates it when cracks grow', () => {
    expect(grade('visible-cracks')).toMatchObject({ severity: 'general', imminentDanger: false });
    expect(grade('visible-cracks', { cracksWidening: true })).toMatchObject({
      severity: 'general',
      imminentDanger: true,
    });
    // the appraisal's grade decides: C and D are dangerous houses, B is not
    expect(grade('visible-cracks', { grade: 'B' })).toMatchObject({ severity: 'general', imminentDanger: false });
    expect(grade('visible-cracks', { grade: 'C' })).toMatchObject({ severity: 'major', imminentDanger: true });
  });
});

describe('the README "Extend this pack" example', () => {
  it('puts one school building (一楼一策) under the bureau alone with a tighter deadline', () => {
    const district = extendPolicyPack(buildingPack, {
      id: 'building-district',
      overrides: [
        {
          id: 'no-3-middle-school',
          description: '一楼一策: No. 3 Middle School teaching block, C-grade in 2024',
          match: { sites: ['site-no-3-middle-school'] },
          patch: {
            deadlines: { rectify: { major: { days: 45 } } },
            permissions: { VERIFY: ['regulator'], START_INTERIM_CONTROL: ['regulator', 'command'] },
          },
        },
      ],
    });
    const school = resolvePolicy(district, { site: { id: 'site-no-3-middle-school' } });
    expect(school.deadlines.rectify).toEqual({ general: { days: 30 }, major: { days: 45 } });
    expect(school.permissions.VERIFY).toEqual(['regulator']);
    expect(resolvePolicy(district, { site: { id: 'site-other' } }).permissions.VERIFY).toEqual([
      'regulator',
      'territory',
    ]);
  });
});
