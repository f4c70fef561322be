import { readFileSync } from 'node:fs';
import {
  classify,
  type Duration,
  effectiveDeadline,
  extendPolicyPack,
  missingEvidence,
  resolvePolicy,
  type Scalar,
  validatePolicyPack,
} from '@hazardflow/core';
import { specialEquipmentPack, specialEquipmentPlaceTypes } from '@hazardflow/policy-special-equipment';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const pack = specialEquipmentPack;
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The single finding a conditions rule of this pack reads, e.g. `safetyValveDisabled`. */
function ruleFinding(ruleId: string): { field: string; value: Scalar } {
  const rule = pack.severityRules.find((candidate) => candidate.id === ruleId);
  if (rule?.kind !== 'conditions' || rule.all.length !== 1) throw new Error(`no single-condition rule ${ruleId}`);
  const [condition] = rule.all;
  if (!condition) throw new Error(ruleId);
  const value =
    condition.op === 'truthy' ? true : condition.op === 'gt' ? Number(condition.value) + 1 : condition.value;
  return { field: condition.field.replace(/^findings\./, ''), value: value as Scalar };
}

describe('specialEquipmentPack', () => {
  it('is a valid pack, and stays one as plain JSON', () => {
    const result = validatePolicyPack(JSON.parse(JSON.stringify(pack)));
    expect(result.success ? [] : result.issues).toEqual([]);
    if (result.success) expect(result.pack).toEqual(pack);
  });

  it('has a category for every kind of special equipment, labelled in both languages and sourced', () => {
    expect(pack.categories.map((c) => c.id)).toEqual([
      'lift',
      'boiler',
      'pressure-vessel',
      'gas-cylinder',
      'cylinder-filling',
      'pressure-piping',
      'crane',
      'passenger-ropeway',
      'amusement-ride',
      'in-plant-vehicle',
      'uncertified-operator',
    ]);
    for (const category of pack.categories) {
      expect(category.name.zh).toMatch(/\p{Script=Han}/u);
      expect(category.name.en).toMatch(/^[A-Z]/);
      expect(category.source).toMatch(/特种设备安全法 Art\. \d+/);
    }
    expect(pack.regulator).toEqual({
      id: 'market-supervision',
      name: { zh: '区市场监督管理局', en: 'District market supervision bureau' },
    });
  });

  it('names every place type in both languages, and leaves site cranes and vehicles to the housing department', () => {
    expect(specialEquipmentPlaceTypes.map((p) => p.id)).toEqual(pack.placeTypes);
    for (const placeType of specialEquipmentPlaceTypes) expect(placeType.name.zh).toMatch(/\p{Script=Han}/u);
    const placesOf = (id: string) => pack.categories.find((c) => c.id === id)?.placeTypes ?? [];
    expect(placesOf('crane')).not.toContain('construction-site');
    expect(placesOf('in-plant-vehicle')).not.toContain('construction-site');
    expect(placesOf('lift')).not.toContain('construction-site');
    expect(placesOf('uncertified-operator')).not.toContain('construction-site');
    expect(placesOf('gas-cylinder')).toEqual([]); // restaurants, homes and sites alike
    expect(placesOf('passenger-ropeway')).toContain('scenic-area');
    expect(pack.steps.transfer).toBe(true);
  });

  it('cites a clause of GB 45067-2024 or the Law on every rule, and marks the rest [default]', () => {
    for (const rule of pack.severityRules) {
      expect(rule.source, rule.id).not.toContain('DOMAIN');
      if (rule.id.startsWith('gb45067-')) expect(rule.source, rule.id).toMatch(/GB 45067-2024 (5\.\d|general)/);
      else expect(rule.source, rule.id).toContain('[default]');
      expect(rule.description?.zh, rule.id).toMatch(/\p{Script=Han}/u);
    }
  });

  it('lists every rule in the README table with its grade and the same source', () => {
    for (const rule of pack.severityRules) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${rule.id}\` |`));
      expect(row, rule.id).toBeDefined();
      const outcome = rule.outcome;
      const grade = [outcome.severity === 'major' ? 'major' : 'general', outcome.imminentDanger ? 'imminent' : '']
        .filter(Boolean)
        .join(' + ');
      expect(row, rule.id).toContain(`| ${grade} |`);
      expect(row, rule.id).toContain(`| ${rule.source} |`);
    }
  });

  it('makes each finding major only on the equipment the clause is about', () => {
    const rules = pack.severityRules.filter((rule) => rule.kind === 'conditions' && rule.outcome.severity === 'major');
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.constantFrom(...pack.categories.map((c) => c.id)), (rule, category) => {
        const { field, value } = ruleFinding(rule.id);
        const result = classify(pack, { category, findings: { [field]: value }, at: at('2025-06-10T10:00:00') });
        const applies = rule.categories.length === 0 || rule.categories.includes(category);
        expect(result.reasons.some((reason) => reason.ruleId === rule.id)).toBe(applies);
        if (applies) expect(result.severity).toBe('major');
      }),
      { numRuns: 300 },
    );
  });

  it('stops use of equipment past its inspection without grading it major; a failed inspection is major', () => {
    const overdue = classify(pack, { category: 'lift', findings: { inspectionOverdueDays: 30 } });
    expect(overdue).toMatchObject({ severity: 'general', imminentDanger: true });
    expect(classify(pack, { category: 'lift', findings: { inspectionConclusion: 'unqualified' } }).severity).toBe(
      'major',
    );
    expect(classify(pack, { category: 'lift', findings: { inspectionConclusion: 'qualified' } }).severity).toBe(
      'general',
    );
    expect(classify(pack, { category: 'uncertified-operator', findings: { equipment: 'forklift' } })).toMatchObject({
      severity: 'general',
      imminentDanger: false,
    });
  });

  it('never lets a season change a grade', () => {
    expect(pack.seasons.every((season) => season.raiseSeverityTo === undefined)).toBe(true);
    const findings = pack.severityRules.map((rule) => ruleFinding(rule.id));
    fc.assert(
      fc.property(
        fc.constantFrom(...pack.categories.map((c) => c.id)),
        fc.subarray(findings, { maxLength: 3 }),
        fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }),
        (category, present, when) => {
          const report = { category, findings: Object.fromEntries(present.map((f) => [f.field, f.value])) };
          const inSeason = classify(pack, { ...report, at: when.toISOString() });
          const offSeason = classify(pack, { ...report, at: at('2025-06-10T10:00:00') });
          expect([inSeason.severity, inSeason.imminentDanger]).toEqual([offSeason.severity, offSeason.imminentDanger]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('halves general deadlines of boilers in the heating season, rides in summer, ropeways over the holidays', () => {
    const rectify = (category: string, local: string, severity: 'general' | 'major' = 'general') =>
      effectiveDeadline(pack, 'rectify', { category, severity, at: at(local) });
    expect(rectify('boiler', '2025-07-15T10:00:00')).toEqual({ days: 15 });
    expect(rectify('boiler', '2025-12-01T10:00:00')).toEqual({ days: 8 });
    expect(rectify('boiler', '2025-12-01T10:00:00', 'major')).toEqual({ days: 30 });
    expect(rectify('lift', '2025-12-01T10:00:00')).toEqual({ days: 15 }); // lifts have no heating season
    expect(rectify('amusement-ride', '2025-07-15T10:00:00')).toEqual({ days: 4 });
    expect(rectify('amusement-ride', '2025-06-15T10:00:00')).toEqual({ days: 7 });
    expect(rectify('passenger-ropeway', '2025-05-01T10:00:00')).toEqual({ days: 4 });
    expect(rectify('passenger-ropeway', '2026-02-17T10:00:00')).toEqual({ days: 4 }); // Spring Festival 2026
    expect(rectify('passenger-ropeway', '2025-06-15T10:00:00')).toEqual({ days: 7 });
  });

  it('verifies trapped passengers and public rides within 24 hours, everything else in 3 working days', () => {
    const triage = (category: string) => effectiveDeadline(pack, 'triage', { category, severity: 'general' });
    expect(triage('lift')).toEqual({ hours: 24 });
    expect(triage('passenger-ropeway')).toEqual({ hours: 24 });
    expect(triage('amusement-ride')).toEqual({ hours: 24 });
    expect(triage('boiler')).toEqual({ workingDays: 3 });
  });

  it('asks two inspectors for an inspection record, an inspection report to lift a lift, photos of what was sealed', () => {
    const ref = (kind: string, by = 'inspector-a') => ({
      kind,
      uri: `s3://x/${kind}/${by}`,
      by,
      at: at('2025-05-06T09:00:00'),
    });
    const byInspector = missingEvidence(
      pack,
      'boiler',
      'report',
      [ref('photo'), ref('inspection-record')],
      'regulator',
    );
    expect(byInspector).toHaveLength(1);
    expect(byInspector[0]).toContain('inspection-record');
    expect(missingEvidence(pack, 'boiler', 'report', [ref('photo')], 'reporter')).toEqual([]);
    const liftFix = missingEvidence(pack, 'lift', 'rectification', [ref('rectification-report')]);
    expect(liftFix).toHaveLength(2);
    expect(liftFix.join(' ')).toMatch(/inspection-report.*maintenance-record/);
    const seal = missingEvidence(pack, 'lift', 'interimControl', [ref('seal-decision')]);
    expect(seal).toHaveLength(1);
    expect(seal[0]).toContain('sealed-equipment-photo');
  });

  it('climbs the bureau ladder, refers major hazards to the committee at once (which lists by decision) and seals for the bureau only', () => {
    const { ladder, startLevel, listing } = pack.escalation;
    expect(ladder.map((l) => [l.level, l.notify[0]])).toEqual([
      [1, 'territory'],
      [2, 'regulator'],
      [3, 'regulator'],
      [4, 'command'],
    ]);
    expect(listing).toBe('decision');
    expect(startLevel).toEqual({ general: 0, major: 4 });
    for (const rung of ladder) expect(rung.name.zh + rung.action.zh).not.toMatch(/区领导|问责|信用惩戒/);
    expect(pack.steps.interimControls).toEqual(['seal', 'suspend']);
    expect(pack.permissions.START_INTERIM_CONTROL).toEqual(['regulator']);
    expect(pack.permissions.VERIFY).toEqual(['regulator']);
  });
});

describe('the README', () => {
  it('shows each category with the triage and rectification limits the pack has', () => {
    const limit = (d: Duration) =>
      'hours' in d
        ? `${d.hours} h`
        : 'minutes' in d
          ? `${d.minutes} min`
          : 'workingDays' in d
            ? `${d.workingDays} working days`
            : `${d.days}`;
    for (const category of pack.categories) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${category.id}\` |`));
      const triage = effectiveDeadline(pack, 'triage', { category: category.id, severity: 'general' });
      const general = effectiveDeadline(pack, 'rectify', { category: category.id, severity: 'general' });
      const major = effectiveDeadline(pack, 'rectify', { category: category.id, severity: 'major' });
      expect(row, category.id).toContain(`| ${limit(triage)} | ${limit(general)} / ${limit(major)} days |`);
    }
  });

  it('"Extend this pack": a city moves the heating season and gives one hospital its own deadline', () => {
    const harbinPack = extendPolicyPack(specialEquipmentPack, {
      id: 'special-equipment-harbin',
      seasons: [{ id: 'heating-season', windows: [{ from: '10-20', to: '04-20' }] }],
      overrides: [
        {
          id: 'childrens-hospital',
          match: { sites: ['site-childrens-hospital'] },
          patch: { deadlines: { rectify: { general: { days: 5 } } } },
        },
      ],
    });
    const boiler = (local: string) =>
      effectiveDeadline(harbinPack, 'rectify', { category: 'boiler', severity: 'general', at: at(local) });
    expect(boiler('2025-10-25T10:00:00')).toEqual({ days: 8 });
    expect(boiler('2025-10-25T10:00:00')).not.toEqual(
      effectiveDeadline(pack, 'rectify', { category: 'boiler', severity: 'general', at: at('2025-10-25T10:00:00') }),
    );
    const hospital = resolvePolicy(harbinPack, { site: { id: 'site-childrens-hospital', territory: 'street-east' } });
    expect(hospital.appliedOverrides).toEqual(['childrens-hospital']);
    expect(hospital.deadlines.rectify.general).toEqual({ days: 5 });
  });
});
