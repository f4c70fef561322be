import type { Actor, AvailableCommand, HazardReportInput } from '@hazardflow/core';
import type {
  AssessmentOptions,
  AssessmentRow,
  AuditEntry,
  CaseFilter,
  CaseView,
  CommandError,
  CommandOptions,
  CommandResult,
  EngineEvents,
  TimerRow,
  TrailVerification,
} from '@hazardflow/engine';

/**
 * The engine as the HTTP layer uses it: only these methods, so any engine that has them
 * (`createEngine`'s, a wrapper that counts or traces) can be served.
 */
export interface HttpEngine {
  report(input: HazardReportInput, options: CommandOptions): Promise<CommandResult>;
  send(caseId: string, command: unknown, options: CommandOptions): Promise<CommandResult>;
  get(caseId: string): Promise<CaseView | undefined>;
  query(
    filter?: CaseFilter,
    page?: { limit?: number; cursor?: string },
  ): Promise<{ items: CaseView[]; nextCursor: string | null }>;
  history(caseId: string): Promise<AuditEntry[]>;
  verifyHistory(caseId: string): Promise<TrailVerification>;
  assessment(options: AssessmentOptions): Promise<AssessmentRow[]>;
  availableCommands(
    caseId: string,
    actor: Actor,
  ): Promise<{ ok: true; commands: AvailableCommand[] } | { ok: false; error: CommandError }>;
  /** A case's armed timers, earliest `dueAt` first. */
  timers(caseId: string): Promise<TimerRow[]>;
  on<K extends keyof EngineEvents>(event: K, listener: (...args: EngineEvents[K]) => void): unknown;
  off<K extends keyof EngineEvents>(event: K, listener: (...args: EngineEvents[K]) => void): unknown;
  /** The engine's clock, when it has one: `workingDaysLeft` is counted from its `now()` (the wall clock otherwise). */
  readonly clock?: { now(): Date };
}
