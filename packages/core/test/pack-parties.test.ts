import { policyHash, roleLabel, validatePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';

const maintenance = { label: { zh: '维保单位', en: 'Maintenance unit' } };

function issuesOf(input: unknown): string[] {
  const result = validatePolicyPack(input);
  return result.success ? [] : result.issues.map((issue) => `${issue.path} [${issue.code}]: ${issue.message}`);
}

describe('parties declared by a pack', () => {
  it('are usable in notify, permissions and evidence rules', () => {
    const pack = {
      ...referencePack,
      parties: { 'maintenance-unit': maintenance },
      permissions: { ADD_EVIDENCE: ['responsible', 'regulator', 'maintenance-unit'] },
      evidence: { rectification: [{ kind: 'repair-record', roles: ['maintenance-unit'] }] },
    };
    expect(issuesOf(pack)).toEqual([]);
  });

  it('refuses an undeclared party wherever a role is named, with a "did you mean"', () => {
    const pack = {
      ...referencePack,
      parties: { 'maintenance-unit': maintenance },
      permissions: { COMMENT: ['regulator', 'maintenance-unt'] },
      evidence: { rectification: [{ kind: 'repair-record', roles: ['inspection-body'] }] },
    };
    const issues = issuesOf(pack);
    expect(issues).toContainEqual(
      'permissions.COMMENT[1] [unknown_role]: unknown role "maintenance-unt": not a built-in role nor a party the pack declares in "parties"; did you mean "maintenance-unit"?',
    );
    expect(issues.some((i) => i.startsWith('evidence.rectification[0].roles[0] [unknown_role]'))).toBe(true);
  });

  it('refuses a party named like a built-in role, and a malformed id', () => {
    expect(issuesOf({ ...referencePack, parties: { regulator: maintenance } })).toEqual([
      'parties.regulator [reserved_role]: "regulator" is a built-in role (reporter, responsible, territory, regulator, command, system); give the party another id',
    ]);
    expect(issuesOf({ ...referencePack, parties: { 'Maintenance Unit': maintenance } }).length).toBeGreaterThan(0);
  });

  it('leave the hash of a pack without parties as it was (the field is optional)', () => {
    const before = validatePolicyPack(referencePack);
    const again = validatePolicyPack({ ...referencePack, parties: undefined });
    expect(before.success && again.success && policyHash(before.pack) === policyHash(again.pack)).toBe(true);
    expect(before.success && 'parties' in before.pack).toBe(false);
  });

  it('show a party by its pack label, a built-in role by the vocabulary', () => {
    const pack = { parties: { 'maintenance-unit': maintenance } };
    expect(roleLabel('maintenance-unit', pack)).toBe('维保单位');
    expect(roleLabel('maintenance-unit', pack, 'en')).toBe('Maintenance unit');
    expect(roleLabel('regulator', pack, 'en')).toBe('Regulator');
    expect(roleLabel('unknown-body')).toBe('unknown-body');
  });
});
