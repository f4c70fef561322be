import type { Severity, Status } from '@hazardflow/core';
import type { AssessmentOptions, AssessmentRow } from './assessment-aggregates';
import type { AuditEntry } from './audit-chain';
import type { CaseRecord, CaseView } from './case-view';
import type { Delivery, DeliveryFilter, OutboxClaim, OutboxRow, OutboxSettlement } from './outbox';
import type { StoreCheckpoint } from './store-checkpoint';

/** A durable timer: the machine's delayed event for one case, due at an instant. */
export interface TimerRow {
  caseId: string;
  timerId: string;
  dueAt: string;
  event: { type: string; [key: string]: unknown };
}

/** Everything one command changes, written atomically or not at all. */
export interface Commit {
  caseId: string;
  /** 0 creates the case. */
  expectedVersion: number;
  /** `record.view.version` is `expectedVersion + 1`. */
  record: CaseRecord;
  audit: AuditEntry;
  /** Timer rows to upsert (by timerId) and to delete, for this case. */
  timers: { set: TimerRow[]; cancel: string[] };
  /**
   * The timer this commit fires: the row must still exist with this `dueAt` (not re-armed
   * since it was claimed) and not be leased to another owner; it is deleted.
   */
  firedTimer?: { timerId: string; dueAt: string; leaseOwner: string };
  idempotency?: { key: string; result: unknown };
  /** The notifications this commit produced, as pending outbox rows (written with it or not at all). */
  outbox?: OutboxRow[];
}

export interface CaseFilter {
  ids?: string[];
  status?: Status | Status[];
  packId?: string;
  /** The `packVersion` cases were reported under (or migrated to); compared exactly. */
  packVersion?: string;
  category?: string;
  severity?: Severity;
  territory?: string;
  regulator?: string;
  /** Cases of this case officer (ASSIGN); `null` for cases nobody is assigned to. */
  assignee?: string | null;
  overdue?: boolean;
  /** Cases under listed supervision (挂牌督办), or with `false` those not. */
  listedSupervision?: boolean;
  /**
   * Cases no department regulates yet (监管盲区), the safety committee's queue; with `false`
   * the others (a view without the field counts as false).
   */
  regulatoryGap?: boolean;
  escalationLevel?: number;
  minEscalationLevel?: number;
  /** Cases whose current deadline falls before this instant. */
  dueBefore?: string;
  updatedAfter?: string;
}

export interface Page {
  limit?: number;
  cursor?: string;
}

/**
 * The store port (DESIGN.md decision 9). One interface, one conformance suite
 * (`runStoreConformance` in @hazardflow/testing) that every adapter passes.
 */
export interface HazardStore {
  /** Atomic; throws VersionConflictError, TimerGoneError or DuplicateCommandError and then changes nothing. */
  commit(commit: Commit): Promise<void>;
  getCase(id: string): Promise<CaseRecord | undefined>;
  /** Ordered by reportedAt, then id; the cursor is opaque. */
  query(filter: CaseFilter, page?: Page): Promise<{ items: CaseView[]; nextCursor: string | null }>;
  /** In seq order. */
  history(caseId: string): Promise<AuditEntry[]>;
  getIdempotentResult(key: string): Promise<unknown | undefined>;
  /**
   * Leases whole cases: every due timer (dueAt <= now) of each case none of whose due timers
   * is under a live lease, cases taken in the order of their earliest due timer (then case
   * id) until at least `limit` timers are claimed. Returned by dueAt, caseId, timerId. One
   * worker holds all of a case's due timers, so they fire in order whatever the number of
   * workers (a timer armed meanwhile waits for the holder's leases to end).
   */
  claimDueTimers(now: string, options: { limit: number; owner: string; leaseMs: number }): Promise<TimerRow[]>;
  releaseTimer(caseId: string, timerId: string, owner: string): Promise<void>;
  timersOf(caseId: string): Promise<TimerRow[]>;
  nextTimerDueAt(): Promise<string | null>;
  /**
   * Appends a store checkpoint (see `engine.checkpoint()`); throws if `checkpoint.seq` is not
   * one past the last. Optional: a store without checkpoints cannot find whole cases deleted.
   */
  appendCheckpoint?(checkpoint: StoreCheckpoint): Promise<void>;
  /** Every checkpoint, in seq order. */
  listCheckpoints?(): Promise<StoreCheckpoint[]>;
  /**
   * Outbox (DESIGN.md decision 10). Pending rows whose `nextAttemptAt <= now`, not leased or
   * whose lease expired, by nextAttemptAt then id; leases them to `owner` and counts an attempt.
   * Optional in the port so older adapters still compile; the engine needs it to deliver.
   */
  claimOutbox?(now: string, options: OutboxClaim): Promise<Delivery[]>;
  /** Settles a claimed row; false (and no change) unless it is pending and not leased to another owner. */
  settleOutbox?(id: string, owner: string, settlement: OutboxSettlement): Promise<boolean>;
  /** Outbox rows matching `filter`, in the order they were committed. */
  deliveries?(filter: DeliveryFilter): Promise<Delivery[]>;
  /** Every case view, for assessment; optional fast path. */
  allViews?(): AsyncIterable<CaseView>;
  /**
   * The assessment from aggregates the store keeps up to date in each commit (see
   * `assessmentCellDelta` and `assessmentFromCells`); it must equal `computeAssessment` over
   * every view. Optional: without it the engine scans the views. Options arrive validated.
   */
  assessment?(options: AssessmentOptions): Promise<AssessmentRow[]>;
  close(): Promise<void>;
}

/** Whether a view passes a filter; shared by stores that filter in memory. */
export function matchesFilter(view: CaseView, filter: CaseFilter): boolean {
  if (filter.ids && !filter.ids.includes(view.id)) return false;
  if (filter.status !== undefined) {
    const statuses = Array.isArray(filter.status) ? filter.status : [filter.status];
    if (!statuses.includes(view.status)) return false;
  }
  if (filter.packId !== undefined && view.packId !== filter.packId) return false;
  if (filter.packVersion !== undefined && view.packVersion !== filter.packVersion) return false;
  if (filter.category !== undefined && view.category !== filter.category) return false;
  if (filter.severity !== undefined && view.severity !== filter.severity) return false;
  if (filter.territory !== undefined && view.territory !== filter.territory) return false;
  if (filter.regulator !== undefined && view.regulator !== filter.regulator) return false;
  if (filter.assignee !== undefined && (view.assignee ?? null) !== filter.assignee) return false;
  if (filter.overdue !== undefined && view.overdue !== filter.overdue) return false;
  if (filter.listedSupervision !== undefined && view.listedSupervision !== filter.listedSupervision) return false;
  if (filter.regulatoryGap !== undefined && (view.regulatoryGap ?? false) !== filter.regulatoryGap) return false;
  if (filter.escalationLevel !== undefined && view.escalationLevel !== filter.escalationLevel) return false;
  if (filter.minEscalationLevel !== undefined && view.escalationLevel < filter.minEscalationLevel) return false;
  if (filter.dueBefore !== undefined && (view.dueAt === null || view.dueAt >= filter.dueBefore)) return false;
  if (filter.updatedAfter !== undefined && view.updatedAt <= filter.updatedAfter) return false;
  return true;
}
