import { definePolicyPack, LIFECYCLE_STATES, type PolicyPackInput, validatePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { withChanges } from './fixtures/set-path';

const v110 = withChanges(referencePack, {
  version: '1.1.0',
  migrations: [
    {
      from: '1.0.x',
      categories: { exits: 'exits_blocked' },
      states: { noticeIssued: 'rectifying' },
      description: 'exits was renamed; acknowledgement was dropped',
    },
  ],
}) as PolicyPackInput;

function issuesOf(changes: Record<string, unknown>): string[] {
  const result = validatePolicyPack(withChanges(v110, changes));
  return result.success ? [] : result.issues.map((issue) => `${issue.path} [${issue.code}]: ${issue.message}`);
}

describe('a pack version’s migration map', () => {
  it('is kept with its defaults filled in', () => {
    expect(definePolicyPack(v110).migrations).toEqual([
      {
        from: '1.0.x',
        categories: { exits: 'exits_blocked' },
        states: { noticeIssued: 'rectifying' },
        description: 'exits was renamed; acknowledgement was dropped',
      },
    ]);
    expect(definePolicyPack(referencePack).migrations).toEqual([]);
    expect(LIFECYCLE_STATES).toContain('noticeIssued');
  });

  it('refuses a rename onto a category this version does not declare, naming the old id', () => {
    expect(issuesOf({ 'migrations[0].categories': { exits: 'exit_blocked' } })).toEqual([
      'migrations[0].categories.exits [unknown_category]: renames "exits" to unknown category "exit_blocked"; did you mean "exits_blocked"?',
    ]);
  });

  it('refuses states that are not lifecycle states, on either side', () => {
    expect(issuesOf({ 'migrations[0].states': { noticeIssued: 'fixing', acknowledged: 'rectifying' } })).toEqual([
      'migrations[0].states.noticeIssued [unknown_state]: moves cases into "fixing", which is not a lifecycle state; the states are reported, triaged, noticeIssued, rectifying, planPending, supervised, verifying, closed, dismissed, transferred',
      'migrations[0].states.acknowledged [unknown_state]: moves cases out of "acknowledged", which is not a lifecycle state; the states are reported, triaged, noticeIssued, rectifying, planPending, supervised, verifying, closed, dismissed, transferred',
    ]);
  });

  it('refuses a `from` that is no version or range, or that includes this version', () => {
    expect(issuesOf({ 'migrations[0].from': 'one' })).toEqual([
      'migrations[0].from [invalid_version_range]: "one" is neither a version (1.0.0) nor a semver range (>=1.0.0 <1.1.0)',
    ]);
    expect(issuesOf({ 'migrations[0].from': '>=1.0.0' })).toEqual([
      'migrations[0].from [inconsistent]: ">=1.0.0" includes this version (1.1.0); a migration comes from older versions',
    ]);
    expect(issuesOf({ 'migrations[0].from': '1.0.0' })).toEqual([]);
  });

  it('refuses a category id that is not an id, and unknown fields', () => {
    expect(issuesOf({ 'migrations[0].categories': { exits: 'Exits Blocked' }, 'migrations[0].steps': {} })).toEqual([
      'migrations[0].categories.exits [invalid_format]: must be lower-case letters, digits, "-" or "_", starting with a letter, got "Exits Blocked"',
      'migrations[0].steps [unknown_field]: unknown field; expected one of from, categories, states, description',
    ]);
  });
});
