import {
  type Actor,
  type AvailableCommand,
  actorSchema,
  availableCommands,
  type HazardMachine,
  type PolicyPack,
} from '@hazardflow/core';
import type { CaseRecord } from './case-view';
import { restoreSnapshot } from './compute-transition';
import type { CommandError, CommandErrorCode } from './result';

/** What `engine.availableCommands` answers: every command with allowed or why not, or why there is no answer. */
export type AvailableCommandsResult = { ok: true; commands: AvailableCommand[] } | { ok: false; error: CommandError };

/** The parts of the engine that "what can I do now?" reads: a case as loaded, and its pack's machine. */
export interface AvailableCommandsDeps {
  load(
    caseId: string,
  ): Promise<
    { record: CaseRecord; pack: PolicyPack | undefined; stored: { value: unknown; context: unknown } } | undefined
  >;
  machineOf(pack: PolicyPack): HazardMachine;
}

/**
 * "What can I do now?" for one case and one actor: core decides (`availableCommands`), the
 * engine loads the case as `send` would, so the answer is the one `send` would give.
 */
export async function availableCommandsOf(
  deps: AvailableCommandsDeps,
  caseId: string,
  actor: Actor,
): Promise<AvailableCommandsResult> {
  const parsed = actorSchema.safeParse(actor);
  if (!parsed.success) {
    const message = parsed.error.issues.map((i) => `${i.path.join('.') || '(actor)'} ${i.message}`).join('; ');
    return refuse('VALIDATION_FAILED', `actor: ${message}`);
  }
  const loaded = await deps.load(caseId);
  if (!loaded) return refuse('UNKNOWN_CASE', `no case "${caseId}"`);
  const { record, pack, stored } = loaded;
  if (!pack) {
    return refuse(
      'UNKNOWN_PACK',
      `case ${caseId} uses pack ${record.view.packId}@${record.view.packVersion}, which this engine does not have`,
    );
  }
  const machine = deps.machineOf(pack);
  return { ok: true, commands: availableCommands(machine, restoreSnapshot(machine, stored), parsed.data) };
}

function refuse(code: CommandErrorCode, message: string): AvailableCommandsResult {
  return { ok: false, error: { code, message } };
}
