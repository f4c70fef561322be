import {
  type BusinessCalendar,
  type DeadlineStep,
  effectiveDeadline,
  evidenceRequirements,
  type HazardContext,
  type PolicyPack,
  type Status,
} from '@hazardflow/core';
import { contextOf, type SimulatedCase, statusOfCase } from './case-simulator';

/** A rule of the closed loop a case broke, as data. */
export interface InvariantViolation {
  readonly code:
    | 'escalation_decreased'
    | 'closed_by_rectifier'
    | 'closed_major_without_plan'
    | 'closed_with_interim_control'
    | 'closed_without_acceptance_evidence'
    | 'major_fixed_on_spot'
    | 'timer_survives_end'
    | 'open_case_without_deadline'
    | 'deadline_without_escalation'
    | 'deadline_not_on_working_day';
  readonly message: string;
}

const ENDED: readonly Status[] = ['closed', 'dismissed', 'transferred'];

/**
 * The lifecycle invariants, checked after every event: what DOMAIN.md promises whatever
 * the pack says. `before` is the case before the event (undefined for the report).
 */
export function invariantViolations(
  policy: PolicyPack,
  calendar: BusinessCalendar,
  before: SimulatedCase | undefined,
  after: SimulatedCase,
): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const ctx = contextOf(after);
  const previous = before ? contextOf(before) : undefined;
  const status = statusOfCase(after);
  const fail = (code: InvariantViolation['code'], message: string) => violations.push({ code, message });

  if (previous && ctx.escalationLevel < previous.escalationLevel) {
    fail(
      'escalation_decreased',
      `escalation level went down from ${previous.escalationLevel} to ${ctx.escalationLevel}`,
    );
  }
  if (status === 'closed' && ctx.closedHow === 'verified') {
    if (ctx.verifiedBy === null || ctx.verifiedBy === ctx.rectifiedBy) {
      fail('closed_by_rectifier', `closed after verification by "${ctx.verifiedBy}", who submitted the rectification`);
    }
    if (ctx.severity === 'major') {
      if (policy.steps.majorPlan && ctx.plan?.approvedAt === undefined) {
        fail('closed_major_without_plan', 'a major hazard was closed without an approved rectification plan');
      }
      if (ctx.interimControls.length > 0) {
        fail(
          'closed_with_interim_control',
          `closed with interim control still active (${ctx.interimControls.join(', ')})`,
        );
      }
      const verifier = ctx.last.VERIFY?.role;
      const needed = evidenceRequirements(policy, ctx.category, 'acceptance', verifier);
      if (needed.length > 0 && !ctx.evidence.some((item) => item.step === 'acceptance')) {
        fail('closed_without_acceptance_evidence', 'a major hazard was closed without acceptance evidence');
      }
    }
  }
  if (status === 'closed' && ctx.closedHow === 'fixed_on_spot' && ctx.severity === 'major') {
    fail('major_fixed_on_spot', 'a major hazard was closed as fixed on the spot');
  }
  if (ENDED.includes(status)) {
    const left = [...after.timers.keys()].filter((id) => id !== 'follow-up.end');
    if (left.length > 0) fail('timer_survives_end', `the case is ${status} but timers remain: ${left.join(', ')}`);
  } else if (ctx.deadline === null) {
    fail('open_case_without_deadline', `the case is ${status} but watches no deadline`);
  }
  violations.push(...deadlineViolations(policy, calendar, previous, ctx));
  return violations;
}

/**
 * Every deadline counted in working days or calendar days ends on a working day (a
 * calendar-day deadline is rolled forward to one); only hour deadlines may end on any day.
 * Checked when a deadline changes, so each wrong instant is reported once.
 */
export function deadlineViolations(
  policy: PolicyPack,
  calendar: BusinessCalendar,
  previous: HazardContext | undefined,
  ctx: HazardContext,
): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const check = (label: string, step: DeadlineStep, dueAt: string | null, before: string | null | undefined) => {
    if (dueAt === null || dueAt === before) return;
    const duration = effectiveDeadline(policy, step, {
      category: ctx.category,
      severity: ctx.severity ?? 'general',
      at: dueAt,
    });
    if ('hours' in duration || 'minutes' in duration) return;
    if (!calendar.isWorkingDay(dueAt)) {
      violations.push({
        code: 'deadline_not_on_working_day',
        message: `${label} ${dueAt} (${calendar.localDate(dueAt)} in ${calendar.timeZone}) is not a working day`,
      });
    }
  };
  const deadline = ctx.deadline;
  if (deadline) check(`${deadline.step} deadline`, deadline.step, deadline.dueAt, previous?.deadline?.dueAt);
  if (deadline?.step !== 'rectify')
    check('rectification deadline', 'rectify', ctx.rectifyDueAt, previous?.rectifyDueAt);
  return violations;
}
