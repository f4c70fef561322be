import type { CommandError, CommandErrorCode } from '@hazardflow/engine';
import { ProblemError, type ProblemIssue } from './problem';

/**
 * The one mapping from the engine's error codes to HTTP statuses. UNKNOWN_PACK is 400, not
 * 404: the URL names no pack, the body does (a report's `packId`), so it is the request that
 * is wrong, not a resource at the URL that is missing. POLICY_CHANGED is 409: the case cannot
 * take commands until the pack content it was pinned to is registered again or it is migrated.
 * IDEMPOTENCY_MISMATCH is 422: the key is known but the body is not the request it answered.
 */
export const STATUS_OF_ERROR: Record<CommandErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNKNOWN_PACK: 400,
  FORBIDDEN: 403,
  SEPARATION_OF_DUTIES: 403,
  UNKNOWN_CASE: 404,
  NOT_ALLOWED_IN_STATE: 409,
  VERSION_CONFLICT: 409,
  EVIDENCE_REQUIRED: 422,
  POLICY_CHANGED: 409,
  IDEMPOTENCY_MISMATCH: 422,
};

/**
 * A refused command as a problem. A VERSION_CONFLICT the caller asked for with `If-Match` is
 * 412 Precondition Failed (RFC 9110: the precondition was false); one from a concurrent
 * writer is 409. The issues are the error's own: every engine refusal carries at least one.
 */
export function problemOfCommandError(error: CommandError, options: { ifMatch?: boolean } = {}): ProblemError {
  const status = error.code === 'VERSION_CONFLICT' && options.ifMatch ? 412 : STATUS_OF_ERROR[error.code];
  const issues: ProblemIssue[] = error.issues.map(({ path, code, message }) => ({ path, code, message }));
  return new ProblemError(status, error.code, error.message, { issues });
}
