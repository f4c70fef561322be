import { ApiError } from './client';

/** The `Idempotency-Key` of one request and the instant stamped on its payload. */
export interface Attempt {
  key: string;
  at: string;
}

/**
 * One request a form sends, however often it is clicked. The service keeps a hash of each
 * request with its `Idempotency-Key` and answers a key reused for another body with 422
 * IDEMPOTENCY_MISMATCH, so a retry must send the same body: the instant stamped on evidence is
 * taken once per key, not per click. A refusal the service answered committed nothing, so the
 * next submit is a new request (a new key and instant, the user's edits included); a lost answer
 * (status 0) may have committed, so the retry keeps both and is replayed if it did.
 */
export function createRequestAttempt(
  newKey: () => string = () => crypto.randomUUID(),
  now: () => string = () => new Date().toISOString(),
) {
  let current: Attempt | undefined;
  return {
    /** The key and instant of this attempt, taken on its first submit. */
    start(): Attempt {
      current ??= { key: newKey(), at: now() };
      return current;
    },
    /** After a failure: forget the attempt if the service answered it (it was not applied). */
    failed(error: unknown): void {
      const answered = error instanceof ApiError && error.status !== 0;
      if (answered && error.problem.code !== 'IDEMPOTENCY_MISMATCH') current = undefined;
    },
  };
}

export type RequestAttempt = ReturnType<typeof createRequestAttempt>;
