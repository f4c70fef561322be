import type { Severity } from '../vocabulary';
import { eventTime, isAtOrAfter, iso } from './case-time';
import { sealsEndedWithCase } from './enforcement-actions';
import { assign, enqueue, eventOf } from './hazard-action-kit';
import type { HazardContext, Listing } from './hazard-context';
import { notifierOf } from './hazard-notification';
import { imminentDangerStart, interimDueTimer } from './imminent-danger-actions';
import type { MachineRuntime } from './machine-runtime';
import { recordCommand } from './record-command';
import { TIMER_IDS } from './timer-ids';

/**
 * Whether a case graded `severity` at `level` is listed by that fact alone. With
 * `escalation.listing: 'automatic'`, listed supervision (挂牌督办) is the level major hazards
 * start at, and a general hazard that climbs the ladder to it is listed from then on too.
 * With `'decision'`, nothing lists a case but the listing authority's LIST.
 */
export function listedByFact(
  rt: MachineRuntime,
  context: HazardContext,
  severity: Severity | null,
  level: number,
): boolean {
  const escalation = rt.policyOf(context).escalation;
  if (escalation.listing === 'decision') return false;
  const listedLevel = escalation.startLevel.major;
  return severity === 'major' || (listedLevel > 0 && level >= listedLevel);
}

/** The actions of the lifecycle region's commands: grading, notices, plans, verification, closing. */
export function createCaseActions(rt: MachineRuntime) {
  const notification = notifierOf(rt.pack);
  const ladder = rt.pack.escalation.ladder;

  /**
   * Where a case graded `severity` starts on the ladder: a major hazard at its start level
   * (listed supervision), told to the rung's roles when that is a step up.
   */
  const startingLevel = (context: HazardContext, severity: Severity, at: string) => {
    const startLevel = rt.policyOf(context).escalation.startLevel[severity];
    const level = Math.max(context.escalationLevel, startLevel);
    const fields = {
      listedSupervision: context.listedSupervision || listedByFact(rt, context, severity, level),
      escalationLevel: level,
      maxEscalationLevel: Math.max(context.maxEscalationLevel, level),
      levelReachedAt: level > context.escalationLevel ? at : context.levelReachedAt,
    };
    if (level <= context.escalationLevel) return { fields, notice: undefined };
    const rung = ladder.find((r) => r.level === level);
    const listed = fields.listedSupervision && !context.listedSupervision;
    const notice = notification(
      { ...context, escalationLevel: level },
      at,
      listed ? 'listed_supervision' : 'escalated',
      rung?.notify ?? ['command'],
      `graded ${severity}: starts at level ${level}`,
      { level, ...(rung ? { action: rung.action } : {}) },
    );
    return { fields, notice };
  };

  return {
    addEvidence: assign(({ context, event }) => ({
      pendingEvidence: [...context.pendingEvidence, ...eventOf(event, 'ADD_EVIDENCE').evidence],
    })),
    comment: assign(({ context, event }) => {
      const command = eventOf(event, 'COMMENT');
      return {
        last: { ...context.last, COMMENT: { actorId: command.actor.id, role: command.actor.role, at: command.at } },
      };
    }),
    grade: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'TRIAGE');
      const category = command.category ?? context.category;
      const findings = { ...context.findings, ...command.findings };
      const graded = rt.classify(context, { category, findings, at: command.at });
      const severity = command.severity === 'major' ? 'major' : graded.severity;
      const imminentDanger = command.imminentDanger === true || graded.imminentDanger;
      const reasons = [
        ...graded.reasons,
        ...(command.severity === 'major' && graded.severity !== 'major' ? ['graded major by the regulator'] : []),
      ];
      const start = startingLevel(context, severity, command.at);
      enqueue.assign({
        ...recordCommand(context, event),
        category,
        findings,
        severity,
        imminentDanger,
        classificationReasons: reasons,
        ...start.fields,
      });
      const updated = { ...context, ...start.fields };
      if (start.notice) enqueue.emit(start.notice);
      // An imminent danger marked at report time was told then; one found at triage is told now.
      const danger = imminentDanger ? imminentDangerStart(rt, updated, command.at) : undefined;
      if (danger) {
        enqueue.assign({ interimDueAt: danger.interimDueAt });
        enqueue.emit(danger.notice);
        if (danger.timer) enqueue.raise(...interimDueTimer(danger.interimDueAt, command.at));
      }
    }),
    /** The listing authority lists the case (挂牌督办) and everyone concerned is told. */
    list: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'LIST');
      const listing = {
        documentNo: command.documentNo,
        supervisingUnit: command.supervisingUnit,
        until: command.until,
        listedBy: command.actor.id,
        listedAt: command.at,
      };
      enqueue.assign({ ...recordCommand(context, event), listedSupervision: true, listing });
      enqueue.emit(
        notification(
          context,
          command.at,
          'listed_supervision',
          ['responsible', 'territory', 'regulator', 'command'],
          `listed for supervision by ${command.supervisingUnit} (${command.documentNo}) until ${command.until}`,
        ),
      );
    }),
    /** The listing authority ends the listing (摘牌) once the department accepted the work. */
    delist: assign(({ context, event }) => {
      const command = eventOf(event, 'DELIST');
      const listing = context.listing as Listing;
      return {
        ...recordCommand(context, event),
        listing: {
          ...listing,
          delistedBy: command.actor.id,
          delistedAt: command.at,
          ...(command.documentNo !== undefined ? { delistDocumentNo: command.documentNo } : {}),
        },
      };
    }),
    /**
     * A recorded decision on the grade, taken before the notice: the notice then sets the
     * path and the rectification deadline by the decided grade (the notice's own deadline does
     * not depend on it). Raising it to major starts the case where a major hazard starts (as a
     * triage graded major would); lowering it leaves the rung and listed supervision as they are: ending
     * those is the listing authority's act, not a side effect of a new grade.
     */
    confirmGrade: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'CONFIRM_GRADE');
      const proposed = context.severity ?? command.severity;
      const { severity, decision } = command;
      const changed = severity !== proposed;
      const start = changed && severity === 'major' ? startingLevel(context, severity, command.at) : undefined;
      enqueue.assign({
        ...recordCommand(context, event),
        severity,
        classificationReasons: [
          ...context.classificationReasons,
          changed
            ? `graded ${severity} instead of ${proposed} by ${decision.kind} decision ${decision.reference}: ${command.reason}`
            : `${severity} confirmed by ${decision.kind} decision ${decision.reference}`,
        ],
        gradeDecision: {
          proposed,
          severity,
          kind: decision.kind,
          reference: decision.reference,
          ...(command.reason !== undefined ? { reason: command.reason } : {}),
          actorId: command.actor.id,
          at: command.at,
        },
        ...start?.fields,
      });
      if (start?.notice) enqueue.emit(start.notice);
    }),
    dismiss: assign(({ context, event }) => ({
      ...recordCommand(context, event),
      dismissReason: eventOf(event, 'DISMISS').reason,
    })),
    transfer: assign(({ context, event }) => ({
      ...recordCommand(context, event),
      transferredTo: eventOf(event, 'TRANSFER').to,
    })),
    closeFixedOnSpot: assign(({ context, event }) => ({
      ...recordCommand(context, event),
      closedAt: eventTime(event),
      closedHow: 'fixed_on_spot' as const,
      closedOnTime: true,
    })),
    issueNotice: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'ISSUE_NOTICE');
      enqueue.assign({ ...recordCommand(context, event), noticeIssuedAt: command.at, noticeClauses: command.clauses });
      const roles = rt.policyOf(context).escalation.baseNotify;
      enqueue.emit(
        notification(context, command.at, 'notice_issued', roles, `notice issued citing ${command.clauses.join(', ')}`),
      );
    }),
    setRectifyDeadline: assign(({ context, event }) => ({
      rectifyDueAt: rt.deadlineFor(context, 'rectify', eventTime(event)),
      rectifyFrom: eventTime(event),
    })),
    acknowledge: assign(({ context, event }) => ({
      ...recordCommand(context, event),
      acknowledgedAt: eventTime(event),
    })),
    submitRectification: assign(({ context, event }) => {
      const command = eventOf(event, 'SUBMIT_RECTIFICATION');
      const at = command.at;
      const onTime = context.rectifyDueAt === null || !isAtOrAfter(at, context.rectifyDueAt);
      return {
        ...recordCommand(context, event),
        rectifiedBy: command.actor.id,
        rectificationSubmittedAt: at,
        rectifiedOnTime: context.rectifiedOnTime === false ? false : onTime,
        acknowledgedAt: context.acknowledgedAt ?? at,
      };
    }),
    submitPlan: assign(({ context, event }) => {
      const command = eventOf(event, 'SUBMIT_PLAN');
      return { ...recordCommand(context, event), plan: { submittedBy: command.actor.id, submittedAt: command.at } };
    }),
    approvePlan: assign(({ context, event }) => {
      const command = eventOf(event, 'APPROVE_PLAN');
      const plan = context.plan ?? { submittedBy: '', submittedAt: command.at };
      return {
        ...recordCommand(context, event),
        plan: { ...plan, approvedBy: command.actor.id, approvedAt: command.at },
        acknowledgedAt: context.acknowledgedAt ?? plan.submittedAt,
      };
    }),
    rejectPlan: assign(({ context, event }) => ({
      ...recordCommand(context, event),
      plan: null,
      planRejections: context.planRejections + 1,
    })),
    closeVerified: assign(({ context, event }) => {
      const command = eventOf(event, 'VERIFY');
      return {
        ...recordCommand(context, event),
        verificationAttempts: context.verificationAttempts + 1,
        verifiedBy: command.actor.id,
        closedAt: command.at,
        closedHow: 'verified' as const,
        closedOnTime: context.rectifiedOnTime !== false,
      };
    }),
    failVerification: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'VERIFY');
      const failures = context.verificationFailures + 1;
      enqueue.assign({
        ...recordCommand(context, event),
        verificationAttempts: context.verificationAttempts + 1,
        verificationFailures: failures,
        rectifiedBy: null,
      });
      enqueue.emit(
        notification(
          context,
          command.at,
          'verification_failed',
          ['responsible', 'territory'],
          `verification failed (${failures} so far)`,
        ),
      );
      const rung = [...ladder]
        .reverse()
        .find((r) => r.verificationFailures !== undefined && failures >= r.verificationFailures);
      if (rung && rung.level > context.escalationLevel) {
        enqueue.raise({
          type: 'hazard.escalate',
          at: command.at,
          level: rung.level,
          reason: `verification failed ${failures} times`,
        });
      }
    }),
    endCase: enqueue(({ context, event, enqueue }) => {
      const at = eventTime(event);
      const followUp = rt.policyOf(context).steps.followUp;
      enqueue.assign({
        deadline: null,
        deadlineFrom: null,
        followUpUntil:
          context.closedAt !== null && followUp !== null ? iso(rt.calendar.addDuration(at, followUp)) : null,
      });
      // An interim-control deadline ends with the case (only cases that had one carry the timer).
      if ((context.interimDueAt ?? null) !== null) enqueue.cancel(TIMER_IDS.interimDue);
      // A temporary seal ends with the case, and its timers with it.
      const seals = sealsEndedWithCase(context, at);
      if (seals) {
        enqueue.assign({ enforcement: seals.enforcement });
        for (const id of seals.cancel) enqueue.cancel(id);
      }
      enqueue.raise({ type: 'hazard.untrack', at });
      enqueue.raise({ type: 'hazard.ended', at });
      if (context.closedAt !== null) {
        enqueue.emit(
          notification(
            context,
            at,
            'closed',
            // 《消防监督检查规定》 Art. 14: a citizen who reported the hazard hears how it ended.
            context.reportedBy.role === 'reporter'
              ? ['responsible', 'territory', 'regulator', 'reporter']
              : ['responsible', 'territory', 'regulator'],
            `closed (${context.closedHow})`,
          ),
        );
      }
    }),
    reopen: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'REOPEN');
      const cleared = {
        closedAt: null,
        closedHow: null,
        closedOnTime: null,
        followUpUntil: null,
        verifiedBy: null,
        rectifiedBy: null,
        rectifiedOnTime: null,
      };
      enqueue.assign({
        ...recordCommand(context, event),
        ...cleared,
        reopenedCount: context.reopenedCount + 1,
        rectifyDueAt: rt.deadlineFor({ ...context, ...cleared }, 'rectify', command.at),
        rectifyFrom: command.at,
      });
      enqueue.emit(
        notification(
          context,
          command.at,
          'reopened',
          ['responsible', 'territory', 'regulator'],
          `reopened: ${command.reason}`,
        ),
      );
    }),
  };
}
