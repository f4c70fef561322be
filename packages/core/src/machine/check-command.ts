import type { CommandEvent } from '../commands';
import { authorize } from './authorize';
import { ruleViolation } from './command-rules';
import type { HazardMachine } from './create-hazard-machine';
import type { HazardContext } from './hazard-context';
import { statusOf } from './hazard-status';
import { runtimeOf } from './runtime-registry';

/** Why a command cannot be applied to a case, in the engine's error vocabulary. */
export interface CommandRejection {
  code: 'FORBIDDEN' | 'SEPARATION_OF_DUTIES' | 'EVIDENCE_REQUIRED' | 'NOT_ALLOWED_IN_STATE';
  message: string;
}

/**
 * Explains, before anything is computed, why the machine would ignore this command: the
 * same checks its guards make (authorize, then the business rules), then whether any
 * transition in the current state takes the event at all. Returns null when it applies.
 */
export function checkCommand(
  machine: HazardMachine,
  snapshot: ReturnType<HazardMachine['resolveState']>,
  command: CommandEvent,
): CommandRejection | null {
  const context = snapshot.context as HazardContext;
  const policy = runtimeOf(machine).policyOf(context);
  const auth = authorize(policy, context, command.type, command.actor);
  if (!auth.ok) return { code: auth.code, message: auth.message };
  const violation = ruleViolation(policy, context, command);
  if (violation) return violation;
  if (snapshot.can(command as never)) return null;
  return {
    code: 'NOT_ALLOWED_IN_STATE',
    message: `${command.type} is not allowed while the case is ${statusOf(snapshot)}${stateHint(context, command)}`,
  };
}

function stateHint(context: HazardContext, command: CommandEvent): string {
  if (command.type === 'FIX_ON_SPOT' && context.severity === null) return ' (triage it first)';
  if (command.type === 'REOPEN' && context.closedAt !== null) return ' (the follow-up window has ended)';
  if (command.type === 'DECIDE_EXTENSION') return ' (no extension is pending)';
  if (command.type === 'RESUME_CLOCK') return ' (the clock is not paused)';
  return '';
}
