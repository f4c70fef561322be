import { type AuditEntry, verifyAuditChain } from './audit-chain';
import type { CaseView } from './case-view';

/** The verdict on a case's audit trail: its hash chain, and its length against the case. */
export type TrailVerification =
  | { readonly ok: true; readonly length: number }
  | {
      readonly ok: false;
      /** The first entry that is wrong or missing. */
      readonly brokenAt: number;
      readonly reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'truncated' | 'case_missing';
      readonly message: string;
    };

/**
 * `verifyAuditChain`, plus what the chain alone cannot see. A hash chain proves every entry
 * follows the one before it, so removing the *last* entries leaves a valid (shorter) chain;
 * but the engine writes exactly one entry per change of the case, so a case at version n must
 * have n entries. The case row is checked against its trail, and a trail without its case is
 * reported too.
 */
export function verifyCaseTrail(entries: readonly AuditEntry[], view: CaseView | undefined): TrailVerification {
  const chain = verifyAuditChain(entries);
  if (!chain.ok) return chain;
  if (view === undefined) {
    return {
      ok: false,
      brokenAt: 1,
      reason: 'case_missing',
      message: `the case record is missing while ${count(entries.length)} of its trail remain`,
    };
  }
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
  return chain;
}

function count(n: number): string {
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}
