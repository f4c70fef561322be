import { hash } from 'node:crypto';
import type { Actor, Status } from '@hazardflow/core';
import { type AuditHasher, sha256Hasher } from './audit-hasher';
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
  /**
   * SHA-256 of the canonical JSON of the state this entry produced (the case view and the
   * machine snapshot without its audit head; see `stateHashOf`). Absent on entries written
   * before it was introduced.
   */
  stateHash?: string;
  /** Ids of the outbox rows (notifications) this entry's commit produced. */
  notifications?: string[];
  prevHash: string;
  hash: string;
}

export type AuditDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** The genesis of trails written before chains were bound to their case (legacy trails). */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The genesis of a case's chain: SHA-256 of a domain-separated tag and the case id, so a
 * chain verifies only as the trail of the case it was written for.
 */
export function caseGenesisHash(caseId: string): string {
  return hash('sha256', `hazardflow/audit-genesis/v1\u0000${caseId}`, 'hex');
}

/**
 * The hasher (sha256 unless given) over the RFC 8785 canonical JSON of everything but the hash itself.
 * @internal not exported from the package entry; the engine's own.
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>, hasher: AuditHasher = sha256Hasher): string {
  const canonical = canonicalJson(entry);
  if (canonical === undefined) throw new TypeError('audit entry is not JSON-serialisable');
  return hasher(canonical);
}

/**
 * The next entry of a chain whose head is `previous` (only its `seq` and `hash` are read);
 * the first entry of a case follows `caseGenesisHash(draft.caseId)`.
 */
export function appendAuditEntry(
  previous: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
  draft: AuditDraft,
  hasher: AuditHasher = sha256Hasher,
): AuditEntry {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? caseGenesisHash(draft.caseId);
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
      stateHash: d.stateHash as string,
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
      stateHash: d.stateHash as string,
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
      stateHash: d.stateHash as string,
      seq,
      prevHash,
      hash: undefined as unknown as string,
    };
  } else {
    entry = Object.assign({}, draft) as AuditEntry;
    entry.seq = seq;
    entry.prevHash = prevHash;
  }
  entry.hash = hashAuditEntry(entry, hasher);
  return entry;
}

const TIMER_DRAFT = [
  'caseId',
  'at',
  'actor',
  'command',
  'fromStatus',
  'toStatus',
  'reasons',
  'evidence',
  'firedTimer',
  'stateHash',
];
const COMMAND_DRAFT = [
  'caseId',
  'at',
  'actor',
  'command',
  'payload',
  'fromStatus',
  'toStatus',
  'reasons',
  'evidence',
  'stateHash',
];
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
  'stateHash',
];

export type AuditVerification =
  | {
      ok: true;
      length: number;
      /** Present (true) for a trail that starts from the all-zero genesis, written before chains were bound to their case. */
      legacy?: true;
    }
  | {
      ok: false;
      brokenAt: number;
      reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'case_mismatch';
      message: string;
    };

export interface VerifyChainOptions {
  /** The case the trail must belong to; defaults to the first entry's. */
  caseId?: string;
  /** The hasher the entries were written with (the engine's `audit.key`); plain SHA-256 by default. */
  hasher?: AuditHasher;
}

/**
 * Recomputes the chain and names the first entry that was edited, removed, reordered or
 * taken from another case's trail. A trail starting from the all-zero genesis is a legacy
 * trail: it verifies, flagged `legacy: true`, since nothing binds it to its case.
 */
export function verifyAuditChain(entries: readonly AuditEntry[], options: VerifyChainOptions = {}): AuditVerification {
  const caseId = options.caseId ?? entries[0]?.caseId ?? '';
  const hasher = options.hasher ?? sha256Hasher;
  const legacy = entries[0]?.prevHash === GENESIS_HASH;
  let previousHash = legacy ? GENESIS_HASH : caseGenesisHash(caseId);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as AuditEntry;
    const expectedSeq = i + 1;
    if (entry.caseId !== caseId) {
      return {
        ok: false,
        brokenAt: expectedSeq,
        reason: 'case_mismatch',
        message: `entry ${expectedSeq} belongs to case ${JSON.stringify(entry.caseId)}, not ${JSON.stringify(caseId)}`,
      };
    }
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
    if (hashAuditEntry(body, hasher) !== hash) {
      return {
        ok: false,
        brokenAt: entry.seq,
        reason: 'hash_mismatch',
        message: `entry ${entry.seq} was changed after it was written`,
      };
    }
    previousHash = hash;
  }
  return legacy ? { ok: true, length: entries.length, legacy: true } : { ok: true, length: entries.length };
}
