import { checkReportSite, definePolicyPack, knownFindingKeys, validatePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';

const pack = definePolicyPack(referencePack);
const report = (category: string, placeType: string | undefined, findings: Record<string, boolean | number> = {}) => ({
  category,
  site: placeType === undefined ? {} : { placeType },
  findings,
});

describe('checkReportSite', () => {
  it('passes a category at a place type it applies to, and one with no place types anywhere', () => {
    expect(checkReportSite(pack, report('ebike_corridor', 'residential'))).toEqual({ issues: [], warnings: [] });
    expect(checkReportSite(pack, report('exits_blocked', 'shop'))).toEqual({ issues: [], warnings: [] });
    expect(checkReportSite(pack, report('exits_blocked', undefined))).toEqual({ issues: [], warnings: [] });
  });

  it('refuses an unknown place type with a "did you mean" hint, or the list when nothing is close', () => {
    expect(checkReportSite(pack, report('exits_blocked', 'workshp')).issues).toEqual([
      {
        path: 'site.placeType',
        code: 'unknown_place_type',
        message: 'unknown place type "workshp"; did you mean "workshop"?',
      },
    ]);
    expect(checkReportSite(pack, report('exits_blocked', 'zzz')).issues).toEqual([
      {
        path: 'site.placeType',
        code: 'unknown_place_type',
        message: 'unknown place type "zzz"; the pack has public_assembly, residential, workshop, shop',
      },
    ]);
  });

  it('refuses a category at a place type it does not apply to, by default', () => {
    expect(checkReportSite(pack, report('ebike_corridor', 'shop'))).toEqual({
      issues: [
        {
          path: 'site.placeType',
          code: 'place_type_not_applicable',
          message: 'category "ebike_corridor" applies to residential, not to place type "shop"',
        },
      ],
      warnings: [],
    });
  });

  it('checks findings keys only when the pack sets findingKeys; rule-read keys are known', () => {
    const findings = { exits_insufficient: true, ebikes_charging: 4, chained: true, exits_insuficient: true };
    expect(checkReportSite(pack, report('exits_blocked', 'shop', findings)).issues).toEqual([]);
    const keyed = { ...pack, findingKeys: ['chained'] };
    expect([...knownFindingKeys(keyed)].sort()).toEqual([
      'alarm_system_failed',
      'chained',
      'combustible_decoration',
      'ebikes_charging',
      'emergency_lighting_failed',
      'evacuation_distance_exceeded',
      'exits_insufficient',
      'sprinklers_failed',
    ]);
    expect(checkReportSite(keyed, report('exits_blocked', 'shop', findings)).issues).toEqual([
      {
        path: 'findings.exits_insuficient',
        code: 'unknown_finding',
        message: 'unknown finding "exits_insuficient"; did you mean "exits_insufficient"?',
      },
    ]);
  });

  it("returns the soft problems as warnings under reportChecks: 'warn'; an unknown place type stays refused", () => {
    const warn = { ...pack, reportChecks: 'warn' as const, findingKeys: [] };
    const soft = checkReportSite(warn, report('ebike_corridor', 'shop', { mystery: 1 }));
    expect(soft.issues).toEqual([]);
    expect(soft.warnings.map((w) => [w.path, w.code])).toEqual([
      ['site.placeType', 'place_type_not_applicable'],
      ['findings.mystery', 'unknown_finding'],
    ]);
    const typo = checkReportSite(warn, report('ebike_corridor', 'hospitel', { mystery: 1 }));
    expect(typo.issues.map((i) => i.code)).toEqual(['unknown_place_type']);
    expect(typo.warnings.map((w) => w.code)).toEqual(['unknown_finding']);
  });

  it('the pack fields validate: reportChecks is refuse or warn, findingKeys are unique names', () => {
    const bad = validatePolicyPack({ ...referencePack, reportChecks: 'ignore', findingKeys: ['a', 'a', 'b c'] });
    expect(bad.success).toBe(false);
    if (bad.success) return;
    expect(bad.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'reportChecks invalid_value',
      'findingKeys[2] invalid_format',
    ]);
    const duplicate = validatePolicyPack({ ...referencePack, findingKeys: ['a', 'a'] });
    expect(duplicate.success ? [] : duplicate.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'findingKeys[1] duplicate_value',
    ]);
    expect(validatePolicyPack({ ...referencePack, reportChecks: 'warn', findingKeys: ['chained'] }).success).toBe(true);
  });
});
