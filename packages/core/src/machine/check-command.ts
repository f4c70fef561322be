import { type CommandError, commandError } from '../command-error';
import type { CommandEvent } from '../commands';
import { authorize } from './authorize';
import { evidenceStepOf, ruleViolation } from './command-rules';
import type { HazardContext } from './hazard-context';
import type { HazardModel, HazardSnapshot } from './hazard-model';
import { statusOf } from './hazard-status';

/** The codes core's check can answer; the engine adds unknown case, validation and versions. */
export type CommandRefusal = 'FORBIDDEN' | 'SEPARATION_OF_DUTIES' | 'EVIDENCE_REQUIRED' | 'NOT_ALLOWED_IN_STATE';

/** @deprecated Use `CommandError`; kept for callers that typed the old result. */
export type CommandRejection = CommandError<CommandRefusal>;

/**
 * Explains, before anything is computed, why the machine would ignore this command, in the
 * order users expect (docs/lifecycle.md):
 *
 * 1. NOT_ALLOWED_IN_STATE when no active state takes the command at all (VERIFY on a case
 *    just reported): no permission or evidence could make it apply there;
 * 2. FORBIDDEN / SEPARATION_OF_DUTIES from `authorize`;
 * 3. EVIDENCE_REQUIRED and the other business rules (`ruleViolation`);
 * 4. NOT_ALLOWED_IN_STATE when a state takes the command but none of its guarded
 *    transitions does for this case (the machine is the last word).
 *
 * Returns null when the machine takes the command.
 */
export function checkAgainst(
  model: Pick<HazardModel, 'policyOf'>,
  snapshot: HazardSnapshot,
  command: CommandEvent,
): CommandError<CommandRefusal> | null {
  const context = snapshot.context as HazardContext;
  if (!takesEventType(snapshot, command.type)) return notAllowed(snapshot, context, command);
  const policy = model.policyOf(context);
  const auth = authorize(policy, context, command.type, command.actor);
  if (!auth.ok) {
    return auth.code === 'FORBIDDEN'
      ? commandError('FORBIDDEN', auth.message, undefined, { command: command.type, role: command.actor.role })
      : commandError('SEPARATION_OF_DUTIES', auth.message, undefined, {
          command: command.type,
          actorId: command.actor.id,
        });
  }
  const violation = ruleViolation(policy, context, command);
  if (violation?.code === 'EVIDENCE_REQUIRED') {
    const missing = violation.message.split('; ');
    return commandError(
      'EVIDENCE_REQUIRED',
      violation.message,
      missing.map((message) => ({ path: 'evidence', code: 'evidence_required', message })),
      { step: evidenceStepOf(command, context) ?? 'other', missing },
    );
  }
  if (violation) {
    return commandError('NOT_ALLOWED_IN_STATE', violation.message, violation.issues, {
      status: statusOf(snapshot),
      command: command.type,
    });
  }
  if (snapshot.can(command)) return null;
  return notAllowed(snapshot, context, command);
}

/**
 * Whether any active state node has a transition on this event type, whatever its guards:
 * the state-only question, answered without asking who sends the command or with what.
 */
function takesEventType(snapshot: HazardSnapshot, type: string): boolean {
  return snapshot._nodes.some((node) => node.transitions.has(type));
}

function notAllowed(
  snapshot: HazardSnapshot,
  context: HazardContext,
  command: CommandEvent,
): CommandError<'NOT_ALLOWED_IN_STATE'> {
  const status = statusOf(snapshot);
  return commandError(
    'NOT_ALLOWED_IN_STATE',
    `${command.type} is not allowed while the case is ${status}${stateHint(context, command)}`,
    undefined,
    { status, command: command.type },
  );
}

function stateHint(context: HazardContext, command: CommandEvent): string {
  if (command.type === 'FIX_ON_SPOT' && context.severity === null) return ' (triage it first)';
  if (command.type === 'REOPEN' && context.closedAt !== null) return ' (the follow-up window has ended)';
  if (command.type === 'DECIDE_EXTENSION') return ' (no extension is pending)';
  if (command.type === 'RESUME_CLOCK') return ' (the clock is not paused)';
  return '';
}
