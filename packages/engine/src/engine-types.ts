import type { BusinessCalendar, HazardReportInput, PolicyPack } from '@hazardflow/core';
import type { AssessmentOptions, AssessmentRow } from './assessment';
import type { AuditEntry } from './audit-chain';
import type { CaseView } from './case-view';
import type { Clock } from './clock';
import type { DeliverHandler, DispatchOptions, DispatchResult } from './dispatcher';
import type { EngineEvents } from './engine-events';
import type { Delivery, DeliveryFilter } from './outbox';
import type { CommandOptions } from './report-command';
import type { CommandResult } from './result';
import type { RetryPolicy } from './retry-backoff';
import type { CaseFilter, HazardStore, Page, TimerRow } from './store';
import type { RunDueTimersOptions } from './timer-pass';
import type { TrailVerification } from './verify-case-trail';

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

type Listener<K extends keyof EngineEvents> = (...args: EngineEvents[K]) => unknown;

/**
 * The runtime of DESIGN.md decision 1: no live actor per case. Each command loads the
 * snapshot, computes the next one purely, and commits snapshot, view, audit entry, timer rows
 * and idempotency key in one atomic, version-guarded write. Domain refusals are results;
 * only infrastructure errors throw.
 */
export interface Engine {
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
  send(caseId: string, command: unknown, options: CommandOptions): Promise<CommandResult>;
  /** The case's current view, or undefined for an unknown case. */
  get(caseId: string): Promise<CaseView | undefined>;
  /**
   * Cases matching `filter`, a page at a time. `dueBefore` and `updatedAfter` may carry any
   * offset (`2026-10-01T00:00:00+08:00`); they are compared as instants.
   */
  query(filter?: CaseFilter, page?: Page): Promise<{ items: CaseView[]; nextCursor: string | null }>;
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
  deliveries(filter?: DeliveryFilter): Promise<Delivery[]>;
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
  /** 考核 (assessment) figures per territory, regulator, pack or category. */
  assessment(options: AssessmentOptions): Promise<AssessmentRow[]>;
  /** Listens to an engine event; async listeners that reject become `error` events. */
  on<K extends keyof EngineEvents>(event: K, listener: Listener<K>): this;
  /** Listens to the next `event` only. */
  once<K extends keyof EngineEvents>(event: K, listener: Listener<K>): this;
  /** Removes a listener added with `on` or `once`. */
  off<K extends keyof EngineEvents>(event: K, listener?: Listener<K>): this;
}
