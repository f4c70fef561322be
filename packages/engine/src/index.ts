/**
 * @hazardflow/engine — runs many hazard cases for the application that embeds it: durable
 * cases and timers on a store, typed events, a hash-chained audit trail and assessment.
 *
 * @example
 * ```ts
 * import { createEngine, createMemoryStore } from '@hazardflow/engine';
 * import { firePack } from '@hazardflow/policy-fire';
 *
 * const engine = createEngine({ packs: [firePack], store: createMemoryStore() });
 * engine.on('notification', (n) => console.log(n.reason, n.recipients));
 * const result = await engine.report(report, { actor: gridWorker });
 * if (result.ok) await engine.send(result.case.id, { type: 'TRIAGE' }, { actor: inspector });
 * ```
 *
 * @packageDocumentation
 */
export {
  type AssessmentGroup,
  type AssessmentOptions,
  type AssessmentRow,
  computeAssessment,
  formatAssessmentTable,
} from './assessment';
export {
  type AuditDraft,
  type AuditEntry,
  type AuditVerification,
  appendAuditEntry,
  GENESIS_HASH,
  hashAuditEntry,
  verifyAuditChain,
} from './audit-chain';
export { canonicalJson } from './canonical-json';
export type { CaseRecord, CaseView } from './case-view';
export { caseViewOf } from './case-view-of';
export { type Clock, createManualClock, type ManualClock, systemClock } from './clock';
export { type ComputedAction, computeInitial, computeTransition, restoreSnapshot } from './compute-transition';
export { type CommandOptions, createEngine, type Engine, type EngineOptions } from './engine';
export {
  type CaseChange,
  EngineEmitter,
  type EngineEventSource,
  type EngineEvents,
  type EngineListener,
} from './engine-events';
export {
  DuplicateCommandError,
  isDuplicateCommandError,
  isTimerGoneError,
  isVersionConflictError,
  TimerGoneError,
  VersionConflictError,
} from './errors';
export { createMemoryStore } from './memory-store';
export { type CommandError, type CommandErrorCode, type CommandResult, failure } from './result';
export { type CaseFilter, type Commit, type HazardStore, matchesFilter, type Page, type TimerRow } from './store';
export { planTimers, type TimerPlan } from './timer-plan';
export { type TrailVerification, verifyCaseTrail } from './verify-case-trail';
