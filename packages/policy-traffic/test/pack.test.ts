import {
  classify,
  effectiveDeadline,
  extendPolicyPack,
  missingEvidence,
  resolvePolicy,
  type Scalar,
  validatePolicyPack,
} from '@hazardflow/core';
import { trafficPack } from '@hazardflow/policy-traffic';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const SUMMER = at('2025-07-15T10:00:00');

describe('trafficPack', () => {
  it('is a valid pack, and stays one as plain JSON', () => {
    const result = validatePolicyPack(JSON.parse(JSON.stringify(trafficPack)));
    expect(result.success ? [] : result.issues).toEqual([]);
    if (result.success) expect(result.pack).toEqual(trafficPack);
  });

  it('has every traffic category of DOMAIN.md, each labelled in both languages and sourced', () => {
    expect(trafficPack.categories.map((c) => c.id)).toEqual([
      'black-spot',
      'roadside-protection',
      'junction-sight-lines',
      'missing-signs',
      'unmarked-work-zone',
      'key-vehicle-overdue-inspection',
      'fog-ice-section',
    ]);
    for (const category of trafficPack.categories) {
      expect(category.name.zh).toMatch(/\p{Script=Han}/u);
      expect(category.name.en).toMatch(/^[A-Z]/);
      expect(category.source).toMatch(/道路交通安全法/);
    }
  });

  it('closes roads or takes vehicles off them, and nothing else', () => {
    expect(trafficPack.steps.interimControls).toEqual(['suspend']);
    expect(trafficPack.permissions.START_INTERIM_CONTROL).toEqual(['regulator']);
  });

  it('needs crash records to report a black spot and a section plan for a major one', () => {
    const photo = { kind: 'photo', uri: 's3://p/1.jpg', by: 'officer-1', at: SUMMER };
    expect(missingEvidence(trafficPack, 'black-spot', 'report', [photo])).toHaveLength(1);
    expect(missingEvidence(trafficPack, 'missing-signs', 'report', [photo])).toEqual([]);
    expect(missingEvidence(trafficPack, 'black-spot', 'plan', [])).toEqual([
      'plan needs 1 more "section-plan" (have 0 of 1)',
    ]);
  });

  it('gives engineering works months and vehicle inspections days', () => {
    const rectify = (category: string, severity: 'general' | 'major') =>
      effectiveDeadline(trafficPack, 'rectify', { category, severity, at: SUMMER });
    expect(rectify('black-spot', 'major')).toEqual({ days: 180 });
    expect(rectify('key-vehicle-overdue-inspection', 'major')).toEqual({ days: 15 });
    expect(effectiveDeadline(trafficPack, 'plan', { category: 'black-spot', severity: 'major' })).toEqual({ days: 15 });
    expect(
      effectiveDeadline(trafficPack, 'plan', { category: 'key-vehicle-overdue-inspection', severity: 'major' }),
    ).toEqual({ days: 3 });
    expect(effectiveDeadline(trafficPack, 'triage', { category: 'unmarked-work-zone', severity: 'general' })).toEqual({
      hours: 24,
    });
  });

  it('halves general deadlines in the Spring Festival travel rush, which runs past the Lantern Festival', () => {
    const rectify = (local: string) =>
      effectiveDeadline(trafficPack, 'rectify', { category: 'missing-signs', severity: 'general', at: at(local) });
    expect(rectify('2025-05-10T10:00:00')).toEqual({ days: 7 });
    expect(rectify('2026-03-10T10:00:00')).toEqual({ days: 4 });
  });

  it('climbs to referral to the road traffic safety committee, and starts there for major hazards, which it lists by decision', () => {
    const { ladder, startLevel, listing } = trafficPack.escalation;
    expect(ladder).toHaveLength(4);
    expect(ladder[3]?.name.zh).toBe('提请道路交通安全委员会办公室督办');
    expect(listing).toBe('decision');
    expect(startLevel).toEqual({ general: 0, major: 4 });
    for (const rung of ladder) expect(rung.name.zh + rung.action.zh).not.toMatch(/区领导|问责|联合惩戒|吊销/);
    expect(ladder[0]?.unacknowledgedAfter).toEqual({ workingDays: 1 });
    expect(ladder[1]?.verificationFailures).toBe(2);
  });
});

describe('trafficPack severity', () => {
  const grade = (category: string, findings: Record<string, Scalar>, when = SUMMER) =>
    classify(trafficPack, { category, placeType: 'trunk-road', findings, at: when });

  it('makes a black spot of 3+ fatal crashes within 1 km over 3 years major', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.double({ min: 0.1, max: 5, noNaN: true }), (crashes, km) => {
        const { severity } = grade('black-spot', { fatalCrashes3y: crashes, sectionLengthKm: km });
        expect(severity).toBe(crashes >= 3 && km <= 1 ? 'major' : 'general');
      }),
    );
    expect(grade('black-spot', { fatalCrashes3y: 3 }).severity).toBe('general'); // no section length, no rule
  });

  it('makes coaches, school buses and dangerous-goods vehicles overdue for inspection major', () => {
    const vehicle = (vehicleClass: string, inspectionOverdueDays: number) =>
      grade('key-vehicle-overdue-inspection', { vehicleClass, inspectionOverdueDays }).severity;
    expect(vehicle('coach', 10)).toBe('major');
    expect(vehicle('school_bus', 1)).toBe('major');
    expect(vehicle('dangerous_goods', 40)).toBe('major');
    expect(vehicle('heavy_truck', 40)).toBe('general');
    expect(vehicle('school_bus', 0)).toBe('general');
  });

  it('closes fog and ice sections under orange or red warnings, and shortens their deadlines in winter without grading them', () => {
    expect(grade('fog-ice-section', { weatherWarning: 'red' })).toMatchObject({
      severity: 'general',
      imminentDanger: true,
    });
    expect(grade('fog-ice-section', { weatherWarning: 'yellow' }).imminentDanger).toBe(false);
    const winter = grade('fog-ice-section', {}, at('2026-01-10T08:00:00'));
    expect(winter.severity).toBe('general');
    expect(winter.reasons).toEqual([]);
    const rectify = (when: string) =>
      effectiveDeadline(trafficPack, 'rectify', { category: 'fog-ice-section', severity: 'general', at: when });
    expect(rectify(at('2026-01-10T08:00:00'))).toEqual({ days: 8 }); // 30 × 0.25, rounded up
    expect(rectify(SUMMER)).toEqual({ days: 30 });
  });

  it('treats a broken barrier at a cliff edge as imminent danger', () => {
    expect(grade('roadside-protection', { barrierBreached: true }).imminentDanger).toBe(true);
  });
});

describe('the README "Extend this pack" example', () => {
  it('shortens the deadlines of one mountain road section (一路一策)', () => {
    const district = extendPolicyPack(trafficPack, {
      id: 'traffic-district',
      overrides: [
        {
          id: 'x203-pass',
          description: '一路一策: county road X203 over the pass, school-bus route',
          match: { sites: ['road-x203-km12-km19'] },
          patch: { deadlines: { rectify: { major: { days: 90 } }, plan: { days: 7 } } },
        },
      ],
    });
    const pass = resolvePolicy(district, { site: { id: 'road-x203-km12-km19' } });
    expect(pass.deadlines.rectify.major).toEqual({ days: 90 });
    expect(pass.deadlines.plan).toEqual({ days: 7 });
    expect(resolvePolicy(district, { site: { id: 'road-g205' } }).deadlines.plan).toEqual({ days: 15 });
  });
});
