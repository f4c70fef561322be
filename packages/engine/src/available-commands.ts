import { type Actor, type AvailableCommand, availableCommands } from '@hazardflow/core';
import { checkCaseIdArgument } from './case-id-argument';
import type { CaseLoader } from './load-case';
import type { CommandError, CommandResult } from './result';

/** What `engine.availableCommands` answers: every command with allowed or why not, or why there is no answer. */
export type AvailableCommandsResult = { ok: true; commands: AvailableCommand[] } | { ok: false; error: CommandError };

/** The parts of the engine that "what can I do now?" uses: the actor check and the case loader `send` uses. */
export interface AvailableCommandsDeps {
  validateActor: (actor: unknown) => CommandResult | Actor;
  load: CaseLoader;
}

/**
 * "What can I do now?" for one case and one actor: core decides (`availableCommands`, over
 * the same `model.check` that `send` refuses with), the engine loads the case as `send`
 * would and refuses in the same order (actor, unknown case, unknown pack), so the answer is
 * the one `send` would give.
 * @internal wired into the engine as `engine.availableCommands`.
 */
export function createAvailableCommands(deps: AvailableCommandsDeps) {
  return async function availableCommandsOf(caseIdArgument: string, actor: Actor): Promise<AvailableCommandsResult> {
    const checkedId = checkCaseIdArgument(caseIdArgument);
    if ('ok' in checkedId) return checkedId as AvailableCommandsResult;
    const caseId = checkedId.id;
    const validated = deps.validateActor(actor);
    if ('ok' in validated) return validated as AvailableCommandsResult;
    const loaded = await deps.load(caseId);
    if (!loaded) return refuse('UNKNOWN_CASE', `no case "${caseId}"`, { caseId });
    if (!loaded.pack) {
      const { packId, packVersion } = loaded.record.view;
      return refuse(
        'UNKNOWN_PACK',
        `case ${caseId} uses pack ${packId}@${packVersion}, which this engine does not have`,
        {
          packId,
        },
      );
    }
    return { ok: true, commands: availableCommands(loaded.model, loaded.restore(), validated) };
  };
}

function refuse(
  code: 'UNKNOWN_CASE' | 'UNKNOWN_PACK',
  message: string,
  details: { caseId: string } | { packId: string },
): AvailableCommandsResult {
  return {
    ok: false,
    error: {
      code,
      message,
      issues: [{ path: code === 'UNKNOWN_CASE' ? 'caseId' : '', code: code.toLowerCase(), message }],
      details,
    } as CommandError,
  };
}
