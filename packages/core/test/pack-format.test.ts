import { formatIssuePath, formatPolicyPackIssues, type PolicyPackIssue, validatePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { withChanges } from './fixtures/set-path';

describe('formatPolicyPackIssues', () => {
  it('prints one line per issue, the pack itself as (pack)', () => {
    const issues: PolicyPackIssue[] = [
      { path: '', code: 'invalid_type', message: 'must be an object, got a list' },
      {
        path: 'escalation.ladder[2].after',
        code: 'ladder_order',
        message: 'must come after level 2 (3 working days), but is 2 days',
      },
      { path: 'overrides[0].patch.__proto__', code: 'dangerous_key', message: '"__proto__" is not allowed as a key' },
    ];
    expect(formatPolicyPackIssues(issues)).toMatchInlineSnapshot(`
      "- (pack): must be an object, got a list
      - escalation.ladder[2].after: must come after level 2 (3 working days), but is 2 days
      - overrides[0].patch.__proto__: "__proto__" is not allowed as a key"
    `);
  });

  it('prints what validation found, in the order found', () => {
    const result = validatePolicyPack(
      withChanges(referencePack, {
        'deadlines.notice': 3,
        'categories[1].defaultSeverity': 'majr',
        'escalation.ladder[0].notify': ['grid_worker'],
      }),
    );
    expect(result.success ? '' : formatPolicyPackIssues(result.issues)).toMatchInlineSnapshot(`
      "- categories[1].defaultSeverity: must be one of "general" or "major", got "majr" (did you mean "major"?)
      - deadlines.notice: must be a duration such as { days: 3 }, { workingDays: 3 } or { hours: 3 }, not a bare number"
    `);
  });

  it('cuts a long list short and says how many are left out', () => {
    const issues = Array.from(
      { length: 5 },
      (_, i): PolicyPackIssue => ({
        path: `categories[${i}].id`,
        code: 'duplicate_id',
        message: '"x" is already used by categories[0]',
      }),
    );
    expect(formatPolicyPackIssues(issues, { max: 3 })).toMatchInlineSnapshot(`
      "- categories[0].id: "x" is already used by categories[0]
      - categories[1].id: "x" is already used by categories[0]
      - categories[2].id: "x" is already used by categories[0]
      … and 2 more problems"
    `);
    expect(formatPolicyPackIssues(issues.slice(0, 4), { max: 3 }).endsWith('… and 1 more problem')).toBe(true);
    expect(formatPolicyPackIssues([])).toBe('');
  });

  it('reports a whole-pack problem at the empty path', () => {
    const result = validatePolicyPack([referencePack]);
    expect(result.success ? '' : formatPolicyPackIssues(result.issues)).toBe('- (pack): must be an object, got a list');
  });
});

describe('formatIssuePath', () => {
  it('writes paths the way TypeScript reads them', () => {
    expect(formatIssuePath([])).toBe('');
    expect(formatIssuePath(['escalation', 'ladder', 2, 'after'])).toBe('escalation.ladder[2].after');
    expect(formatIssuePath(['permissions', 'VERIFY', 0])).toBe('permissions.VERIFY[0]');
    expect(formatIssuePath(['match', 'siteAttributes', 'floor area'])).toBe('match.siteAttributes["floor area"]');
    expect(formatIssuePath([0, 'id'])).toBe('[0].id');
  });
});
