import type { EvidenceStep } from '../vocabulary';
import { evidencePool, evidenceStepOf } from './command-rules';
import { asCommand } from './hazard-action-kit';
import { filedEvidence, type HazardContext } from './hazard-context';
import type { HazardEvent } from './hazard-events';

/**
 * The context changes every accepted command makes: stamp the actor, file the evidence it
 * brought (plus evidence added before it) under its step. Empty for timers and internal events.
 */
export function recordCommand(context: HazardContext, event: HazardEvent): Partial<HazardContext> {
  const command = asCommand(event);
  if (!command) return {};
  const step: EvidenceStep | 'other' = evidenceStepOf(command, context) ?? 'other';
  const pool = evidencePool(command, context);
  return {
    last: {
      ...context.last,
      [command.type]: { actorId: command.actor.id, role: command.actor.role, at: command.at },
    },
    evidence: [...context.evidence, ...pool.map((item) => filedEvidence(item, step))],
    pendingEvidence: [],
  };
}
