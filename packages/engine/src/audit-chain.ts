import { hash } from 'node:crypto';
import type { Actor, Status } from '@hazardflow/core';
import { canonicalJson } from './canonical-json';
import { hasKeys } from './has-keys';

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
  /** Ids of the outbox rows (notifications) this entry's commit produced. */
  notifications?: string[];
  prevHash: string;
  hash: string;
}

export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);

/**
 * sha256 over the RFC 8785 canonical JSON of everything but the hash itself.
 * @internal not exported from the package entry; the engine's own.
 */
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
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  // The engine's drafts come in three shapes; those are rebuilt as literals (each case
  // keeps its entries; a literal is smaller than an object built key by key), with `hash`
  // undefined while hashing, which canonical JSON leaves out as if absent. Other drafts are
  // copied with Object.assign, not a spread followed by new keys (a slow path; the figures
  // are in examples/benchmarks/NOTES.md, "Engine and stores").
  // Either way the keys and their order are the draft's, then seq, prevHash and hash.
  let entry: AuditEntry;
  const d = draft;
  if (hasKeys(d, TIMER_DRAFT)) {
    entry = {
      caseId: d.caseId,
      at: d.at,
      actor: d.actor,
      command: d.command,
      fromStatus: d.fromStatus,
      toStatus: d.toStatus,
      reasons: d.reasons,
      evidence: d.evidence,
      firedTimer: d.firedTimer as NonNullable<AuditDraft['firedTimer']>,
      seq,
      prevHash,
      hash: undefined as unknown as string,
    };
  } else if (hasKeys(d, COMMAND_DRAFT)) {
    entry = {
      caseId: d.caseId,
      at: d.at,
      actor: d.actor,
      command: d.command,
      payload: d.payload,
      fromStatus: d.fromStatus,
      toStatus: d.toStatus,
      reasons: d.reasons,
      evidence: d.evidence,
      seq,
      prevHash,
      hash: undefined as unknown as string,
    };
  } else if (hasKeys(d, COMMAND_WITH_ID_DRAFT)) {
    entry = {
      caseId: d.caseId,
      at: d.at,
      actor: d.actor,
      command: d.command,
      commandId: d.commandId as string,
      payload: d.payload,
      fromStatus: d.fromStatus,
      toStatus: d.toStatus,
      reasons: d.reasons,
      evidence: d.evidence,
      seq,
      prevHash,
      hash: undefined as unknown as string,
    };
  } else {
    entry = Object.assign({}, draft) as AuditEntry;
    entry.seq = seq;
    entry.prevHash = prevHash;
  }
  entry.hash = hashAuditEntry(entry);
  return entry;
}

const TIMER_DRAFT = ['caseId', 'at', 'actor', 'command', 'fromStatus', 'toStatus', 'reasons', 'evidence', 'firedTimer'];
const COMMAND_DRAFT = ['caseId', 'at', 'actor', 'command', 'payload', 'fromStatus', 'toStatus', 'reasons', 'evidence'];
const COMMAND_WITH_ID_DRAFT = [
  'caseId',
  'at',
  'actor',
  'command',
  'commandId',
  'payload',
  'fromStatus',
  'toStatus',
  'reasons',
  'evidence',
];

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
