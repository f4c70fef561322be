import {
  classify,
  effectiveDeadline,
  extendPolicyPack,
  missingEvidence,
  resolvePolicy,
  type Scalar,
  type SeverityRule,
  validatePolicyPack,
} from '@hazardflow/core';
import { firePack } from '@hazardflow/policy-fire';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const CROWDED = [
  'public-entertainment',
  'shop-market',
  'hotel',
  'hospital',
  'school',
  'child-activity',
  'elderly-care',
  'labour-intensive',
  'mixed-use',
];
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const flags = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, true]));

function compositeElements(id: string): string[] {
  const rule = firePack.severityRules.find((candidate) => candidate.id === id);
  if (rule?.kind !== 'composite') throw new Error(`no composite rule ${id}`);
  return rule.elements;
}

describe('firePack', () => {
  it('is a valid pack, and stays one as plain JSON', () => {
    const result = validatePolicyPack(JSON.parse(JSON.stringify(firePack)));
    expect(result.success ? [] : result.issues).toEqual([]);
    if (result.success) expect(result.pack).toEqual(firePack);
  });

  it('has every fire category of DOMAIN.md, each labelled in both languages and sourced', () => {
    expect(firePack.categories.map((c) => c.id)).toEqual([
      'exits-blocked',
      'fire-systems-disabled',
      'ebike-corridor',
      'three-in-one',
      'hot-work',
      'flammables-crowded-place',
      'combustible-decoration',
      'escape-window-obstruction',
      'fire-lane-blocked',
    ]);
    for (const category of firePack.categories) {
      expect(category.name.zh).toMatch(/\p{Script=Han}/u);
      expect(category.name.en).toMatch(/^[A-Z"]/);
      expect(category.source).toMatch(/消防法|GB|规定/);
    }
    for (const rule of firePack.severityRules) expect(rule.description?.zh).toBeTruthy();
  });

  it('counts deadlines as 《消防监督检查规定》 does', () => {
    const step = (
      name: Parameters<typeof effectiveDeadline>[1],
      category = 'hot-work',
      severity = 'general' as const,
    ) => effectiveDeadline(firePack, name, { category, severity });
    expect(step('triage', 'exits-blocked')).toEqual({ hours: 24 });
    expect(step('triage', 'fire-systems-disabled')).toEqual({ hours: 24 });
    expect(step('triage', 'three-in-one')).toEqual({ workingDays: 3 });
    expect(step('notice')).toEqual({ workingDays: 3 });
    expect(step('verify')).toEqual({ workingDays: 3 });
    expect(step('plan')).toEqual({ days: 7 });
    expect(step('acceptance')).toEqual({ days: 10 });
    expect(step('extensionDecision')).toEqual({ workingDays: 10 });
    const general = Object.fromEntries(firePack.categories.map((c) => [c.id, step('rectify', c.id)]));
    expect(general).toMatchObject({
      'exits-blocked': { days: 1 },
      'fire-systems-disabled': { days: 15 },
      'escape-window-obstruction': { days: 7 },
      'combustible-decoration': { days: 30 },
    });
  });

  it('halves general deadlines in autumn-winter and the holidays, once, and leaves major ones alone', () => {
    const rectify = (local: string, severity: 'general' | 'major' = 'general') =>
      effectiveDeadline(firePack, 'rectify', { category: 'fire-systems-disabled', severity, at: at(local) });
    expect(rectify('2025-07-15T10:00:00')).toEqual({ days: 15 });
    expect(rectify('2025-12-01T10:00:00')).toEqual({ days: 8 });
    expect(rectify('2025-09-26T10:00:00')).toEqual({ days: 8 }); // the Friday before National Day
    expect(rectify('2026-02-10T10:00:00')).toEqual({ days: 8 }); // Spring Festival inside autumn-winter: not 4
    expect(rectify('2025-12-01T10:00:00', 'major')).toEqual({ days: 90 });
  });

  it('asks for two inspectors on every report', () => {
    const record = (by: string) => ({
      kind: 'inspection-record',
      uri: `s3://records/${by}`,
      by,
      at: at('2025-05-06T09:00:00'),
    });
    const photo = { kind: 'photo', uri: 's3://p/1.jpg', by: 'inspector-1', at: at('2025-05-06T09:00:00') };
    expect(missingEvidence(firePack, 'ebike-corridor', 'report', [record('a'), record('a'), photo])).toHaveLength(1);
    expect(missingEvidence(firePack, 'ebike-corridor', 'report', [record('a'), record('b'), photo])).toEqual([]);
  });

  it('climbs the real ladder, and refers major hazards to the committee at once, which lists by decision', () => {
    const { ladder, startLevel, listing } = firePack.escalation;
    expect(ladder.map((l) => [l.level, l.notify[0]])).toEqual([
      [1, 'territory'],
      [2, 'regulator'],
      [3, 'regulator'],
      [4, 'command'],
    ]);
    expect(listing).toBe('decision');
    expect(startLevel).toEqual({ general: 0, major: 4 });
    for (const rung of ladder) expect(rung.name.zh + rung.action.zh).not.toMatch(/区领导|问责|联合惩戒/);
    expect(ladder[0]?.unacknowledgedAfter).toEqual({ workingDays: 1 });
    expect(ladder[1]?.verificationFailures).toBe(2);
    expect(firePack.steps.interimControls).toEqual(['seal', 'suspend', 'evacuate']);
  });
});

describe('firePack severity (GB 35181-2025)', () => {
  // Reported after 2025-11-01, so graded by GB 35181-2025 (the 2017 rules: fire-2017.test.ts).
  const grade = (category: string, placeType: string, findings: Record<string, Scalar>, crowdedPlace = false) =>
    classify(firePack, {
      category,
      placeType,
      findings,
      site: { attributes: { crowdedPlace } },
      at: at('2026-07-15T10:00:00'),
    });

  it('judges direct elements major on one finding', () => {
    expect(grade('exits-blocked', 'shop-market', { exitCapacityRatio: 0.75 }, true).severity).toBe('major');
    expect(grade('exits-blocked', 'shop-market', { exitCapacityRatio: 0.85 }, true).severity).toBe('general');
    expect(grade('exits-blocked', 'office', { exitCapacityRatio: 0.75 }, false).severity).toBe('general');
    const colocated = grade('three-in-one', 'mixed-use', { hazmatWithLivingQuarters: true });
    expect(colocated).toMatchObject({ severity: 'major', imminentDanger: true });
    expect(colocated.reasons[0]?.source).toContain('GB 35181-2025');
    expect(grade('flammables-crowded-place', 'hotel', {}).severity).toBe('major');
  });

  it('flags imminent danger without grading it major', () => {
    expect(grade('exits-blocked', 'hotel', { exitsLockedWhileOccupied: true })).toMatchObject({
      severity: 'general',
      imminentDanger: true,
    });
  });

  it('counts composite elements against the threshold of the place type', () => {
    const escapeGroup = compositeElements('gb35181-composite-crowded-escape');
    const hazmatGroup = compositeElements('gb35181-composite-hazmat-site');
    expect(grade('exits-blocked', 'public-entertainment', flags(escapeGroup.slice(0, 3))).severity).toBe('major');
    expect(grade('exits-blocked', 'public-entertainment', flags(escapeGroup.slice(0, 2))).severity).toBe('general');
    expect(grade('fire-lane-blocked', 'hazmat-site', flags(hazmatGroup.slice(0, 3))).severity).toBe('major');
    expect(grade('fire-lane-blocked', 'office', flags(hazmatGroup.slice(0, 3))).severity).toBe('general');
  });

  it('matches the README table for every place type and set of elements', () => {
    const all = compositeElements('gb35181-composite-any');
    const escapeGroup = new Set(compositeElements('gb35181-composite-crowded-escape'));
    const hazmatGroup = new Set(compositeElements('gb35181-composite-hazmat-site'));
    fc.assert(
      fc.property(fc.constantFrom(...firePack.placeTypes), fc.subarray(all), (placeType, present) => {
        const strict = CROWDED.includes(placeType) || placeType === 'hazmat-site';
        const expected =
          (CROWDED.includes(placeType) && present.filter((e) => escapeGroup.has(e)).length >= 3) ||
          (placeType === 'hazmat-site' && present.filter((e) => hazmatGroup.has(e)).length >= 3) ||
          present.length >= (strict ? 4 : 6);
        expect(grade('fire-systems-disabled', placeType, flags(present)).severity).toBe(expected ? 'major' : 'general');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps e-bikes in stairwells general over the holidays, so they can be fixed on the spot', () => {
    const friday = classify(firePack, {
      category: 'ebike-corridor',
      placeType: 'high-rise-residential',
      at: at('2025-09-26T17:00:00'),
    });
    expect(friday).toMatchObject({ severity: 'general', imminentDanger: false });
  });

  it('cites GB 35181-2025 on every direct and composite rule', () => {
    const gb = firePack.severityRules.filter((rule: SeverityRule) => rule.validFrom === '2025-11-01');
    expect(gb.map((rule) => rule.kind).sort()).toEqual([...Array(3).fill('composite'), ...Array(7).fill('conditions')]);
    for (const rule of gb) expect(rule.source).toMatch(/^GB 35181-2025 Ch\. [56]/);
    expect(gb.every((rule) => rule.id.startsWith('gb35181-') && rule.validTo === undefined)).toBe(true);
  });
});

describe('the README "Extend this pack" example', () => {
  it('refuses a district season that raises holiday e-bikes to major, and shortens their deadline instead, as the Seasons section shows', () => {
    const ebikes = {
      id: 'holiday-ebikes',
      name: { zh: '节日电动自行车', en: 'Holiday e-bikes' },
      windows: [{ from: '09-20', to: '10-08' }],
      categories: ['ebike-corridor'],
    };
    expect(() => extendPolicyPack(firePack, { seasons: [{ ...ebikes, raiseSeverityTo: 'major' }] })).toThrow(
      /seasons\[2\]\.raiseSeverityTo: a season never sets the legal grade/,
    );
    const faster = extendPolicyPack(firePack, { seasons: [{ ...ebikes, deadlineFactor: 0.5 }] });
    const friday = { category: 'ebike-corridor', at: at('2025-09-26T17:00:00') };
    expect(classify(faster, friday).severity).toBe('general');
  });

  it('gives one hospital its own deadlines (一楼一策) and leaves other sites alone', () => {
    const district = extendPolicyPack(firePack, {
      id: 'fire-district',
      overrides: [
        {
          id: 'people-hospital',
          description: '一楼一策: the district hospital, 1,200 beds',
          match: { sites: ['site-people-hospital'] },
          patch: { deadlines: { rectify: { general: { days: 3 } } }, escalation: { warnBefore: { hours: 4 } } },
        },
      ],
    });
    const hospital = resolvePolicy(district, { site: { id: 'site-people-hospital', territory: 'street-east' } });
    const school = resolvePolicy(district, { site: { id: 'site-no-1-school', territory: 'street-east' } });
    expect(hospital.appliedOverrides).toEqual(['people-hospital']);
    expect(hospital.deadlines.rectify).toEqual({ general: { days: 3 }, major: { days: 90 } });
    expect(hospital.escalation.warnBefore).toEqual({ hours: 4 });
    expect(school.appliedOverrides).toEqual([]);
    expect(school.deadlines.rectify.general).toEqual({ days: 15 });
  });
});
