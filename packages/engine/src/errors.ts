import { brandError, type CommandIssue } from '@hazardflow/core';

/*
 * Each class is branded (`brandError`): `instanceof` and the `is…` guards hold for an error
 * thrown by either build (ESM or CJS) of this package, e.g. by a store loaded through
 * `require` while the application imports the engine.
 */

/** The case changed since it was read: another command or another engine got there first. */
export class VersionConflictError extends Error {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly caseId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`case ${caseId} is at version ${actual}, not ${expected}`);
    this.name = 'VersionConflictError';
  }
}

/** A fired timer's row is gone (another engine fired it) or is leased to someone else. */
export class TimerGoneError extends Error {
  readonly code = 'TIMER_GONE';
  constructor(
    readonly caseId: string,
    readonly timerId: string,
  ) {
    super(`timer ${timerId} of case ${caseId} no longer exists or is leased by another worker`);
    this.name = 'TimerGoneError';
  }
}

/** An idempotency key was committed before. */
export class DuplicateCommandError extends Error {
  readonly code = 'DUPLICATE_COMMAND';
  constructor(readonly key: string) {
    super(`command ${key} was already committed`);
    this.name = 'DuplicateCommandError';
  }
}

/** True for a `VersionConflictError` from any copy of `@hazardflow/engine`. */
export const isVersionConflictError = brandError(VersionConflictError, '@hazardflow/engine/VersionConflictError');
/** True for a `TimerGoneError` from any copy of `@hazardflow/engine`. */
export const isTimerGoneError = brandError(TimerGoneError, '@hazardflow/engine/TimerGoneError');
/** True for a `DuplicateCommandError` from any copy of `@hazardflow/engine`. */
export const isDuplicateCommandError = brandError(DuplicateCommandError, '@hazardflow/engine/DuplicateCommandError');
/** Another engine appended a store checkpoint first: `seq` is not one past the last. */
export class CheckpointConflictError extends Error {
  readonly code = 'CHECKPOINT_CONFLICT';
  constructor(
    readonly seq: number,
    readonly last: number,
  ) {
    super(`checkpoint ${seq} does not follow the last checkpoint ${last}`);
    this.name = 'CheckpointConflictError';
  }
}
/** True for a `CheckpointConflictError` from any copy of `@hazardflow/engine`. */
export const isCheckpointConflictError = brandError(
  CheckpointConflictError,
  '@hazardflow/engine/CheckpointConflictError',
);

/** The engine methods whose input `ReadInputError` names. */
export type ReadMethod =
  | 'query'
  | 'assessment'
  | 'ledger'
  | 'deliveries'
  | 'get'
  | 'history'
  | 'timers'
  | 'verifyHistory';

/**
 * A read's input broke its schema (`read-input-schemas.ts`): a wrong type, a value out of
 * bounds, a control character, an instant without an offset or past the year 9999. Thrown
 * before the store is asked, so every store refuses the same input alike and nothing changes.
 * `issues` are shaped like a refused command's (`path`, `code`, `message`); the HTTP layer
 * answers 400 VALIDATION_FAILED with them.
 */
export class ReadInputError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly method: ReadMethod,
    readonly issues: CommandIssue[],
  ) {
    super(`${method}: ${issues.map((issue) => `${issue.path || '(input)'}: ${issue.message}`).join('; ')}`);
    this.name = 'ReadInputError';
  }
}
/** True for a `ReadInputError` from any copy of `@hazardflow/engine`. */
export const isReadInputError = brandError(ReadInputError, '@hazardflow/engine/ReadInputError');

/**
 * The engine's clock returned something that is not a usable instant (not a Date, an invalid
 * Date, or a year outside 0000–9999). Thrown where the engine reads the time, before it
 * decides or writes anything, so the command or timer pass changes nothing.
 */
export class ClockError extends Error {
  readonly code = 'INVALID_CLOCK';
  constructor(readonly value: unknown) {
    super(`the engine's clock returned ${describeClockValue(value)}, not an instant in the years 0000–9999`);
    this.name = 'ClockError';
  }
}
/** True for a `ClockError` from any copy of `@hazardflow/engine`. */
export const isClockError = brandError(ClockError, '@hazardflow/engine/ClockError');

function describeClockValue(value: unknown): string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'an invalid Date' : `the Date ${value.getUTCFullYear()}-…`;
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
