import { authorize } from './authorize';
import { eventTime, isAtOrAfter } from './case-time';
import { ruleViolation } from './command-rules';
import { asCommand, eventOf, type GuardArgs } from './hazard-action-kit';
import type { HazardContext } from './hazard-context';
import type { MachineRuntime } from './machine-runtime';
import { warningInstant } from './warning-time';

/**
 * The machine's guards. Every command guard starts from `permitted` (authorised, no business
 * rule broken), the same checks `check` reports as precise refusals; the rest read the case.
 */
export function createHazardGuards(rt: MachineRuntime) {
  const ladder = rt.pack.escalation.ladder;

  const permitted = ({ context, event }: GuardArgs): boolean => {
    const command = asCommand(event);
    if (!command) return false;
    const policy = rt.policyOf(context);
    return (
      authorize(policy, context, command.type, command.actor).ok && ruleViolation(policy, context, command) === null
    );
  };
  const verdict = (args: GuardArgs) => eventOf(args.event, 'VERIFY').result;

  /** The level the case has reached by time alone at `at`, over the tracked deadline. */
  const levelByTime = (context: HazardContext, at: string): number => {
    const deadline = context.deadline;
    if (deadline?.owner !== 'responsible') return 0;
    let reached = 0;
    for (const rung of ladder) {
      if (isAtOrAfter(at, rt.calendar.addDuration(deadline.dueAt, rung.after))) reached = rung.level;
    }
    return reached;
  };

  return {
    mayAct: permitted,
    mayTriage: permitted,
    mayConfirmGrade: permitted,
    mayRecordAppraisal: permitted,
    mayDismiss: permitted,
    mayTransfer: permitted,
    mayAssign: permitted,
    mayChangeResponsible: permitted,
    mayFixOnSpot: permitted,
    mayIssueNoticeForPlan: (args: GuardArgs) =>
      permitted(args) && args.context.severity === 'major' && rt.policyOf(args.context).steps.majorPlan,
    mayIssueNoticeMajor: (args: GuardArgs) => permitted(args) && args.context.severity === 'major',
    mayIssueNoticeWithAcknowledgement: (args: GuardArgs) =>
      permitted(args) && rt.policyOf(args.context).steps.acknowledgement,
    mayIssueNotice: permitted,
    mayAcknowledge: permitted,
    maySubmitRectification: permitted,
    maySubmitPlan: permitted,
    mayApprovePlan: permitted,
    mayPassVerification: (args: GuardArgs) => permitted(args) && verdict(args) === 'pass',
    mayFailMajorVerification: (args: GuardArgs) =>
      permitted(args) && verdict(args) === 'fail' && args.context.severity === 'major',
    mayFailVerification: (args: GuardArgs) => permitted(args) && verdict(args) === 'fail',
    hasFollowUpWindow: ({ context }: GuardArgs) => rt.policyOf(context).steps.followUp !== null,
    mayReopenMajor: (args: GuardArgs) => permitted(args) && args.context.severity === 'major',
    mayReopen: permitted,
    mayRequestExtension: permitted,
    mayStartInterimControl: permitted,
    mayLiftInterimControl: permitted,
    mayLiftLastInterimControl: (args: GuardArgs) => permitted(args) && args.context.interimControls.length === 1,
    mayPauseClock: permitted,
    deadlinePassed: ({ context, event }: GuardArgs) =>
      context.deadline !== null && isAtOrAfter(eventTime(event), context.deadline.dueAt),
    inWarningWindow: ({ context, event }: GuardArgs) => {
      const warnAt = warningInstant(rt, context);
      return warnAt !== null && isAtOrAfter(eventTime(event), warnAt);
    },
    stepOwnedByRegulator: ({ context }: GuardArgs) => context.deadline?.owner !== 'responsible',
    levelReached: ({ context, event }: GuardArgs, params: { level: number }) =>
      Math.max(context.escalationLevel, levelByTime(context, eventTime(event))) >= params.level,
  };
}
