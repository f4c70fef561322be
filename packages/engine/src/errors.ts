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
