import type { CommandIssue } from '../command-error';
import type { CommandEvent } from '../commands';
import type { EvidenceRef } from '../evidence';
import type { PolicyPack } from '../pack/schema';
import type { EvidenceStep } from '../vocabulary';
import { enforcementIssues } from './enforcement-rules';
import { missingEvidence } from './evidence-check';
import type { HazardContext } from './hazard-context';

/** A rule a command breaks, as data the engine returns unchanged. */
export interface RuleViolation {
  code: 'EVIDENCE_REQUIRED' | 'NOT_ALLOWED_IN_STATE';
  message: string;
  /** The fields and rules at fault, when the rule is about one field (`measure.dailyFine`). */
  issues?: CommandIssue[];
}

/** The evidence step a command must satisfy, if any. */
export function evidenceStepOf(event: CommandEvent, context: Pick<HazardContext, 'severity'>): EvidenceStep | null {
  switch (event.type) {
    case 'FIX_ON_SPOT':
    case 'SUBMIT_RECTIFICATION':
      return 'rectification';
    case 'ISSUE_NOTICE':
      return 'notice';
    case 'SUBMIT_PLAN':
      return 'plan';
    case 'START_INTERIM_CONTROL':
      return 'interimControl';
    case 'VERIFY':
      return event.result === 'pass' && context.severity === 'major' ? 'acceptance' : 'verification';
    default:
      return null;
  }
}

/** Evidence that counts for a command: what it carries plus what was added since the last step. */
export function evidencePool(event: CommandEvent, context: Pick<HazardContext, 'pendingEvidence'>): EvidenceRef[] {
  const carried = 'evidence' in event && Array.isArray(event.evidence) ? (event.evidence as EvidenceRef[]) : [];
  return [...context.pendingEvidence, ...carried];
}

/**
 * The business rules of a command that do not depend on which state the case is in:
 * evidence, interim controls, severity preconditions, extension limits. Machine guards and
 * the engine's precise errors both come from here.
 */
export function ruleViolation(policy: PolicyPack, context: HazardContext, event: CommandEvent): RuleViolation | null {
  const step = evidenceStepOf(event, context);
  if (step !== null) {
    const missing = missingEvidence(policy, context.category, step, evidencePool(event, context), event.actor.role);
    if (missing.length > 0) return { code: 'EVIDENCE_REQUIRED', message: missing.join('; ') };
  }
  const notAllowed = (message: string): RuleViolation => ({ code: 'NOT_ALLOWED_IN_STATE', message });
  const activeControls = context.interimControls;
  const ended = endedAs(context);
  switch (event.type) {
    case 'TRIAGE':
      if (event.category !== undefined && !policy.categories.some((c) => c.id === event.category)) {
        return notAllowed(`category "${event.category}" is not in pack ${policy.id}`);
      }
      return null;
    case 'CONFIRM_GRADE':
      if (context.severity === null) return notAllowed('a grade is decided on a triaged case; triage it first');
      if (event.severity !== context.severity && event.reason === undefined) {
        return notAllowed(
          `changing the grade from ${context.severity} to ${event.severity} needs a reason (for a lower grade, the exclusion that applies)`,
        );
      }
      return null;
    case 'ASSIGN':
      if (context.assignee?.officer === event.officer) {
        return notAllowed(`the case is already assigned to "${event.officer}"`);
      }
      return null;
    case 'CHANGE_RESPONSIBLE':
      if (event.responsible.id === context.responsible.id) {
        return notAllowed(`"${event.responsible.id}" is already the responsible party`);
      }
      return null;
    case 'LIST':
      if (ended !== null) return notAllowed(`listing applies to an open case; this one is ${ended}`);
      if (context.severity === null) return notAllowed('listing applies to a graded case; triage it first');
      if (context.listing && context.listing.delistedAt === undefined) {
        return notAllowed(`the case is already listed (${context.listing.documentNo})`);
      }
      return null;
    case 'DELIST':
      if (!context.listing || context.listing.delistedAt !== undefined) {
        return notAllowed('the case is not listed by a decision that is still in force');
      }
      if (ended !== 'closed') {
        return notAllowed(`delisting follows the acceptance of the work; the case is ${ended ?? 'still open'}`);
      }
      return null;
    case 'ENFORCE':
    case 'LIFT_ENFORCEMENT': {
      // A measure is taken on an open case; one in force is lifted whenever it is decided,
      // also after the case ended (a listing outlives the case: docs/enforcement.md).
      if (event.type === 'ENFORCE' && ended !== null) {
        return notAllowed(`enforcement applies to an open case; this one is ${ended}`);
      }
      const issues = enforcementIssues(policy, context, event);
      return issues.length > 0 ? { ...notAllowed(issues.map((i) => i.message).join('; ')), issues } : null;
    }
    case 'INTERVIEW':
      return ended !== null ? notAllowed(`an interview (约谈) is held on an open case; this one is ${ended}`) : null;
    case 'FIX_ON_SPOT':
      if (!policy.steps.fixOnSpot) return notAllowed(`pack ${policy.id} does not allow fixing on the spot`);
      if (context.severity !== 'general') return notAllowed('only a general hazard can be fixed on the spot');
      if (context.imminentDanger) return notAllowed('an imminent danger cannot be closed on the spot');
      return activeControls.length > 0 ? notAllowed(controlsStillActive(activeControls)) : null;
    case 'DISMISS':
    case 'TRANSFER':
      if (event.type === 'TRANSFER' && !policy.steps.transfer) {
        return notAllowed(`pack ${policy.id} does not allow transfers`);
      }
      if (event.type === 'TRANSFER' && event.to === context.regulator) {
        return notAllowed(`the case is already with "${event.to}"`);
      }
      return activeControls.length > 0 ? notAllowed(controlsStillActive(activeControls)) : null;
    case 'VERIFY':
      if (event.result === 'pass' && activeControls.length > 0) return notAllowed(controlsStillActive(activeControls));
      return null;
    case 'REQUEST_EXTENSION':
      if (context.extensionCount >= policy.steps.maxExtensions) {
        return notAllowed(
          `at most ${policy.steps.maxExtensions} extension(s) per case; ${context.extensionCount} granted`,
        );
      }
      if (context.deadline?.step !== 'rectify') return notAllowed('an extension applies to a rectification deadline');
      return null;
    case 'START_INTERIM_CONTROL':
      if (!policy.steps.interimControls.includes(event.measure)) {
        return notAllowed(
          `interim control "${event.measure}" is not allowed by pack ${policy.id} (allowed: ${policy.steps.interimControls.join(', ') || 'none'})`,
        );
      }
      if (activeControls.includes(event.measure))
        return notAllowed(`interim control "${event.measure}" is already active`);
      if (ended !== null) return notAllowed(`interim control applies to an open case; this one is ${ended}`);
      if (context.severity === null) return notAllowed('interim control applies to a graded case; triage it first');
      return null;
    case 'LIFT_INTERIM_CONTROL':
      // Allowed on an ended case only for a control still active there, which no case can
      // reach any more (an end needs every control lifted); lifting it repairs such a case.
      if (activeControls.includes(event.measure)) return null;
      return notAllowed(`interim control "${event.measure}" is not active${ended ? ` (the case is ${ended})` : ''}`);
    case 'COMMENT':
    case 'ADD_EVIDENCE':
      // An ended case's record is what was decided: additions would change it after the fact.
      return ended !== null ? notAllowed(`${event.type} applies to an open case; this one is ${ended}`) : null;
    case 'PAUSE_CLOCK':
      return context.deadline?.owner === 'responsible'
        ? null
        : notAllowed("only the responsible party's deadline can be paused");
    default:
      return null;
  }
}

/**
 * How a case ended, or null while it is open. An ended case is closed (in or after its
 * follow-up window), dismissed or transferred; the lifecycle region takes no step from these,
 * and the commands handled outside it (interim control, extension, clock) must not either.
 */
export function endedAs(
  context: Pick<HazardContext, 'closedAt' | 'dismissReason' | 'transferredTo'>,
): 'closed' | 'dismissed' | 'transferred' | null {
  if (context.dismissReason !== null) return 'dismissed';
  if (context.transferredTo !== null) return 'transferred';
  if (context.closedAt !== null) return 'closed';
  return null;
}

function controlsStillActive(controls: readonly string[]): string {
  return `interim control still active (${controls.join(', ')}); lift it first`;
}
