import * as engine from '@hazardflow/engine';
import * as adapter from '@hazardflow/engine/adapter';
import { describe, expect, it } from 'vitest';

/** The public API is the explicit list in each entry file: a change to it is a reviewed change here. */
describe('export lists', () => {
  it('@hazardflow/engine', () => {
    expect(Object.keys(engine).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_RETRY_POLICY",
        "DuplicateCommandError",
        "GENESIS_HASH",
        "TimerGoneError",
        "VersionConflictError",
        "appendAuditEntry",
        "computeAssessment",
        "computeInitial",
        "computeTransition",
        "createEngine",
        "createManualClock",
        "createMemoryStore",
        "formatAssessmentTable",
        "matchesFilter",
        "notificationId",
        "planTimers",
        "restoreSnapshot",
        "retryDelayMs",
        "systemClock",
        "travel",
        "travelTarget",
        "verifyAuditChain",
        "verifyCaseTrail",
      ]
    `);
  });

  it('@hazardflow/engine/adapter', () => {
    expect(Object.keys(adapter).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_PAGE_LIMIT",
        "DuplicateCommandError",
        "MAX_PAGE_LIMIT",
        "TimerGoneError",
        "VersionConflictError",
        "decodeCursor",
        "encodeCursor",
        "matchesFilter",
        "normalizeLimit",
      ]
    `);
  });
});
