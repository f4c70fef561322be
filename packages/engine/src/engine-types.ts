import type { KeyObject } from 'node:crypto';
import type {
  Actor,
  BusinessCalendar,
  HazardCommand,
  HazardReportInput,
  Locale,
  NotificationTemplates,
  PolicyPack,
} from '@hazardflow/core';
import type { AssessmentOptions, AssessmentRow } from './assessment';
import type { AuditEntry } from './audit-chain';
import type { AvailableCommandsResult } from './available-commands';
import type { CaseView } from './case-view';
import type { Clock } from './clock';
import type { DeliverHandler, DispatchOptions, DispatchResult } from './dispatcher';
import type { EngineEventSource } from './engine-events';
import type { LedgerOptions, LedgerRow } from './ledger';
import type { MigrateOptions, MigrationPlan, MigrationReport, MigrationRequest } from './migration-plan';
import type { Delivery, DeliveryFilter } from './outbox';
import type { DeadlineRepairReport, RepairDeadlinesOptions } from './repair-deadlines';
import type { CommandOptions } from './report-command';
import type { CommandResult } from './result';
import type { RetryPolicy } from './retry-backoff';
import type { CaseFilter, HazardStore, Page, TimerRow } from './store';
import type { CheckpointVerification, SigningKeyInput, StoreCheckpoint } from './store-checkpoint';
import type { RunDueTimersOptions } from './timer-pass';
import type { TrailVerification } from './verify-case-trail';
import type { StoreVerification } from './verify-store';

export type { CommandOptions } from './report-command';
export type { RunDueTimersOptions } from './timer-pass';

export interface EngineOptions {
  /** The packs cases may use; a case keeps the `id@version` it was reported under. Versions are semver. */
  packs: readonly PolicyPack[];
  store?: HazardStore;
  clock?: Clock;
  /** Working-day calendar for every pack; defaults to each pack's (China for Asia/Shanghai). */
  calendar?: BusinessCalendar;
  /** Who this engine is when leasing timers from a shared store. */
  workerId?: string;
  /** How long a claimed timer stays leased to this engine. */
  timerLeaseMs?: number;
  /**
   * New reports go to the highest pack version including pre-releases (`2.0.0-rc.1` above
   * `1.4.0`), for a staging engine trying a pack out. Default: the highest release; a
   * pre-release only when a pack id has no release.
   */
  prerelease?: boolean;
  /**
   * The language of the text people read: notifications' `localText` and the ledger's cells.
   * Default `'zh-CN'`; notifications carry both languages in `text` whatever this says.
   */
  locale?: Locale;
  /** Notification templates per reason that win over the pack's and the defaults. */
  notificationTemplates?: Partial<NotificationTemplates>;
  /** How audit entries and checkpoints are sealed; what each mode proves is in docs/audit.md. */
  audit?: AuditOptions;
  /**
   * Delivers each notification from the outbox (docs/notifications.md): with it, `start()`
   * also runs the dispatcher and `notification` is emitted once delivery is recorded. Without
   * it no dispatcher runs, rows stay pending, and `notification` is emitted after the commit.
   */
  deliver?: DeliverHandler;
  /** Retries and leases of the dispatcher. */
  delivery?: Partial<RetryPolicy> & { leaseMs?: number; batchSize?: number };
  /**
   * false: notifications are not written to the outbox (in-process `notification` events
   * only, as before the outbox). Default: written whenever the store has an outbox.
   */
  outbox?: boolean;
}

export interface AuditOptions {
  /**
   * HMAC-SHA256 key for audit entry and checkpoint hashes, held by the application outside
   * the database. Every engine and tool verifying the store needs the same key.
   */
  key?: string | Uint8Array;
  /** Ed25519 private key (KeyObject or PEM) signing each checkpoint; auditors verify with the public key. */
  signingKey?: SigningKeyInput;
}

/**
 * The runtime of DESIGN.md decision 1: no live actor per case. Each command loads the
 * snapshot, computes the next one purely, and commits snapshot, view, audit entry, timer rows
 * and idempotency key in one atomic, version-guarded write. Domain refusals are results;
 * only infrastructure errors throw. Typed events (`on`, `once`, `off`) come from
 * `EngineEventSource`; async listeners that reject become `error` events.
 */
export interface Engine extends EngineEventSource {
  /**
   * The store this engine writes, public because the application owns it: it closes it at
   * shutdown (`await engine.stop()` first) and tools read what the engine has no method for
   * (`nextTimerDueAt` for time travel, raw rows for audits). Writing to it directly bypasses
   * the engine's version guard, audit chain and events.
   */
  readonly store: HazardStore;
  /**
   * The clock this engine reads and the poller waits on, public so that whoever drives a
   * manual clock (tests, simulations, `travel`) moves the same one the engine stamps from.
   */
  readonly clock: Clock;

  /** Files a new hazard on the newest registered pack of `packId`. Anyone may report; the pack decides what evidence a report needs. */
  report(input: HazardReportInput, options: CommandOptions): Promise<CommandResult>;
  /**
   * Applies a command to a case. Refusals in this order: unknown case, payload validation,
   * then (as the machine decides) state, authorisation / separation of duties, evidence.
   */
  send(caseId: string, command: HazardCommand, options: CommandOptions): Promise<CommandResult>;
  /**
   * "What can I do now?": for every command, whether `actor` may send it to the case now,
   * and why not (state, role, jurisdiction, separation of duties, or the evidence still
   * missing), decided by the same check `send` refuses with. A user interface builds its
   * buttons from this, never from its own copy of the rules.
   */
  availableCommands(caseId: string, actor: Actor): Promise<AvailableCommandsResult>;
  /** The case's current view, or undefined for an unknown case. */
  get(caseId: string): Promise<CaseView | undefined>;
  /**
   * Cases matching `filter`, a page at a time. `dueBefore` and `updatedAfter` may carry any
   * offset (`2026-10-01T00:00:00+08:00`); they are compared as instants. `page.limit` is a
   * whole number from 1 to 10 000 (default 100). Input breaking `caseFilterSchema` or
   * `pageSchema` (a wrong type, a NUL byte, a year past 9999, an unknown field, a cursor this
   * engine did not return) throws ReadInputError (VALIDATION_FAILED) before the store is
   * read; `null` or no argument means no filter / the first page. The reads taking a `caseId`
   * (`get`, `history`, `timers`, `verifyHistory`) refuse one that is not a bounded id alike.
   */
  query(filter?: CaseFilter | null, page?: Page | null): Promise<{ items: CaseView[]; nextCursor: string | null }>;
  /**
   * The hazard ledger (隐患排查治理台账) of the cases matching `filter`: one row per case with
   * the standard columns, in the engine's `locale` unless `options.locale` says otherwise.
   */
  ledger(filter?: CaseFilter | null, options?: Omit<LedgerOptions, 'packs' | 'histories'> | null): Promise<LedgerRow[]>;
  /** The case's audit trail, oldest first. */
  history(caseId: string): Promise<AuditEntry[]>;
  /** The case's armed durable timers, earliest `dueAt` first (empty for an unknown or ended case). */
  timers(caseId: string): Promise<TimerRow[]>;
  /**
   * Verifies the case's hash chain, and its length against the case's version: the engine
   * writes one entry per version, so entries cut from the end (which leave a valid, shorter
   * chain) are found too. An unknown case has an empty, intact trail.
   */
  verifyHistory(caseId: string): Promise<TrailVerification>;
  /**
   * Appends a store checkpoint: every case's audit head, chained to the last checkpoint,
   * signed under `audit.signingKey`. Call it on a schedule (e.g. hourly): cases deleted with
   * their trails are found back to the last checkpoint, not after it.
   */
  checkpoint(): Promise<StoreCheckpoint>;
  /**
   * The store-wide check: every case's trail, armed timers against each snapshot, the
   * checkpoint chain (signatures too when `publicKey` is given), and the cases of the last
   * checkpoint against the store.
   */
  verifyStore(options?: { publicKey?: KeyObject | string }): Promise<StoreVerification>;
  /** The checkpoint chain and every checkpoint's Ed25519 signature, for an auditor holding only the public key. */
  verifyCheckpoints(publicKey: KeyObject | string): Promise<CheckpointVerification>;
  /**
   * Fires every timer due now, oldest first, including timers that fell due while no engine
   * ran (catch-up). A timer firing can make others due at once (a case far past its deadline
   * climbs several levels); those fire in the same call. Returns how many fired.
   */
  runDueTimers(options?: RunDueTimersOptions): Promise<number>;
  /**
   * Delivers due outbox notifications once (what `start()` does on each poll when a `deliver`
   * handler is configured). Throws if the engine has no `deliver` handler.
   */
  dispatchNotifications(options?: DispatchOptions): Promise<DispatchResult>;
  /** Outbox rows (notifications and their delivery receipts), in the order they were committed. */
  deliveries(filter?: DeliveryFilter | null): Promise<Delivery[]>;
  /**
   * Polls for due timers every `pollMs` (default 1000) on the engine's clock until `stop()`.
   * Errors surface as `error` events. One pass runs at a time. With a `deliver` handler, a
   * dispatcher polls the outbox on the same interval.
   */
  start(options?: { pollMs?: number }): void;
  /**
   * Stops the poller: no pass starts after this call. Resolves (never rejects) when a pass
   * that was running has finished, so `await engine.stop()` before closing the store.
   */
  stop(): Promise<void>;
  /**
   * Counts again every open case's deadline that was counted on a calendar lacking its year,
   * with this engine's calendar (restart the engine with the new year first, e.g.
   * `chinaCalendar({ extraYears })`), and re-arms the warning, due, escalation and reminder
   * timers that depend on it: one audited `DEADLINE_REPAIRED` commit per changed case, none
   * with `dryRun`. Escalations already reached stay and are reported. See docs/versioning.md.
   */
  repairDeadlines(options?: RepairDeadlinesOptions): Promise<DeadlineRepairReport>;
  /**
   * 考核 (assessment) figures per territory, regulator, pack or category. Options breaking
   * `assessmentOptionsSchema` (no `groupBy`, an instant without an offset or past 9999)
   * throw ReadInputError (VALIDATION_FAILED).
   */
  assessment(options: AssessmentOptions): Promise<AssessmentRow[]>;
  /**
   * A dry run of moving the open cases of `packId@from` onto `packId@to` (both registered):
   * per case the new state, category, deadline and timers, or why it cannot move. Throws
   * MigrationError (naming the field) for an unknown pack or version, a `to` not newer than
   * `from`, or a migration map naming unknown categories. Changes nothing.
   */
  planMigration(request: MigrationRequest): Promise<MigrationPlan>;
  /**
   * Carries out a plan: one audited `MIGRATED` commit per case, guarded by the case version
   * (a case changed since planning is planned again). Resumable: a case already at `to` is
   * skipped, so a re-run after a crash finishes the rest and migrates no case twice.
   */
  migrate(plan: MigrationPlan, options: MigrateOptions): Promise<MigrationReport>;
}
