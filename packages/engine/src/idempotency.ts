import { type CommandResult, failure } from './result';
import type { HazardStore } from './store';

/** What a commandId was used for: the command, and the case unless it reported one. */
export interface RequestIdentity {
  command: string;
  caseId?: string;
}

/** A result as kept under its commandId, with the request it answered. */
export type StoredResult = CommandResult & { request?: RequestIdentity };

/**
 * Idempotent commands (DESIGN.md decision 7): a commandId seen before answers with the first
 * result, marked `replayed`. A key reused for another command or case is refused rather than
 * answered with a result that is not about this request (the caller would believe its command
 * was applied).
 */
export function createIdempotency(store: HazardStore) {
  return {
    async replayed(commandId: string | undefined, request: RequestIdentity): Promise<CommandResult | undefined> {
      if (commandId === undefined) return undefined;
      const stored = (await store.getIdempotentResult(commandId)) as StoredResult | undefined;
      if (stored === undefined) return undefined;
      const { request: original, ...previous } = stored;
      if (original && (original.command !== request.command || original.caseId !== request.caseId)) {
        return failure(
          'VALIDATION_FAILED',
          `commandId: "${commandId}" was already used for ${describeRequest(original)}; this is ${describeRequest(request)}. Use a new commandId for a different command`,
          { path: 'commandId', details: { subject: 'commandId', commandId, original, request } },
        );
      }
      return { ...previous, replayed: true };
    },
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;

/** The request a committed change answered: a REPORT has no case yet when it is sent. */
export function requestOf(command: string, caseId: string, reported: boolean): RequestIdentity {
  return reported && command === 'REPORT' ? { command: 'REPORT' } : { command, caseId };
}

function describeRequest(request: RequestIdentity): string {
  return request.caseId === undefined ? `a ${request.command}` : `${request.command} on case ${request.caseId}`;
}
