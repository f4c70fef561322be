/**
 * @hazardflow/engine/adapter — what a store author needs to implement `HazardStore`: the
 * port's types, the errors a store throws (the engine reads them), `matchesFilter` (the
 * reference meaning of every `CaseFilter` field) and the cursor and page-size helpers every
 * store shares, so pages and cursors behave the same on every adapter.
 *
 * @example
 * ```ts
 * import { decodeCursor, encodeCursor, type HazardStore, normalizeLimit } from '@hazardflow/engine/adapter';
 *
 * const limit = normalizeLimit(page.limit);
 * const after = page.cursor ? decodeCursor(page.cursor) : undefined; // rows after (reportedAt, id)
 * ```
 *
 * @packageDocumentation
 */
export {
  ASSESSMENT_CELLS_REVISION,
  ASSESSMENT_FIGURES,
  type AssessmentAnchor,
  type AssessmentCell,
  type AssessmentFigure,
  type AssessmentFigureName,
  type AssessmentOptions,
  type AssessmentRow,
  type AssessmentWindowPlan,
  assessmentCellDelta,
  assessmentCellKey,
  assessmentCellsOf,
  assessmentFromCells,
  assessmentSignature,
  assessmentWindowPlan,
  computeAssessment,
  dayBounds,
  dayOf,
} from './assessment-aggregates';
export type { AuditEntry } from './audit-chain';
export type { CaseRecord, CaseView } from './case-view';
export { CheckpointConflictError, DuplicateCommandError, TimerGoneError, VersionConflictError } from './errors';
export type { Delivery, DeliveryFilter, DeliveryStatus, OutboxClaim, OutboxRow, OutboxSettlement } from './outbox';
export {
  type CursorPosition,
  DEFAULT_PAGE_LIMIT,
  decodeCursor,
  encodeCursor,
  MAX_PAGE_LIMIT,
  normalizeLimit,
} from './page-cursor';
export { type CaseFilter, type Commit, type HazardStore, matchesFilter, type Page, type TimerRow } from './store';
export type { StoreCheckpoint } from './store-checkpoint';
