import {
  checkReportCategory,
  classify,
  definePolicyPack,
  effectiveDeadline,
  type PolicyPackInput,
  validatePolicyPack,
} from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { withChanges } from './fixtures/set-path';

/** The reference pack with a rule per standard edition and dated deadlines. */
const dated = withChanges(referencePack, {
  'severityRules[0].validTo': '2025-10-31',
  'severityRules[2]': {
    ...referencePack.severityRules[0],
    id: 'gb35181_2025_composite',
    source: 'GB 35181-2025 composite assessment',
    thresholds: [{ placeTypes: [], atLeast: 2 }],
    validFrom: '2025-11-01',
  },
  datedDeadlines: [
    { id: 'district-2026', validFrom: '2026-01-01', deadlines: { rectify: { general: { days: 10 } } } },
    {
      id: 'exits-2026',
      validFrom: '2026-01-01',
      categories: ['exits_blocked'],
      deadlines: { rectify: { general: { days: 1 } }, triage: { hours: 12 } },
    },
  ],
  'categories[1].validTo': '2025-12-31',
}) as PolicyPackInput;
const pack = definePolicyPack(dated);

function issuesOf(changes: Record<string, unknown>): string[] {
  const result = validatePolicyPack(withChanges(dated, changes));
  return result.success ? [] : result.issues.map((issue) => `${issue.path} [${issue.code}]: ${issue.message}`);
}

describe('validity windows in the pack schema', () => {
  it('accepts rules, dated deadlines and categories with windows', () => {
    expect(pack.severityRules.map((rule) => [rule.id, rule.validFrom, rule.validTo])).toEqual([
      ['gb35181_composite', undefined, '2025-10-31'],
      ['ebike_highrise', undefined, undefined],
      ['gb35181_2025_composite', '2025-11-01', undefined],
    ]);
  });

  it('refuses malformed and impossible dates, naming the field and the rule', () => {
    expect(issuesOf({ 'severityRules[0].validTo': '2025-10-32' })).toEqual([
      'severityRules[0].validTo [invalid_date]: rule "gb35181_composite": "2025-10-32" is not a date on the calendar',
    ]);
    expect(issuesOf({ 'categories[0].validFrom': '1.11.2025' })).toEqual([
      'categories[0].validFrom [invalid_format]: must be a local date YYYY-MM-DD, got "1.11.2025"',
    ]);
  });

  it('refuses a window that ends before it starts', () => {
    expect(issuesOf({ 'datedDeadlines[0].validTo': '2025-12-31' })).toEqual([
      'datedDeadlines[0].validTo [invalid_date]: dated deadlines "district-2026": must not be before validFrom (2026-01-01), got 2025-12-31; the rule would never be in force',
    ]);
  });

  it('refuses two dated deadlines that set one step of one category on the same day', () => {
    const clash = { id: 'amended', validFrom: '2026-06-01', deadlines: { rectify: { general: { days: 5 } } } };
    expect(issuesOf({ 'datedDeadlines[2]': clash })).toEqual([
      'datedDeadlines[2] [overlapping_validity]: dated deadlines "amended" (from 2026-06-01) and datedDeadlines[0] "district-2026" (from 2026-01-01) both set rectify.general for every category on the same days; end one before the other starts, or name different categories',
    ]);
    // Ending the first the day before the second starts is the fix.
    expect(issuesOf({ 'datedDeadlines[2]': clash, 'datedDeadlines[0].validTo': '2026-05-31' })).toEqual([]);
    // One for every category and one naming a category do not clash: the named one wins.
    expect(issuesOf({ 'datedDeadlines[2]': { ...clash, categories: ['ebike_corridor'] } })).toEqual([]);
    // Neither do two that set different steps.
    expect(issuesOf({ 'datedDeadlines[2]': { ...clash, deadlines: { verify: { days: 2 } } } })).toEqual([]);
  });

  it('refuses dated deadlines naming unknown categories or setting nothing', () => {
    expect(issuesOf({ 'datedDeadlines[1].categories': ['exit_blocked'], 'datedDeadlines[0].deadlines': {} })).toEqual([
      'datedDeadlines[0].deadlines [no_effect]: changes nothing: set at least one step',
      'datedDeadlines[1].categories[0] [unknown_category]: unknown category "exit_blocked"; did you mean "exits_blocked"?',
    ]);
  });
});

describe('the rules in force on the report date', () => {
  const findings = { exits_insufficient: true, emergency_lighting_failed: true };
  const grade = (reportedAt: string, at = '2025-11-20T02:00:00Z') =>
    classify(pack, { category: 'exits_blocked', placeType: 'shop', findings, at, reportedAt });

  it('grades by the edition in force on the local date of the report, whenever it is triaged', () => {
    // 23:30 on 31 October in Shanghai is still October: the old rule (4 elements) does not fire.
    expect(grade('2025-10-31T15:30:00Z')).toMatchObject({ severity: 'general', reasons: [] });
    // 00:30 on 1 November in Shanghai: the new rule (2 elements) does, and says so.
    expect(grade('2025-10-31T16:30:00Z')).toMatchObject({
      severity: 'major',
      reasons: [{ ruleId: 'gb35181_2025_composite', source: 'GB 35181-2025 composite assessment' }],
    });
  });

  it('uses `at` when no report date is given, and the rules with no end when neither is', () => {
    const atOnly = classify(pack, {
      category: 'exits_blocked',
      placeType: 'shop',
      findings,
      at: '2025-10-01T02:00:00Z',
    });
    expect(atOnly.severity).toBe('general');
    const undated = classify(pack, { category: 'exits_blocked', placeType: 'shop', findings });
    expect(undated.reasons.map((reason) => reason.ruleId)).toEqual(['gb35181_2025_composite']);
  });

  it('chooses dated deadlines by the report date: category-specific, then the category, then every category', () => {
    const deadline = (category: string, reportedAt: string, step: 'rectify' | 'triage' = 'rectify') =>
      effectiveDeadline(pack, step, { category, severity: 'general', at: '2026-06-10T02:00:00Z', reportedAt });
    expect(deadline('exits_blocked', '2025-12-31T02:00:00Z')).toEqual({ days: 3 }); // the category's own
    expect(deadline('exits_blocked', '2026-01-02T02:00:00Z')).toEqual({ days: 1 }); // dated, naming it
    expect(deadline('exits_blocked', '2026-01-02T02:00:00Z', 'triage')).toEqual({ hours: 12 });
    expect(deadline('three_in_one', '2025-12-31T02:00:00Z')).toEqual({ days: 15 }); // the pack's
    expect(deadline('three_in_one', '2026-01-02T02:00:00Z')).toEqual({ days: 10 }); // dated, every category
    // A step that starts in 2026 for a case reported in 2025 keeps the 2025 limit.
    expect(
      effectiveDeadline(pack, 'rectify', {
        category: 'three_in_one',
        severity: 'general',
        at: '2026-06-01T02:00:00Z',
        reportedAt: '2025-12-30T02:00:00Z',
      }),
    ).toEqual({ days: 15 });
  });
});

describe('checkReportCategory', () => {
  it('lets a category in force be reported and refuses one past its validTo with a typed issue', () => {
    expect(checkReportCategory(pack, 'ebike_corridor', '2025-12-31T15:59:00Z')).toEqual([]);
    expect(checkReportCategory(pack, 'ebike_corridor', '2025-12-31T16:00:00Z')).toEqual([
      {
        path: 'category',
        code: 'category_not_in_force',
        message:
          'category "ebike_corridor" is in force until 2025-12-31, not on 2026-01-01 (Asia/Shanghai); cases already reported keep it, new reports need another category',
      },
    ]);
    expect(checkReportCategory(pack, 'exit_blocked', '2026-01-01T00:00:00Z')).toMatchObject([
      {
        path: 'category',
        code: 'unknown_category',
        message: 'unknown category "exit_blocked"; did you mean "exits_blocked"?',
      },
    ]);
  });

  it('still classifies a running case whose category has ended', () => {
    expect(classify(pack, { category: 'ebike_corridor', at: '2026-05-01T00:00:00Z' }).severity).toBe('general');
  });
});
