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

export interface CommandError {
  code: CommandErrorCode;
  message: string;
  details?: unknown;
}

export type CommandResult =
  | { ok: true; case: CaseView; replayed?: true }
  | { ok: false; error: CommandError; replayed?: true };

export function failure(code: CommandErrorCode, message: string, details?: unknown): CommandResult {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}
