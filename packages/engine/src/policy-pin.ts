import { type PolicyPack, policyHash } from '@hazardflow/core';
import type { CaseRecord } from './case-view';
import type { HazardModel } from './pack-registry';
import type { CommandResult } from './result';
import { failure } from './result';

/**
 * `policyHash` of an effective policy, remembered per policy object: the model hands out one
 * object per pack and set of applied overrides, so each is hashed once per engine.
 */
const hashes = new WeakMap<object, string>();

/** The content hash of `policy` (pack content plus applied overrides), computed once per object. */
export function hashOfPolicy(policy: PolicyPack): string {
  let hash = hashes.get(policy);
  if (hash === undefined) {
    hash = policyHash(policy);
    hashes.set(policy, hash);
  }
  return hash;
}

/** The pinned hash of a case against the one its registered pack now resolves to. */
export interface PolicyMismatch {
  caseId: string;
  pack: string;
  expectedHash: string;
  foundHash: string;
}

/**
 * Whether the case's registered pack still has the content the case was pinned to. A case
 * stored before pinning existed has no hash: unknown, accepted (docs/versioning.md).
 */
export function checkPolicyPin(record: CaseRecord, model: HazardModel, site: unknown): PolicyMismatch | null {
  const expected = record.view.policyHash;
  if (expected === undefined) return null;
  const found = hashOfPolicy(model.policyForSite(site as never));
  if (found === expected) return null;
  return {
    caseId: record.view.id,
    pack: `${record.view.packId}@${record.view.packVersion}`,
    expectedHash: expected,
    foundHash: found,
  };
}

/** The POLICY_CHANGED refusal of a command on a case whose pinned policy no longer matches. */
export function policyChangedFailure(mismatch: PolicyMismatch): CommandResult {
  return failure('POLICY_CHANGED', policyChangedMessage(mismatch), { path: 'packVersion', details: { ...mismatch } });
}

export function policyChangedMessage(m: PolicyMismatch): string {
  return `case ${m.caseId} is pinned to policy ${short(m.expectedHash)} of ${m.pack}, but ${m.pack} is now registered with policy ${short(m.foundHash)}; register the pack content the case ran on, or publish the change as a new version and migrate`;
}

function short(hash: string): string {
  return hash.slice(0, 12);
}
