/**
 * @hazardflow/engine — runs many hazard cases for the application that embeds it: durable
 * cases and timers on a store, typed events, a hash-chained audit trail and assessment.
 * Store authors import the port from `@hazardflow/engine/adapter`.
 *
 * @example
 * ```ts
 * import { createEngine, createMemoryStore } from '@hazardflow/engine';
 * import { firePack } from '@hazardflow/policy-fire';
 *
 * const gridWorker = { id: 'grid-east-1', role: 'territory', org: 'street-east' } as const;
 * const inspector = { id: 'inspector-1', role: 'regulator', org: 'fire-rescue' } as const;
 * const engine = createEngine({ packs: [firePack], store: createMemoryStore() });
 * engine.on('notification', (n) => console.log(n.reason, n.recipients));
 * const result = await engine.report(
 *   {
 *     packId: 'fire',
 *     category: 'ebike-corridor',
 *     site: {
 *       id: 'greenview-b3',
 *       name: 'Greenview Garden B3',
 *       placeType: 'high-rise-residential',
 *       territory: 'street-east',
 *       attributes: { storeys: 28 },
 *     },
 *     responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
 *     description: 'Four e-bikes charging on the 12th-floor stair landing',
 *     evidence: [{ kind: 'photo', uri: 'oss://hazards/photo-1.jpg', by: gridWorker.id, at: new Date().toISOString() }],
 *   },
 *   { actor: gridWorker },
 * );
 * if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
 * const triaged = await engine.send(result.case.id, { type: 'TRIAGE' }, { actor: inspector });
 * console.log(triaged.ok && triaged.case.status); // 'triaged'
 * ```
 *
 * @packageDocumentation
 */
export {
  ASSESSMENT_GROUP_LABELS,
  ASSESSMENT_GROUPS,
  type AssessmentGroup,
  type AssessmentOptions,
  type AssessmentRow,
  type AssessmentTableOptions,
  computeAssessment,
  formatAssessmentTable,
} from './assessment';
export {
  ASSESSMENT_FIGURES,
  type AssessmentAnchor,
  type AssessmentFigure,
  type AssessmentFigureName,
  assessmentGroupKeys,
} from './assessment-aggregates';
export {
  ASSESSMENT_MEASURE_LABELS,
  type AssessmentMeasures,
  type AssessmentReport,
  type AssessmentReportFormat,
  type AssessmentReportOptions,
  computeAssessmentReport,
  type DiscoveryShare,
  formatAssessmentReport,
} from './assessment-report';
export {
  type AuditDraft,
  type AuditEntry,
  type AuditVerification,
  appendAuditEntry,
  caseGenesisHash,
  GENESIS_HASH,
  type VerifyChainOptions,
  verifyAuditChain,
} from './audit-chain';
export { type AuditHasher, hmacHasher, sha256Hasher } from './audit-hasher';
export type { AvailableCommandsResult } from './available-commands';
export type { CaseRecord, CaseView, IndustryDepartment } from './case-view';
export { type Clock, createManualClock, type ManualClock, systemClock, type TimeoutHandle } from './clock';
/** The engine's pure step, for simulators and benchmarks that run machines without a store. */
export { type ComputedAction, computeInitial, computeTransition, restoreSnapshot } from './compute-transition';
export type {
  DeliverHandler,
  DispatchOptions,
  DispatchResult,
  OutboxNotification,
} from './dispatcher';
export {
  type AuditOptions,
  type CommandOptions,
  createEngine,
  type Engine,
  type EngineOptions,
  type RunDueTimersOptions,
} from './engine';
export type {
  CaseChange,
  EngineEventSource,
  EngineEvents,
  EngineListener,
} from './engine-events';
export {
  CheckpointConflictError,
  ClockError,
  DuplicateCommandError,
  isCheckpointConflictError,
  isClockError,
  isDuplicateCommandError,
  isReadInputError,
  isTimerGoneError,
  isVersionConflictError,
  ReadInputError,
  type ReadMethod,
  TimerGoneError,
  VersionConflictError,
} from './errors';
export {
  LEDGER_COLUMNS,
  type LedgerColumn,
  type LedgerOptions,
  type LedgerRow,
  ledgerRows,
  loadLedger,
} from './ledger';
export { createMemoryStore } from './memory-store';
export {
  type DeadlineChange,
  type MigrateOptions,
  type MigrationBlock,
  type MigrationBlocked,
  MigrationError,
  type MigrationErrorCode,
  type MigrationMove,
  type MigrationOutcome,
  type MigrationPlan,
  type MigrationProgress,
  type MigrationReport,
  type MigrationRequest,
} from './migration-plan';
export {
  type NotificationPack,
  type NotificationTextOptions,
  type NotificationWithText,
  withNotificationText,
  withNotificationTexts,
} from './notification-text';
export {
  type Delivery,
  type DeliveryFilter,
  type DeliveryStatus,
  notificationId,
  type OutboxClaim,
  type OutboxRow,
  type OutboxSettlement,
} from './outbox';
export {
  assessmentOptionsSchema,
  caseFilterSchema,
  deliveryFilterSchema,
  pageSchema,
  readInstantSchema,
} from './read-input-schemas';
export type {
  DeadlineRepair,
  DeadlineRepairReport,
  DeadlineRepairSkip,
  RepairDeadlinesOptions,
  RepairedTimer,
} from './repair-deadlines';

export type { CommandError, CommandErrorCode, CommandIssue, CommandResult } from './result';
export { DEFAULT_RETRY_POLICY, type RetryPolicy, retryDelayMs } from './retry-backoff';
export { type CaseFilter, type Commit, type HazardStore, matchesFilter, type Page, type TimerRow } from './store';
export {
  CHECKPOINT_GENESIS,
  type CheckpointVerification,
  type SigningKeyInput,
  type StoreCheckpoint,
  verifyCheckpointChain,
} from './store-checkpoint';
export { type TravelOptions, type TravelTarget, travel, travelTarget } from './time-travel';
/** Machine actions → timer rows and notifications, for simulators that plan timers themselves. */
export { planTimers, type TimerPlan } from './timer-plan';
export { type TrailVerification, type VerifyTrailOptions, verifyCaseTrail } from './verify-case-trail';
export { type StoreProblem, type StoreVerification, verifyStore } from './verify-store';
