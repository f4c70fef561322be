import { brandError } from '@hazardflow/core';

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
