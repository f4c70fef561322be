import { activeSeasons, classify, definePolicyPack, effectiveDeadline, resolvePolicy } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';

const pack = definePolicyPack(referencePack);

/** Composite elements of the reference pack's GB 35181 rule, `n` of them present. */
function elements(n: number): Record<string, boolean> {
  const all = referencePack.severityRules[0]?.kind === 'composite' ? referencePack.severityRules[0].elements : [];
  return Object.fromEntries(all.map((element, i) => [element, i < n]));
}

describe('classify', () => {
  it('takes the category default as the base and gives no reason for a plain general hazard', () => {
    expect(classify(pack, { category: 'exits_blocked' })).toEqual({
      severity: 'general',
      imminentDanger: false,
      reasons: [],
    });
  });

  it('explains a category that is major by default', () => {
    expect(classify(pack, { category: 'three_in_one' })).toEqual({
      severity: 'major',
      imminentDanger: true,
      reasons: [
        {
          ruleId: 'category:three_in_one',
          source: 'GB 35181-2025 《重大火灾隐患判定规则》',
          text: '"Three-in-one" premises (living mixed with production, storage or trade) is major with imminent danger by default',
        },
      ],
    });
  });

  it('fires a threshold rule when every condition holds, showing the values', () => {
    const result = classify(pack, {
      category: 'ebike_corridor',
      findings: { ebikes_charging: 4 },
      site: { attributes: { storeys: 18 } },
    });
    expect(result).toEqual({
      severity: 'major',
      imminentDanger: true,
      reasons: [
        {
          ruleId: 'ebike_highrise',
          source: 'District notice on e-bikes in high-rise buildings [illustrative]',
          text: 'E-bikes charging in a high-rise: findings.ebikes_charging is 4 (≥ 3), site.storeys is 18 (≥ 10)',
        },
      ],
    });
  });

  it('does not fire a threshold rule when a condition fails or its value is missing or of another type', () => {
    const base = { category: 'ebike_corridor', findings: { ebikes_charging: 4 } };
    expect(classify(pack, { ...base, site: { attributes: { storeys: 6 } } }).severity).toBe('general');
    expect(classify(pack, base).severity).toBe('general');
    expect(classify(pack, { ...base, site: { attributes: { storeys: '18' } } }).severity).toBe('general');
  });

  it('applies a rule only to its categories', () => {
    const report = {
      category: 'exits_blocked',
      findings: { ebikes_charging: 9 },
      site: { attributes: { storeys: 30 } },
    };
    expect(classify(pack, report).severity).toBe('general');
  });

  it('counts composite elements against the threshold for the place type', () => {
    const assembly = classify(pack, { category: 'exits_blocked', placeType: 'public_assembly', findings: elements(3) });
    expect(assembly.severity).toBe('major');
    expect(assembly.imminentDanger).toBe(false);
    expect(assembly.reasons).toEqual([
      {
        ruleId: 'gb35181_composite',
        source: 'GB 35181-2025 《重大火灾隐患判定规则》 composite assessment (综合判定)',
        text:
          'GB 35181 composite elements: 3 of the composite elements present ' +
          '(exits_insufficient, evacuation_distance_exceeded, emergency_lighting_failed); 3 needed for public_assembly',
      },
    ]);
  });

  it('uses the threshold for any other place type when none names the report’s, or none is given', () => {
    expect(classify(pack, { category: 'exits_blocked', placeType: 'workshop', findings: elements(3) }).severity).toBe(
      'general',
    );
    const workshop = classify(pack, { category: 'exits_blocked', placeType: 'workshop', findings: elements(4) });
    expect(workshop.severity).toBe('major');
    expect(workshop.reasons[0]?.text).toMatch(/; 4 needed for any other place type$/);
    expect(classify(pack, { category: 'exits_blocked', findings: elements(4) }).severity).toBe('major');
    expect(classify(pack, { category: 'exits_blocked', findings: elements(3) }).severity).toBe('general');
  });

  it('reads the place type from the site when the report gives it there', () => {
    const report = { category: 'exits_blocked', site: { placeType: 'public_assembly' }, findings: elements(3) };
    expect(classify(pack, report).severity).toBe('major');
  });

  it('counts only truthy findings, and only own properties', () => {
    const findings = {
      exits_insufficient: 1,
      evacuation_distance_exceeded: 'yes',
      emergency_lighting_failed: 0,
      alarm_system_failed: '',
      sprinklers_failed: false,
    };
    const report = { category: 'exits_blocked', placeType: 'public_assembly', findings };
    expect(classify(pack, report).severity).toBe('general');
    const withConstructor = definePolicyPack({
      ...referencePack,
      severityRules: [
        {
          id: 'odd',
          kind: 'conditions',
          source: 'test',
          all: [{ field: 'findings.constructor', op: 'truthy' }],
          outcome: { severity: 'major' },
        },
      ],
    });
    expect(classify(withConstructor, { category: 'exits_blocked', findings: {} }).severity).toBe('general');
    expect(classify(withConstructor, { category: 'exits_blocked', findings: { constructor: true } }).severity).toBe(
      'major',
    );
  });

  it('supports every comparison operator', () => {
    const make = (op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'truthy', value?: unknown) =>
      definePolicyPack({
        ...referencePack,
        severityRules: [
          {
            id: 'rule',
            kind: 'conditions',
            source: 'test',
            all: [{ field: 'site.x', op, ...(value === undefined ? {} : { value: value as number }) }],
            outcome: { imminentDanger: true },
          },
        ],
      });
    const fires = (policy: ReturnType<typeof make>, x: string | number | boolean) =>
      classify(policy, { category: 'exits_blocked', site: { attributes: { x } } }).imminentDanger;
    expect([fires(make('eq', 2), 2), fires(make('eq', 2), 3)]).toEqual([true, false]);
    expect([fires(make('ne', 2), 3), fires(make('ne', 2), 2)]).toEqual([true, false]);
    expect([fires(make('gt', 2), 3), fires(make('gt', 2), 2)]).toEqual([true, false]);
    expect([fires(make('gte', 2), 2), fires(make('gte', 2), 1)]).toEqual([true, false]);
    expect([fires(make('lt', 2), 1), fires(make('lt', 2), 2)]).toEqual([true, false]);
    expect([fires(make('lte', 2), 2), fires(make('lte', 2), 3)]).toEqual([true, false]);
    expect([fires(make('in', ['a', 'b']), 'b'), fires(make('in', ['a', 'b']), 'c')]).toEqual([true, false]);
    expect([fires(make('truthy'), true), fires(make('truthy'), false)]).toEqual([true, false]);
    const reason = classify(make('in', ['a', 'b']), { category: 'exits_blocked', site: { attributes: { x: 'b' } } });
    expect(reason.reasons[0]?.text).toBe('rule: site.x is "b" (one of "a", "b")');
  });

  it('never lowers a category default', () => {
    const result = classify(pack, { category: 'three_in_one', placeType: 'workshop', findings: elements(0) });
    expect(result.severity).toBe('major');
    expect(result.imminentDanger).toBe(true);
  });

  it('raises severity in a season window, in the pack’s time zone', () => {
    const report = { category: 'ebike_corridor' };
    // 2026-02-10 00:30 in Shanghai is still 2026-02-09 in UTC.
    const inside = classify(pack, { ...report, at: '2026-02-09T16:30:00Z' });
    expect(inside.severity).toBe('major');
    expect(inside.imminentDanger).toBe(false);
    expect(inside.reasons).toEqual([
      {
        ruleId: 'season:spring_festival',
        source: 'District notice for the Spring Festival period [illustrative]',
        text: 'Spring Festival (2026-02-10 to 2026-03-03): general hazards of this category are graded major',
      },
    ]);
    expect(classify(pack, { ...report, at: '2026-02-09T15:30:00Z' }).severity).toBe('general');
    expect(classify(pack, { ...report, at: '2026-03-03T15:59:00Z' }).severity).toBe('major');
    expect(classify(pack, { ...report, at: '2026-03-03T16:00:00Z' }).severity).toBe('general');
    expect(classify(pack, { ...report, at: '2027-02-01T00:00:00+08:00' }).severity).toBe('major');
    expect(classify(pack, report).severity).toBe('general');
    expect(classify(pack, { category: 'exits_blocked', at: '2026-02-15T00:00:00Z' }).severity).toBe('general');
  });

  it('accepts an effective policy, whose overrides have been applied', () => {
    const effective = resolvePolicy(pack, { site: { id: 'h1', attributes: { use: 'hospital' } } });
    expect(classify(effective, { category: 'three_in_one' }).severity).toBe('major');
  });

  it('refuses an unknown category and a malformed instant', () => {
    expect(() => classify(pack, { category: 'gas_leak' })).toThrow(
      'unknown category "gas_leak"; the pack has exits_blocked, ebike_corridor, three_in_one',
    );
    expect(() => classify(pack, { category: 'ebike_corridor', at: 'next Tuesday' })).toThrow(RangeError);
  });
});

describe('effectiveDeadline', () => {
  it('takes the category’s deadline before the pack’s, and rectify by severity', () => {
    expect(effectiveDeadline(pack, 'triage', { category: 'exits_blocked', severity: 'general' })).toEqual({
      hours: 24,
    });
    expect(effectiveDeadline(pack, 'triage', { category: 'ebike_corridor', severity: 'general' })).toEqual({
      workingDays: 3,
    });
    expect(effectiveDeadline(pack, 'rectify', { category: 'exits_blocked', severity: 'major' })).toEqual({ days: 15 });
    expect(effectiveDeadline(pack, 'rectify', { category: 'ebike_corridor', severity: 'major' })).toEqual({ days: 60 });
    expect(effectiveDeadline(pack, 'plan', { category: 'three_in_one', severity: 'major' })).toEqual({ days: 7 });
  });

  it('halves general rectification deadlines in autumn and winter, across the new year', () => {
    const general = { category: 'ebike_corridor', severity: 'general' } as const;
    expect(effectiveDeadline(pack, 'rectify', { ...general, at: '2026-06-01T00:00:00Z' })).toEqual({ days: 15 });
    expect(effectiveDeadline(pack, 'rectify', { ...general, at: '2025-12-31T12:00:00Z' })).toEqual({ days: 8 });
    expect(effectiveDeadline(pack, 'rectify', { ...general, at: '2026-01-01T12:00:00Z' })).toEqual({ days: 8 });
    // 2025-11-01 00:00 in Shanghai is 2025-10-31 16:00 UTC.
    expect(effectiveDeadline(pack, 'rectify', { ...general, at: '2025-10-31T16:00:00Z' })).toEqual({ days: 8 });
    expect(effectiveDeadline(pack, 'rectify', { ...general, at: '2025-10-31T15:59:59Z' })).toEqual({ days: 15 });
    expect(effectiveDeadline(pack, 'rectify', { ...general, at: '2026-03-31T15:59:59Z' })).toEqual({ days: 8 });
    expect(effectiveDeadline(pack, 'rectify', { ...general, at: '2026-03-31T16:00:00Z' })).toEqual({ days: 15 });
    expect(effectiveDeadline(pack, 'rectify', general)).toEqual({ days: 15 });
  });

  it('leaves major hazards and other steps alone in a season', () => {
    const at = '2026-01-10T00:00:00Z';
    expect(effectiveDeadline(pack, 'rectify', { category: 'ebike_corridor', severity: 'major', at })).toEqual({
      days: 60,
    });
    expect(effectiveDeadline(pack, 'notice', { category: 'ebike_corridor', severity: 'general', at })).toEqual({
      workingDays: 3,
    });
  });

  it('applies the smallest factor of overlapping seasons, never compounding them', () => {
    const twoSeasons = definePolicyPack({
      ...referencePack,
      seasons: [
        ...referencePack.seasons,
        {
          id: 'holiday',
          name: { zh: '节假日', en: 'Holiday' },
          windows: [{ from: '01-01', to: '01-03' }],
          deadlineFactor: 0.2,
        },
      ],
    });
    const general = { category: 'ebike_corridor', severity: 'general' } as const;
    expect(effectiveDeadline(twoSeasons, 'rectify', { ...general, at: '2026-01-02T00:00:00Z' })).toEqual({ days: 3 });
    expect(effectiveDeadline(twoSeasons, 'rectify', { ...general, at: '2026-01-10T00:00:00Z' })).toEqual({ days: 8 });
  });

  it('follows the overrides of an effective policy', () => {
    const hospital = resolvePolicy(pack, { site: { id: 'h1', attributes: { use: 'hospital' } } });
    const general = { category: 'ebike_corridor', severity: 'general' } as const;
    expect(effectiveDeadline(hospital, 'rectify', general)).toEqual({ days: 7 });
    expect(effectiveDeadline(hospital, 'rectify', { ...general, at: '2026-01-10T00:00:00Z' })).toEqual({ days: 4 });
  });

  it('refuses an unknown category', () => {
    expect(() => effectiveDeadline(pack, 'notice', { category: 'gas_leak', severity: 'general' })).toThrow(RangeError);
  });
});

describe('activeSeasons', () => {
  it('lists the seasons in force for a category at an instant', () => {
    expect(activeSeasons(pack, '2026-02-15T00:00:00Z', 'ebike_corridor').map((s) => s.id)).toEqual([
      'autumn_winter',
      'spring_festival',
    ]);
    expect(activeSeasons(pack, '2026-02-15T00:00:00Z', 'exits_blocked').map((s) => s.id)).toEqual(['autumn_winter']);
    expect(activeSeasons(pack, '2026-07-01T00:00:00Z', 'exits_blocked')).toEqual([]);
  });
});
