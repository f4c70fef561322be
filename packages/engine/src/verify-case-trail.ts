import { type AuditEntry, type VerifyChainOptions, verifyAuditChain } from './audit-chain';
import type { AuditHasher } from './audit-hasher';
import type { CaseRecord } from './case-view';
import type { StoredSnapshot } from './commit-pipeline';
import { stateHashOf } from './state-hash';

/** The verdict on a case's audit trail: its hash chain, against the case record it produced. */
export type TrailVerification =
  | {
      readonly ok: true;
      readonly length: number;
      /**
       * Present (true) when part of the proof is missing because the trail predates it: a chain
       * from the all-zero genesis (not bound to its case) or a head without `stateHash` (the
       * record is not compared with it). Never reported for a trail the engine writes today.
       */
      readonly legacy?: true;
    }
  | {
      readonly ok: false;
      /** The first entry that is wrong or missing. */
      readonly brokenAt: number;
      readonly reason:
        | 'hash_mismatch'
        | 'prev_hash_mismatch'
        | 'sequence_gap'
        | 'case_mismatch'
        | 'truncated'
        | 'case_missing'
        | 'head_mismatch'
        | 'state_mismatch';
      readonly message: string;
    };

export interface VerifyTrailOptions {
  /** The hasher the trail was written with (see the engine's `audit.key`). */
  hasher?: AuditHasher;
}

/**
 * `verifyAuditChain` for the case `caseId`, plus what the chain alone cannot see: the engine
 * writes exactly one entry per version, so a case at version n must have n entries; the
 * snapshot stores the head (seq and hash) it was committed with, so entries cut from the end
 * together with a decremented version are found; and the head entry's `stateHash` must match
 * the stored view and snapshot, so either edited alone is found. A trail without its case is
 * reported too.
 */
export function verifyCaseTrail(
  caseId: string,
  entries: readonly AuditEntry[],
  record: CaseRecord | undefined,
  options: VerifyTrailOptions = {},
): TrailVerification {
  const chainOptions: VerifyChainOptions = { caseId, ...(options.hasher ? { hasher: options.hasher } : {}) };
  const chain = verifyAuditChain(entries, chainOptions);
  if (!chain.ok) return chain;
  if (record === undefined) {
    return {
      ok: false,
      brokenAt: 1,
      reason: 'case_missing',
      message: `the case record is missing while ${count(entries.length)} of its trail remain`,
    };
  }
  const view = record.view;
  if (entries.length < view.version) {
    const missing = view.version - entries.length;
    return {
      ok: false,
      brokenAt: entries.length + 1,
      reason: 'truncated',
      message: `the case is at version ${view.version} but its trail ends at entry ${entries.length}: ${missing === 1 ? 'the last entry was' : `the last ${missing} entries were`} removed`,
    };
  }
  if (entries.length > view.version) {
    return {
      ok: false,
      brokenAt: view.version + 1,
      reason: 'truncated',
      message: `the trail has ${count(entries.length)} but the case is at version ${view.version}`,
    };
  }
  const head = entries.at(-1);
  const snapshot = record.snapshot as Partial<StoredSnapshot> | null;
  if (head && (snapshot?.audit?.seq !== head.seq || snapshot.audit.hash !== head.hash)) {
    return {
      ok: false,
      brokenAt: head.seq,
      reason: 'head_mismatch',
      message: `the case snapshot records audit head ${snapshot?.audit ? `${snapshot.audit.seq} ${snapshot.audit.hash}` : '(none)'} but the trail ends at entry ${head.seq} ${head.hash}: entries were removed or replaced`,
    };
  }
  if (head?.stateHash !== undefined && stateHashOf(view, snapshot as StoredSnapshot) !== head.stateHash) {
    return {
      ok: false,
      brokenAt: head.seq,
      reason: 'state_mismatch',
      message: `the stored case view or snapshot is not the state entry ${head.seq} produced: it was edited after it was written`,
    };
  }
  const legacy = chain.legacy === true || (head !== undefined && head.stateHash === undefined);
  return legacy ? { ok: true, length: chain.length, legacy: true } : { ok: true, length: chain.length };
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}
