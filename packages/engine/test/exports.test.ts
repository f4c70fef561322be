import * as engine from '@hazardflow/engine';
import * as adapter from '@hazardflow/engine/adapter';
import { describe, expect, it } from 'vitest';

/** The public API is the explicit list in each entry file: a change to it is a reviewed change here. */
describe('export lists', () => {
  it('@hazardflow/engine', () => {
    expect(Object.keys(engine).sort()).toMatchInlineSnapshot(`
      [
        "ASSESSMENT_FIGURES",
        "ASSESSMENT_GROUPS",
        "ASSESSMENT_GROUP_LABELS",
        "ASSESSMENT_MEASURE_LABELS",
        "CHECKPOINT_GENESIS",
        "CheckpointConflictError",
        "ClockError",
        "DEFAULT_RETRY_POLICY",
        "DuplicateCommandError",
        "GENESIS_HASH",
        "LEDGER_COLUMNS",
        "MigrationError",
        "ReadInputError",
        "TimerGoneError",
        "VersionConflictError",
        "appendAuditEntry",
        "assessmentGroupKeys",
        "assessmentOptionsSchema",
        "caseFilterSchema",
        "caseGenesisHash",
        "computeAssessment",
        "computeAssessmentReport",
        "computeInitial",
        "computeTransition",
        "createEngine",
        "createManualClock",
        "createMemoryStore",
        "deliveryFilterSchema",
        "formatAssessmentReport",
        "formatAssessmentTable",
        "hmacHasher",
        "isCheckpointConflictError",
        "isClockError",
        "isDuplicateCommandError",
        "isReadInputError",
        "isTimerGoneError",
        "isVersionConflictError",
        "ledgerRows",
        "loadLedger",
        "matchesFilter",
        "notificationId",
        "pageSchema",
        "planTimers",
        "readInstantSchema",
        "restoreSnapshot",
        "retryDelayMs",
        "sha256Hasher",
        "systemClock",
        "travel",
        "travelTarget",
        "verifyAuditChain",
        "verifyCaseTrail",
        "verifyCheckpointChain",
        "verifyStore",
        "withNotificationText",
        "withNotificationTexts",
      ]
    `);
  });

  it('@hazardflow/engine/adapter', () => {
    expect(Object.keys(adapter).sort()).toMatchInlineSnapshot(`
      [
        "ASSESSMENT_CELLS_REVISION",
        "ASSESSMENT_FIGURES",
        "CheckpointConflictError",
        "DEFAULT_PAGE_LIMIT",
        "DuplicateCommandError",
        "MAX_PAGE_LIMIT",
        "TimerGoneError",
        "VersionConflictError",
        "assessmentCellDelta",
        "assessmentCellKey",
        "assessmentCellsOf",
        "assessmentFromCells",
        "assessmentSignature",
        "assessmentWindowPlan",
        "computeAssessment",
        "dayBounds",
        "dayOf",
        "decodeCursor",
        "encodeCursor",
        "matchesFilter",
        "normalizeLimit",
      ]
    `);
  });
});
