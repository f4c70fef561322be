import { type CommandResult, failure } from './result';
import type { HazardStore } from './store';

/** What a commandId was used for: the command, and the case unless it reported one. */
export interface RequestIdentity {
  command: string;
  caseId?: string;
  /** `hashRequest` of the whole request; absent in results stored before it was kept. */
  hash?: string;
}

/** A result as kept under its commandId, with the request it answered. */
export type StoredResult = CommandResult & { request?: RequestIdentity };

/**
 * Idempotent commands (DESIGN.md decision 7): a commandId seen before answers with the first
 * result, marked `replayed`, when this is the same request: the same command on the same case,
 * with the same payload from the same actor (by `hashRequest`, kept with the result). A key
 * reused for any other request is refused with IDEMPOTENCY_MISMATCH and nothing is applied: a
 * replay would tell the caller its command was applied when it was not. Results stored before
 * the hash was kept are compared by command and case only.
 */
export function createIdempotency(store: HazardStore) {
  return {
    async replayed(commandId: string | undefined, request: RequestIdentity): Promise<CommandResult | undefined> {
      if (commandId === undefined) return undefined;
      const stored = (await store.getIdempotentResult(commandId)) as StoredResult | undefined;
      if (stored === undefined) return undefined;
      const { request: original, ...previous } = stored;
      if (original === undefined) return { ...previous, replayed: true };
      const otherCommand = original.command !== request.command || original.caseId !== request.caseId;
      const otherRequest =
        otherCommand || (original.hash !== undefined && request.hash !== undefined && original.hash !== request.hash);
      if (!otherRequest) return { ...previous, replayed: true };
      const was = otherCommand
        ? describeRequest(original)
        : `another ${describeRequest(request)} (another payload or actor)`;
      return failure(
        'IDEMPOTENCY_MISMATCH',
        `commandId "${commandId}" was already used for ${was}; this is ${describeRequest(request)}, so nothing was applied. Use a new commandId for a new request`,
        {
          path: 'commandId',
          details: {
            commandId,
            command: request.command,
            ...(request.caseId !== undefined ? { caseId: request.caseId } : {}),
            original: identityOf(original),
          },
        },
      );
    },
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;

/** The request a committed change answered: a REPORT has no case yet when it is sent. */
export function requestOf(command: string, caseId: string, reported: boolean, hash?: string): RequestIdentity {
  const request: RequestIdentity = reported && command === 'REPORT' ? { command: 'REPORT' } : { command, caseId };
  return hash === undefined ? request : { ...request, hash };
}

/** The command and case a request was for, without its hash (which is not the caller's business). */
function identityOf(request: RequestIdentity): { command: string; caseId?: string } {
  return request.caseId === undefined
    ? { command: request.command }
    : { command: request.command, caseId: request.caseId };
}

function describeRequest(request: RequestIdentity): string {
  return request.caseId === undefined ? `a ${request.command}` : `${request.command} on case ${request.caseId}`;
}
