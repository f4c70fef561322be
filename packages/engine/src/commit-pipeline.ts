import {
  type Actor,
  compactContext,
  type HazardContext,
  type HazardNotification,
  type PolicyPack,
  type Status,
} from '@hazardflow/core';
import { announce } from './announce';
import { armedTimersAfter } from './armed-timers';
import { type AuditDraft, type AuditEntry, appendAuditEntry } from './audit-chain';
import type { AuditHasher } from './audit-hasher';
import { caseViewOf } from './case-view-of';
import type { Clock } from './clock';
import { deepFreeze } from './deep-freeze';
import type { EngineEmitter } from './engine-events';
import { DuplicateCommandError, VersionConflictError } from './errors';
import { type Idempotency, requestOf } from './idempotency';
import { createInterner } from './interner';
import { type NotificationTextOptions, withNotificationTexts } from './notification-text';
import { notificationId, outboxRowsOf } from './outbox';
import type { MachineSnapshot, PackRegistry } from './pack-registry';
import { type CommandResult, failure } from './result';
import { stateHashOf } from './state-hash';
import type { Commit, HazardStore, TimerRow } from './store';
import { planTimers } from './timer-plan';

/** What is persisted as a case's snapshot: the machine state plus the head of its audit chain. */
export interface StoredSnapshot {
  value: unknown;
  context: unknown;
  /** The armed timers (timerId → dueAt) after this version, for `verifyStore`; absent in older snapshots. */
  timers?: Readonly<Record<string, string>>;
  audit: { seq: number; hash: string };
  /** The pinned effective policy hash (see CaseView.policyHash); absent on older cases. */
  policyHash?: string;
}

/** The empty list audit entries share (they are frozen when committed). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** One change to commit: the computed next snapshot and what led to it. */
export interface Change {
  pack: PolicyPack;
  previous: { version: number; snapshot: StoredSnapshot; status: Status | null } | undefined;
  next: MachineSnapshot;
  actions: readonly { type: string; params?: unknown }[];
  at: string;
  actor: Actor;
  command: string;
  commandId?: string | undefined;
  /** `hashRequest` of the request, kept with the commandId's result. */
  requestHash?: string;
  payload?: unknown;
  evidence?: unknown[];
  firedTimer?: { timerId: string; dueAt: string; lateByMs: number };
  reasons?: string[];
  /** Pins this effective policy hash (report, migration); other changes keep the previous one. */
  policyHash?: string;
  /** Told the timer rows this change arms, once it is committed. */
  onTimersPlanned?: (set: readonly TimerRow[]) => void;
}

export interface CommitPipelineDeps {
  store: HazardStore;
  clock: Clock;
  packs: PackRegistry;
  emitter: EngineEmitter;
  idempotency: Idempotency;
  workerId: string;
  /** The language and templates notifications are written in. */
  notificationText?: NotificationTextOptions;
  /** Hashes audit entries (the engine's `audit.key`); plain SHA-256 by default. */
  hasher?: AuditHasher;
  /** Write each notification as an outbox row in its commit (default true). */
  outbox?: boolean;
  /** Emit `notification` after the commit (default true); false when the dispatcher emits it on delivery. */
  notificationEvent?: boolean;
}

/**
 * The commit pipeline: view, audit entry, timer rows and idempotency key written in one
 * atomic, version-guarded store commit, then announced. A version race answers
 * VERSION_CONFLICT and changes nothing; a concurrent duplicate commandId is replayed.
 */
export function createCommitPipeline(deps: CommitPipelineDeps): (change: Change) => Promise<CommandResult> {
  const { store, clock, packs, emitter, idempotency, workerId } = deps;
  const stateValue = createInterner<unknown>();
  const writeOutbox = deps.outbox !== false;
  const notificationEvent = deps.notificationEvent !== false;

  return async function commitChange(args: Change): Promise<CommandResult> {
    const caseId = (args.next.context as { caseId: string }).caseId;
    const version = (args.previous?.version ?? 0) + 1;
    const now = clock.now().toISOString();
    const committedAt = now === args.at ? args.at : now; // one string, not two equal ones, per entry
    const pinned = args.policyHash ?? args.previous?.snapshot.policyHash;
    const view = caseViewOf(args.next, version, committedAt, packs.calendarOf(args.pack), pinned);
    const { timers, emitted } = planTimers(caseId, args.at, args.actions);
    const value = stateValue(args.next.value);
    const context = compactContext(args.next.context as HazardContext);
    const armed = armedTimersAfter(args.previous?.snapshot.timers, timers, args.firedTimer?.timerId);
    const stateHash = stateHashOf(view, { value, context, timers: armed });
    const previousAudit = args.previous?.snapshot.audit;
    // Rendered once, before the commit: the outbox row carries the text the receiver reads.
    const raw = emitted as unknown as HazardNotification[];
    const notifications = raw.length === 0 ? raw : withNotificationTexts(raw, view, args.pack, deps.notificationText);
    const seq = (previousAudit?.seq ?? 0) + 1;
    const notificationIds =
      writeOutbox && notifications.length > 0 ? notifications.map((_, i) => notificationId(caseId, seq, i)) : undefined;
    // Built key by key in the order the entry keeps them: a spread of a conditional
    // object is a slow path in V8 (examples/benchmarks/NOTES.md, "Second round").
    const draft = {
      caseId,
      at: args.at,
      actor: args.actor,
      command: args.command,
    } as AuditDraft;
    if (args.commandId !== undefined) draft.commandId = args.commandId;
    if (args.payload !== undefined) draft.payload = args.payload;
    draft.fromStatus = args.previous?.status ?? null;
    draft.toStatus = view.status;
    draft.reasons = args.reasons ?? NONE;
    draft.evidence = (args.evidence ?? NONE) as AuditDraft['evidence'];
    if (args.firedTimer) {
      draft.firedTimer = {
        timerId: args.firedTimer.timerId,
        dueAt: args.firedTimer.dueAt,
        lateByMs: args.firedTimer.lateByMs,
      };
    }
    draft.stateHash = stateHash;
    if (notificationIds) draft.notifications = notificationIds;
    const audit: AuditEntry = appendAuditEntry(
      previousAudit ? ({ seq: previousAudit.seq, hash: previousAudit.hash } as AuditEntry) : undefined,
      draft,
      deps.hasher,
    );
    const auditHead = { seq: audit.seq, hash: audit.hash };
    // Two literals rather than a conditional spread: the store keeps this object per case.
    const snapshot: StoredSnapshot =
      pinned !== undefined
        ? { value, context, timers: armed, audit: auditHead, policyHash: pinned }
        : { value, context, timers: armed, audit: auditHead };
    const result: CommandResult = { ok: true, case: view };
    const request = requestOf(args.command, caseId, args.previous === undefined, args.requestHash);
    try {
      // Frozen before it leaves: the engine never changes what it committed, and a store that
      // keeps objects (the memory store) can then keep these without copying them.
      const commit: Commit = {
        caseId,
        expectedVersion: args.previous?.version ?? 0,
        record: { view, snapshot },
        audit,
        timers,
      };
      if (args.firedTimer) {
        commit.firedTimer = { timerId: args.firedTimer.timerId, dueAt: args.firedTimer.dueAt, leaseOwner: workerId };
      }
      if (args.commandId !== undefined) {
        commit.idempotency = { key: args.commandId, result: { ok: true, case: view, request } };
      }
      if (notificationIds) commit.outbox = outboxRowsOf(caseId, audit.seq, committedAt, notifications);
      await store.commit(deepFreeze(commit));
    } catch (error) {
      if (error instanceof DuplicateCommandError && args.commandId !== undefined) {
        // The same commandId committed concurrently (another case, or another engine): answer
        // as a retry would have been answered.
        const again = await idempotency.replayed(args.commandId, request);
        if (again) return again;
      }
      if (error instanceof VersionConflictError) {
        return failure('VERSION_CONFLICT', `case ${caseId} changed concurrently; reload and retry`, {
          path: 'expectedVersion',
          details: { expected: args.previous?.version ?? 0 },
        });
      }
      throw error;
    }
    args.onTimersPlanned?.(timers.set);
    announce(emitter, view, args, notifications, notificationEvent);
    return result;
  };
}

export type CommitChange = ReturnType<typeof createCommitPipeline>;
