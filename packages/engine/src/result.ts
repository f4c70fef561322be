import type { CaseView } from './case-view';

/** Error codes of DESIGN.md decision 6: domain outcomes are results, never exceptions. */
export type CommandErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNKNOWN_CASE'
  | 'UNKNOWN_PACK'
  | 'FORBIDDEN'
  | 'SEPARATION_OF_DUTIES'
  | 'NOT_ALLOWED_IN_STATE'
  | 'EVIDENCE_REQUIRED'
  | 'VERSION_CONFLICT';

/** One thing wrong with a request: where (`path`, dot-joined, '' for the request itself), which rule, in words. */
export interface CommandIssue {
  path: string;
  code: string;
  message: string;
}

/** A refused command. `issues` always holds at least one entry, so callers can show every problem by field. */
export interface CommandError {
  code: CommandErrorCode;
  message: string;
  issues: CommandIssue[];
  details?: unknown;
}

export type CommandResult =
  | { ok: true; case: CaseView; replayed?: true }
  | { ok: false; error: CommandError; replayed?: true };

/** How a refusal is located: its issues, or the one path it is about (default: the request itself). */
export interface FailureOptions {
  issues?: readonly CommandIssue[];
  path?: string;
  details?: unknown;
}

/**
 * The one way the engine refuses a command. Without `issues` the refusal is one issue at
 * `path` whose code is the error code, so every error carries at least one issue.
 * @internal not exported from the package entry; the engine's own.
 */
export function failure(code: CommandErrorCode, message: string, options: FailureOptions = {}): CommandResult {
  const issues =
    options.issues && options.issues.length > 0
      ? options.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }))
      : [{ path: options.path ?? '', code, message }];
  const error: CommandError = { code, message, issues };
  if (options.details !== undefined) error.details = options.details;
  return { ok: false, error };
}

/** A zod issue as far as the engine reads it (zod 4's `$ZodIssue`). */
interface ZodLikeIssue {
  path: readonly PropertyKey[];
  code?: string;
  message: string;
}

/** Zod issues as command issues, their paths joined by '.' under `prefix`. */
export function issuesFromZod(issues: readonly ZodLikeIssue[], prefix?: string): CommandIssue[] {
  return issues.map((i) => {
    const path = i.path.map(String).join('.');
    return {
      path: prefix ? (path ? `${prefix}.${path}` : prefix) : path,
      code: i.code ?? 'invalid',
      message: i.message,
    };
  });
}
