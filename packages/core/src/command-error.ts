import type { Status } from './vocabulary';

/**
 * Why a command or a report was refused, as data (DESIGN.md decision 6: domain outcomes are
 * results, never exceptions). Programs switch on `code` and read `details`; people read
 * `formatCommandError`. Core's check answers in this order: not allowed in this state, then
 * authorization and separation of duties, then evidence and the other business rules (the
 * engine adds unknown case and validation before them; docs/lifecycle.md explains why).
 */
export type CommandErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNKNOWN_CASE'
  | 'UNKNOWN_PACK'
  | 'FORBIDDEN'
  | 'SEPARATION_OF_DUTIES'
  | 'NOT_ALLOWED_IN_STATE'
  | 'EVIDENCE_REQUIRED'
  | 'VERSION_CONFLICT'
  | 'POLICY_CHANGED'
  | 'IDEMPOTENCY_MISMATCH';

/**
 * One problem with a command, read like a pack issue: where (`path`, printed by
 * `formatIssuePath`, empty for the command as a whole), what kind (`code`, stable for
 * programs) and why (`message`, plain words).
 */
export interface CommandIssue {
  path: string;
  code: string;
  message: string;
}

/** The typed details each code may carry. */
export interface CommandErrorDetails {
  /** What failed validation (a `commandId` reused for another request is IDEMPOTENCY_MISMATCH). */
  VALIDATION_FAILED: { subject: 'command' | 'report' | 'actor' | 'commandId' | 'caseId' };
  UNKNOWN_CASE: { caseId: string };
  UNKNOWN_PACK: { packId: string };
  FORBIDDEN: { command: string; role: string };
  SEPARATION_OF_DUTIES: { command: string; actorId: string };
  NOT_ALLOWED_IN_STATE: { status: Status; command: string };
  /** One plain sentence per unmet evidence requirement. */
  EVIDENCE_REQUIRED: { step: string; missing: string[] };
  VERSION_CONFLICT: { expected: number; actual?: number };
  /**
   * The case's pack version is registered with other content than the case was pinned to
   * (docs/versioning.md#policy_changed): hashes are `policyHash` of the effective policy.
   */
  POLICY_CHANGED: { caseId: string; pack: string; expectedHash: string; foundHash: string };
  /**
   * The `commandId` was used before for another request: another command or case
   * (`original` says which), or the same command on the same case with another payload or
   * actor (the hashes of the two requests differ). Nothing was applied or replayed.
   */
  IDEMPOTENCY_MISMATCH: {
    commandId: string;
    command: string;
    caseId?: string;
    original: { command: string; caseId?: string };
  };
}

export type CommandError<C extends CommandErrorCode = CommandErrorCode> = {
  [K in C]: { code: K; message: string; issues: CommandIssue[]; details?: CommandErrorDetails[K] };
}[C];

/**
 * Builds a refusal. Without `issues`, the refusal is one issue about the command as a whole
 * (`path: ''`) whose code is the error code in lower case, e.g. `not_allowed_in_state`.
 */
export function commandError<C extends CommandErrorCode>(
  code: C,
  message: string,
  issues?: CommandIssue[],
  details?: CommandErrorDetails[C],
): CommandError<C> {
  const error = {
    code,
    message,
    issues: issues ?? [{ path: '', code: code.toLowerCase(), message }],
    ...(details !== undefined ? { details } : {}),
  };
  return error as CommandError<C>;
}

const HEADINGS: Record<CommandErrorCode, string> = {
  VALIDATION_FAILED: 'Invalid input',
  UNKNOWN_CASE: 'Unknown case',
  UNKNOWN_PACK: 'Unknown policy pack',
  FORBIDDEN: 'Forbidden',
  SEPARATION_OF_DUTIES: 'Separation of duties',
  NOT_ALLOWED_IN_STATE: 'Not allowed in this state',
  EVIDENCE_REQUIRED: 'Evidence required',
  VERSION_CONFLICT: 'Version conflict',
  POLICY_CHANGED: 'Policy changed under the case',
  IDEMPOTENCY_MISMATCH: 'commandId reused for a different request',
};

/**
 * A refusal in words for people: a heading and the message, then one line per issue that
 * adds something (its path and message). Pure; the same error always prints the same text.
 */
export function formatCommandError(error: CommandError): string {
  const lines = [`${HEADINGS[error.code]} (${error.code}): ${error.message}`];
  for (const issue of error.issues) {
    if (issue.path === '' && issue.message === error.message) continue;
    lines.push(`  - ${issue.path === '' ? '(command)' : issue.path}: ${issue.message} [${issue.code}]`);
  }
  return lines.join('\n');
}
