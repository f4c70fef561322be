import {
  type CommandError,
  type CommandErrorCode,
  type CommandErrorDetails,
  type CommandIssue,
  commandError,
} from '@hazardflow/core';
import type { CaseView } from './case-view';

/**
 * Refusals are core's `CommandError` (DESIGN.md decision 6: domain outcomes are results,
 * never exceptions): a code, a message, at least one issue, and details typed per code.
 */
export type { CommandError, CommandErrorCode, CommandErrorDetails, CommandIssue } from '@hazardflow/core';

export type CommandResult =
  | { ok: true; case: CaseView; replayed?: true }
  | { ok: false; error: CommandError; replayed?: true };

/** How a refusal is located: its issues, or the one path it is about (default: the request itself). */
export interface FailureOptions<C extends CommandErrorCode> {
  issues?: readonly CommandIssue[];
  path?: string;
  details?: CommandErrorDetails[C];
}

/**
 * The one way the engine refuses a command. Without `issues` the refusal is one issue at
 * `path` whose code is the error code in lower case (as core's `commandError` makes it), so
 * every error carries at least one issue.
 * @internal not exported from the package entry; the engine's own.
 */
export function failure<C extends CommandErrorCode>(
  code: C,
  message: string,
  options: FailureOptions<C> = {},
): CommandResult {
  const issues =
    options.issues && options.issues.length > 0
      ? options.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }))
      : [{ path: options.path ?? '', code: code.toLowerCase(), message }];
  return { ok: false, error: commandError(code, message, issues, options.details) as CommandError };
}
