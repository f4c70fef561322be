import { hash } from 'node:crypto';
import type { Actor, Status } from '@hazardflow/core';
import { canonicalJson } from './canonical-json';

/** One entry of a case's tamper-evident history. */
export interface AuditEntry {
  caseId: string;
  seq: number;
  at: string;
  actor: Actor;
  command: string;
  commandId?: string;
  payload?: unknown;
  fromStatus: Status | null;
  toStatus: Status;
  reasons: string[];
  evidence: unknown[];
  firedTimer?: { timerId: string; dueAt: string; lateByMs: number };
  prevHash: string;
  hash: string;
}

export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);

/** sha256 over the RFC 8785 canonical JSON of everything but the hash itself. */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const canonical = canonicalJson(entry);
  if (canonical === undefined) throw new TypeError('audit entry is not JSON-serialisable');
  return hash('sha256', canonical, 'hex');
}

/** The next entry of a chain whose head is `previous` (only its `seq` and `hash` are read). */
export function appendAuditEntry(
  previous: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
  draft: AuditDraft,
): AuditEntry {
  const body = { ...draft, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...body, hash: hashAuditEntry(body) };
}

export type AuditVerification =
  | { ok: true; length: number }
  | { ok: false; brokenAt: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap'; message: string };

/** Recomputes the chain and names the first entry that was edited, removed or reordered. */
export function verifyAuditChain(entries: readonly AuditEntry[]): AuditVerification {
  let previousHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as AuditEntry;
    const expectedSeq = i + 1;
    if (entry.seq !== expectedSeq) {
      return {
        ok: false,
        brokenAt: expectedSeq,
        reason: 'sequence_gap',
        message: `entry ${expectedSeq} is missing (found seq ${entry.seq})`,
      };
    }
    if (entry.prevHash !== previousHash) {
      return {
        ok: false,
        brokenAt: entry.seq,
        reason: 'prev_hash_mismatch',
        message: `entry ${entry.seq} does not follow entry ${entry.seq - 1}`,
      };
    }
    const { hash, ...body } = entry;
    if (hashAuditEntry(body) !== hash) {
      return {
        ok: false,
        brokenAt: entry.seq,
        reason: 'hash_mismatch',
        message: `entry ${entry.seq} was changed after it was written`,
      };
    }
    previousHash = hash;
  }
  return { ok: true, length: entries.length };
}
