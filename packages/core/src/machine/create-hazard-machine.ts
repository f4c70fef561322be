import { setup } from 'xstate';
import type { BusinessCalendar } from '../calendar/business-calendar';
import type { CommandEvent } from '../commands';
import { formatDuration } from '../duration';
import type { PolicyPack } from '../pack/schema';
import type { EvidenceStep, Role } from '../vocabulary';
import { authorize } from './authorize';
import { delayUntil, eventTime, isAtOrAfter, iso } from './case-time';
import { evidencePool, evidenceStepOf, ruleViolation } from './command-rules';
import { defaultCalendarFor } from './default-calendar';
import { escalationRegion } from './escalation-region';
import { filedEvidence, type HazardContext, type HazardInput, type TrackedDeadline } from './hazard-context';
import type { HazardEmitted, HazardEvent, NotificationReason, Recipient } from './hazard-events';
import { extensionRegion, interimControlRegion, lifecycleRegion } from './lifecycle-region';
import { createMachineRuntime, type MachineRuntime } from './machine-runtime';
import { registerRuntime } from './runtime-registry';
import { TIMER_IDS } from './timer-ids';

export interface HazardMachineOptions {
  /** The working-day calendar deadlines are counted on; defaults to the pack's (China for Asia/Shanghai). */
  calendar?: BusinessCalendar;
}

const machineCache = new WeakMap<PolicyPack, WeakMap<BusinessCalendar | typeof NO_CALENDAR, HazardMachine>>();
const NO_CALENDAR = Object.freeze({});

/**
 * Builds the hazard statechart for a validated policy pack: a plain XState v5 machine with
 * three parallel regions besides the lifecycle (escalation, extension, interim control).
 * Machines are cached per pack object (packs are frozen, versioned `id@version`), so
 * calling this again is free.
 *
 * Long-lived deadlines need the engine: a standalone actor keeps its timers in memory only.
 */
export function createHazardMachine(pack: PolicyPack, options: HazardMachineOptions = {}): HazardMachine {
  let byCalendar = machineCache.get(pack);
  if (!byCalendar) {
    byCalendar = new WeakMap();
    machineCache.set(pack, byCalendar);
  }
  const key = options.calendar ?? NO_CALENDAR;
  let machine = byCalendar.get(key);
  if (!machine) {
    const runtime = createMachineRuntime(pack, options.calendar ?? defaultCalendarFor(pack.timeZone));
    machine = buildHazardMachine(runtime);
    registerRuntime(machine, runtime);
    byCalendar.set(key, machine);
  }
  return machine;
}

export type HazardMachine = ReturnType<typeof buildHazardMachine>;

type Args = { context: HazardContext; event: HazardEvent };
type CommandOf<T extends CommandEvent['type']> = Extract<CommandEvent, { type: T }>;

function buildHazardMachine(rt: MachineRuntime) {
  const { pack } = rt;
  const ladder = pack.escalation.ladder;

  /** The command the event is, or undefined for timers and internal events. */
  const asCommand = (event: HazardEvent): CommandEvent | undefined =>
    'actor' in event ? (event as CommandEvent) : undefined;

  /** Authorised and no business rule broken. */
  const permitted = ({ context, event }: Args): boolean => {
    const command = asCommand(event);
    if (!command) return false;
    const policy = rt.policyOf(context);
    return (
      authorize(policy, context, command.type, command.actor).ok && ruleViolation(policy, context, command) === null
    );
  };

  const recipientsOf = (context: HazardContext, roles: readonly Role[]): Recipient[] =>
    roles.map((role) => ({ role, org: orgOf(context, role) }));

  const notification = (
    context: HazardContext,
    at: string,
    reason: NotificationReason,
    roles: readonly Role[],
    message: string,
    extra: Partial<Pick<HazardEmitted, 'action' | 'level'>> = {},
  ): HazardEmitted => ({
    type: 'hazard.notification',
    caseId: context.caseId,
    reason,
    level: extra.level ?? context.escalationLevel,
    recipients: recipientsOf(context, roles),
    at,
    dueAt: context.deadline?.dueAt ?? null,
    message,
    ...(extra.action ? { action: extra.action } : {}),
  });

  /** Stamp the actor and file the evidence a command brought (plus evidence added before it). */
  const recordCommand = (context: HazardContext, event: HazardEvent): Partial<HazardContext> => {
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
  };

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

  /**
   * Cases tracking the same step to the same instant (the end of a working day) share one
   * frozen deadline object: it is never changed in place, and each case saves ~50 bytes.
   */
  const deadlines = new Map<string, TrackedDeadline>();
  const track = (step: TrackedDeadline['step'], dueAt: string): TrackedDeadline => {
    const key = `${step}\u0000${dueAt}`;
    let deadline = deadlines.get(key);
    if (deadline === undefined) {
      deadline = Object.freeze({
        step,
        owner: step === 'plan' || step === 'rectify' ? ('responsible' as const) : ('regulator' as const),
        dueAt,
      });
      if (deadlines.size >= 10_000) deadlines.clear();
      deadlines.set(key, deadline);
    }
    return deadline;
  };

  const typed = setup({
    types: {} as { context: HazardContext; events: HazardEvent; input: HazardInput; emitted: HazardEmitted },
  });
  const { assign, cancel, emit, enqueueActions, raise } = typed;

  const guards = {
    mayAct: permitted,
    mayTriage: permitted,
    mayDismiss: permitted,
    mayTransfer: permitted,
    mayFixOnSpot: permitted,
    mayIssueNoticeForPlan: (args: Args) =>
      permitted(args) && args.context.severity === 'major' && rt.policyOf(args.context).steps.majorPlan,
    mayIssueNoticeMajor: (args: Args) => permitted(args) && args.context.severity === 'major',
    mayIssueNoticeWithAcknowledgement: (args: Args) =>
      permitted(args) && rt.policyOf(args.context).steps.acknowledgement,
    mayIssueNotice: permitted,
    mayAcknowledge: permitted,
    maySubmitRectification: permitted,
    maySubmitPlan: permitted,
    mayApprovePlan: permitted,
    mayPassVerification: (args: Args) => permitted(args) && (args.event as CommandOf<'VERIFY'>).result === 'pass',
    mayFailMajorVerification: (args: Args) =>
      permitted(args) && (args.event as CommandOf<'VERIFY'>).result === 'fail' && args.context.severity === 'major',
    mayFailVerification: (args: Args) => permitted(args) && (args.event as CommandOf<'VERIFY'>).result === 'fail',
    hasFollowUpWindow: ({ context }: Args) => rt.policyOf(context).steps.followUp !== null,
    mayReopenMajor: (args: Args) => permitted(args) && args.context.severity === 'major',
    mayReopen: permitted,
    mayRequestExtension: permitted,
    mayStartInterimControl: permitted,
    mayLiftInterimControl: permitted,
    mayLiftLastInterimControl: (args: Args) => permitted(args) && args.context.interimControls.length === 1,
    mayPauseClock: permitted,
    deadlinePassed: ({ context, event }: Args) =>
      context.deadline !== null && isAtOrAfter(eventTime(event), context.deadline.dueAt),
    inWarningWindow: ({ context, event }: Args) => {
      const warnBefore = rt.policyOf(context).escalation.warnBefore;
      if (!context.deadline || !warnBefore) return false;
      return isAtOrAfter(eventTime(event), rt.calendar.subtractDuration(context.deadline.dueAt, warnBefore));
    },
    stepOwnedByRegulator: ({ context }: Args) => context.deadline?.owner !== 'responsible',
    levelReached: ({ context, event }: Args, params: { level: number }) =>
      Math.max(context.escalationLevel, levelByTime(context, eventTime(event))) >= params.level,
  };

  /**
   * Listed supervision (挂牌督办) is the level major hazards start at: a general hazard that
   * climbs the ladder to it is under listed supervision from then on too.
   */
  const reachesListedSupervision = (context: HazardContext, level: number): boolean => {
    const listedLevel = rt.policyOf(context).escalation.startLevel.major;
    return listedLevel > 0 && level >= listedLevel;
  };

  const actions = {
    cancelTimer: cancel((_, params) => (params as unknown as { id: string }).id),

    trackStep: enqueueActions(({ context, event, enqueue }, rawParams) => {
      const params = rawParams as unknown as { step: TrackedDeadline['step'] };
      const at = eventTime(event);
      const dueAt =
        params.step === 'rectify' && context.rectifyDueAt !== null
          ? context.rectifyDueAt
          : rt.deadlineFor(context, params.step, at);
      if (context.deadline?.step === params.step && context.deadline.dueAt === dueAt) return;
      enqueue.assign({ deadline: track(params.step, dueAt) });
      enqueue.raise({ type: 'hazard.track', at });
    }),
    trackVerification: enqueueActions(({ context, event, enqueue }) => {
      const at = eventTime(event);
      const step = context.severity === 'major' ? 'acceptance' : 'verify';
      enqueue.assign({ deadline: track(step, rt.deadlineFor(context, step, at)) });
      enqueue.raise({ type: 'hazard.track', at });
    }),

    grade: enqueueActions(({ context, event, enqueue }) => {
      const command = event as CommandOf<'TRIAGE'>;
      const category = command.category ?? context.category;
      const findings = { ...context.findings, ...command.findings };
      const graded = rt.classify(context, { category, findings, at: command.at });
      const severity = command.severity === 'major' ? 'major' : graded.severity;
      const imminentDanger = command.imminentDanger === true || graded.imminentDanger;
      const reasons = [
        ...graded.reasons,
        ...(command.severity === 'major' && graded.severity !== 'major' ? ['graded major by the regulator'] : []),
      ];
      const startLevel = rt.policyOf(context).escalation.startLevel[severity];
      const level = Math.max(context.escalationLevel, startLevel);
      enqueue.assign({
        ...recordCommand(context, event),
        category,
        findings,
        severity,
        imminentDanger,
        classificationReasons: reasons,
        listedSupervision:
          context.listedSupervision || severity === 'major' || reachesListedSupervision(context, level),
        escalationLevel: level,
        maxEscalationLevel: Math.max(context.maxEscalationLevel, level),
        levelReachedAt: level > context.escalationLevel ? command.at : context.levelReachedAt,
      });
      const updated = { ...context, escalationLevel: level };
      if (level > context.escalationLevel) {
        const rung = ladder.find((r) => r.level === level);
        enqueue.emit(
          notification(
            updated,
            command.at,
            'listed_supervision',
            rung?.notify ?? ['command'],
            `graded ${severity}: starts at level ${level}`,
            {
              level,
              ...(rung ? { action: rung.action } : {}),
            },
          ),
        );
      }
      if (imminentDanger) {
        enqueue.emit(
          notification(
            updated,
            command.at,
            'imminent_danger',
            ['responsible', 'territory', 'regulator', 'command'],
            'imminent danger: evacuate, cordon or suspend now (Work Safety Law Art. 65)',
          ),
        );
      }
    }),
    dismiss: assign(({ context, event }) => {
      const command = event as CommandOf<'DISMISS'>;
      return { ...recordCommand(context, event), dismissReason: command.reason };
    }),
    transfer: assign(({ context, event }) => {
      const command = event as CommandOf<'TRANSFER'>;
      return { ...recordCommand(context, event), transferredTo: command.to };
    }),
    closeFixedOnSpot: assign(({ context, event }) => {
      const at = eventTime(event);
      return {
        ...recordCommand(context, event),
        closedAt: at,
        closedHow: 'fixed_on_spot' as const,
        closedOnTime: true,
      };
    }),
    issueNotice: enqueueActions(({ context, event, enqueue }) => {
      const command = event as CommandOf<'ISSUE_NOTICE'>;
      enqueue.assign({ ...recordCommand(context, event), noticeIssuedAt: command.at, noticeClauses: command.clauses });
      const roles = rt.policyOf(context).escalation.baseNotify;
      enqueue.emit(
        notification(context, command.at, 'notice_issued', roles, `notice issued citing ${command.clauses.join(', ')}`),
      );
    }),
    setRectifyDeadline: assign(({ context, event }) => {
      const at = eventTime(event);
      return { rectifyDueAt: rt.deadlineFor(context, 'rectify', at) };
    }),
    acknowledge: assign(({ context, event }) => ({
      ...recordCommand(context, event),
      acknowledgedAt: eventTime(event),
    })),
    scheduleAcknowledgementDue: raise(
      ({ context, event }) => ({
        type: 'TIMER.ACK_DUE' as const,
        at: rt.deadlineFor(context, 'acknowledge', context.noticeIssuedAt ?? eventTime(event)),
      }),
      {
        id: TIMER_IDS.ackDue,
        delay: ({ context, event }) =>
          delayUntil(
            rt.deadlineFor(context, 'acknowledge', context.noticeIssuedAt ?? eventTime(event)),
            eventTime(event),
          ),
      },
    ),
    scheduleUnacknowledged: enqueueActions(({ context, event, enqueue }, rawParams) => {
      const params = rawParams as unknown as { level: number };
      const rung = ladder.find((r) => r.level === params.level);
      if (!rung?.unacknowledgedAfter || context.escalationLevel >= params.level) return;
      const at = eventTime(event);
      const dueAt = iso(rt.calendar.addDuration(context.noticeIssuedAt ?? at, rung.unacknowledgedAfter));
      enqueue.raise(
        { type: 'TIMER.UNACKNOWLEDGED', at: dueAt, level: params.level },
        {
          id: TIMER_IDS.unacknowledged(params.level),
          delay: delayUntil(dueAt, at),
        },
      );
    }),
    notifyAcknowledgementOverdue: emit(({ context, event }) =>
      notification(
        context,
        eventTime(event),
        'acknowledgement_overdue',
        ['responsible', 'regulator'],
        'the notice has not been acknowledged in time',
      ),
    ),
    escalateUnacknowledged: raise(({ event }) => {
      const timer = event as Extract<HazardEvent, { type: 'TIMER.UNACKNOWLEDGED' }>;
      return { type: 'hazard.escalate' as const, at: timer.at, level: timer.level, reason: 'notice not acknowledged' };
    }),
    submitRectification: assign(({ context, event }) => {
      const at = eventTime(event);
      const command = event as CommandEvent;
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
      const command = event as CommandOf<'SUBMIT_PLAN'>;
      return { ...recordCommand(context, event), plan: { submittedBy: command.actor.id, submittedAt: command.at } };
    }),
    approvePlan: assign(({ context, event }) => {
      const command = event as CommandOf<'APPROVE_PLAN'>;
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
      const command = event as CommandOf<'VERIFY'>;
      return {
        ...recordCommand(context, event),
        verificationAttempts: context.verificationAttempts + 1,
        verifiedBy: command.actor.id,
        closedAt: command.at,
        closedHow: 'verified' as const,
        closedOnTime: context.rectifiedOnTime !== false,
      };
    }),
    failVerification: enqueueActions(({ context, event, enqueue }) => {
      const command = event as CommandOf<'VERIFY'>;
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
    endCase: enqueueActions(({ context, event, enqueue }) => {
      const at = eventTime(event);
      const followUp = rt.policyOf(context).steps.followUp;
      enqueue.assign({
        deadline: null,
        followUpUntil:
          context.closedAt !== null && followUp !== null ? iso(rt.calendar.addDuration(at, followUp)) : null,
      });
      enqueue.raise({ type: 'hazard.untrack', at });
      enqueue.raise({ type: 'hazard.ended', at });
      if (context.closedAt !== null) {
        enqueue.emit(
          notification(
            context,
            at,
            'closed',
            ['responsible', 'territory', 'regulator'],
            `closed (${context.closedHow})`,
          ),
        );
      }
    }),
    scheduleFollowUpEnd: raise(
      ({ context, event }) => ({ type: 'TIMER.FOLLOW_UP_END' as const, at: context.followUpUntil ?? eventTime(event) }),
      {
        id: TIMER_IDS.followUpEnd,
        delay: ({ context, event }) => delayUntil(context.followUpUntil ?? eventTime(event), eventTime(event)),
      },
    ),
    reopen: enqueueActions(({ context, event, enqueue }) => {
      const command = event as CommandOf<'REOPEN'>;
      const reopened: HazardContext = {
        ...context,
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
        closedAt: null,
        closedHow: null,
        closedOnTime: null,
        followUpUntil: null,
        verifiedBy: null,
        rectifiedBy: null,
        rectifiedOnTime: null,
        reopenedCount: context.reopenedCount + 1,
        rectifyDueAt: rt.deadlineFor(reopened, 'rectify', command.at),
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

    requestExtension: enqueueActions(({ context, event, enqueue }) => {
      const command = event as CommandOf<'REQUEST_EXTENSION'>;
      enqueue.assign({
        ...recordCommand(context, event),
        pendingExtension: {
          requestedBy: command.actor.id,
          requestedAt: command.at,
          extendBy: command.extendBy,
          reason: command.reason,
        },
      });
      enqueue.emit(
        notification(
          context,
          command.at,
          'extension_requested',
          ['regulator'],
          `extension of ${formatDuration(command.extendBy)} requested: ${command.reason}`,
        ),
      );
    }),
    /**
     * A granted extension moves the rectification deadline by `extendBy`, counted from the
     * deadline as it stands (`addDuration`). On a running clock the escalation region then
     * re-tracks it. On a paused clock (PAUSE_CLOCK) it stays paused: the frozen deadline moves
     * the same way, and the working time that move spans is added to the working time the
     * pause left, so RESUME_CLOCK sets the deadline that much later. A pause counts working
     * time only, so a `{ workingDays: n }` extension adds n whole working days, while a
     * `{ days: n }` or `{ hours: n }` extension adds only the working-day part of the span it
     * would have added (the weekends and holidays in it do not count).
     */
    decideExtension: enqueueActions(({ context, event, enqueue }) => {
      const command = event as CommandOf<'DECIDE_EXTENSION'>;
      const request = context.pendingExtension;
      enqueue.assign({ ...recordCommand(context, event), pendingExtension: null });
      if (!command.granted || !request || context.rectifyDueAt === null) return;
      const extendBy = command.extendBy ?? request.extendBy;
      const rectifyDueAt = iso(rt.calendar.addDuration(context.rectifyDueAt, extendBy));
      enqueue.assign({ rectifyDueAt, extensionCount: context.extensionCount + 1 });
      if (context.deadline?.step !== 'rectify') return;
      enqueue.assign({ deadline: { ...context.deadline, dueAt: rectifyDueAt } });
      if (context.paused !== null) {
        const added = rt.calendar.workingTimeBetween(context.rectifyDueAt, rectifyDueAt);
        enqueue.assign({ paused: { ...context.paused, remainingMs: context.paused.remainingMs + added } });
      } else {
        enqueue.raise({ type: 'hazard.track', at: command.at });
      }
    }),
    startInterimControl: assign(({ context, event }) => {
      const command = event as CommandOf<'START_INTERIM_CONTROL'>;
      return { ...recordCommand(context, event), interimControls: [...context.interimControls, command.measure] };
    }),
    liftInterimControl: assign(({ context, event }) => {
      const command = event as CommandOf<'LIFT_INTERIM_CONTROL'>;
      return {
        ...recordCommand(context, event),
        interimControls: context.interimControls.filter((m) => m !== command.measure),
      };
    }),

    clearPause: assign({ paused: null }),
    pauseClock: assign(({ context, event }) => {
      const command = event as CommandOf<'PAUSE_CLOCK'>;
      const remainingMs = context.deadline ? rt.calendar.workingTimeBetween(command.at, context.deadline.dueAt) : 0;
      return { ...recordCommand(context, event), paused: { at: command.at, remainingMs, reason: command.reason } };
    }),
    resumeClock: assign(({ context, event }) => {
      const command = event as CommandOf<'RESUME_CLOCK'>;
      if (!context.deadline || !context.paused || context.paused.remainingMs <= 0) {
        return { ...recordCommand(context, event), paused: null };
      }
      const dueAt = iso(resumedDeadline(rt.calendar, command.at, context.paused.remainingMs));
      return {
        ...recordCommand(context, event),
        paused: null,
        deadline: { ...context.deadline, dueAt },
        rectifyDueAt: context.deadline.step === 'rectify' ? dueAt : context.rectifyDueAt,
      };
    }),

    scheduleWarningOrDue: enqueueActions(({ context, event, enqueue }) => {
      if (!context.deadline) return;
      const at = eventTime(event);
      const warnBefore = rt.policyOf(context).escalation.warnBefore;
      if (warnBefore) {
        const warnAt = iso(rt.calendar.subtractDuration(context.deadline.dueAt, warnBefore));
        enqueue.raise({ type: 'TIMER.WARNING', at: warnAt }, { id: TIMER_IDS.warning, delay: delayUntil(warnAt, at) });
      } else {
        const dueAt = context.deadline.dueAt;
        enqueue.raise({ type: 'TIMER.DUE', at: dueAt }, { id: TIMER_IDS.due, delay: delayUntil(dueAt, at) });
      }
    }),
    scheduleDue: enqueueActions(({ context, event, enqueue }) => {
      if (!context.deadline) return;
      const dueAt = context.deadline.dueAt;
      enqueue.raise(
        { type: 'TIMER.DUE', at: dueAt },
        { id: TIMER_IDS.due, delay: delayUntil(dueAt, eventTime(event)) },
      );
    }),
    warn: enqueueActions(({ context, event, enqueue }) => {
      if (!context.deadline || context.warnedFor === context.deadline.dueAt) return;
      const owner: Role[] = context.deadline.owner === 'responsible' ? ['responsible', 'territory'] : ['regulator'];
      enqueue.assign({ warnedFor: context.deadline.dueAt });
      enqueue.emit(
        notification(context, eventTime(event), 'warning', owner, `${context.deadline.step} deadline approaching`),
      );
    }),
    markOverdue: enqueueActions(({ context, event, enqueue }) => {
      if (!context.deadline || context.overdueFor === context.deadline.dueAt) return;
      const owner: Role[] =
        context.deadline.owner === 'responsible' ? ['responsible', 'territory'] : ['regulator', 'command'];
      enqueue.assign({ overdueFor: context.deadline.dueAt, wentOverdue: true });
      enqueue.emit(
        notification(context, eventTime(event), 'overdue', owner, `${context.deadline.step} deadline passed`),
      );
    }),
    enterLevel: enqueueActions(({ context, event, enqueue }, rawParams) => {
      const params = rawParams as unknown as { level: number };
      if (params.level <= context.escalationLevel) return;
      const at = eventTime(event);
      const rung = ladder.find((r) => r.level === params.level);
      enqueue.assign({
        escalationLevel: params.level,
        maxEscalationLevel: Math.max(context.maxEscalationLevel, params.level),
        levelReachedAt: at,
        remindersSent: 0,
        listedSupervision: context.listedSupervision || reachesListedSupervision(context, params.level),
      });
      if (rung) {
        enqueue.emit(
          notification(
            { ...context, escalationLevel: params.level },
            at,
            'escalated',
            rung.notify,
            `escalated to level ${params.level}: ${rung.name.en}`,
            {
              level: params.level,
              action: rung.action,
            },
          ),
        );
      }
    }),
    raiseLevel: enqueueActions(({ context, event, enqueue }) => {
      const escalate = event as Extract<HazardEvent, { type: 'hazard.escalate' }>;
      if (escalate.level <= context.escalationLevel) return;
      const rung = ladder.find((r) => r.level === escalate.level);
      enqueue.assign({
        escalationLevel: escalate.level,
        maxEscalationLevel: Math.max(context.maxEscalationLevel, escalate.level),
        levelReachedAt: escalate.at,
        remindersSent: 0,
        listedSupervision: context.listedSupervision || reachesListedSupervision(context, escalate.level),
      });
      if (rung) {
        enqueue.emit(
          notification(
            { ...context, escalationLevel: escalate.level },
            escalate.at,
            'escalated',
            rung.notify,
            `escalated to level ${escalate.level}: ${escalate.reason}`,
            {
              level: escalate.level,
              action: rung.action,
            },
          ),
        );
      }
    }),
    scheduleEscalation: enqueueActions(({ context, event, enqueue }, rawParams) => {
      const params = rawParams as unknown as { level: number };
      const rung = ladder.find((r) => r.level === params.level);
      if (!rung || !context.deadline) return;
      const dueAt = iso(rt.calendar.addDuration(context.deadline.dueAt, rung.after));
      enqueue.raise(
        { type: 'TIMER.ESCALATE', at: dueAt, level: params.level },
        {
          id: TIMER_IDS.escalate,
          delay: delayUntil(dueAt, eventTime(event)),
        },
      );
    }),
    scheduleReminder: enqueueActions(({ context, event, enqueue }, rawParams) => {
      const params = rawParams as unknown as { level: number };
      const repeat = ladder.find((r) => r.level === params.level)?.repeat;
      if (!repeat || context.remindersSent >= repeat.times || context.escalationLevel !== params.level) return;
      const now = eventTime(event);
      let dueAt = context.levelReachedAt ?? now;
      for (let i = 0; i <= context.remindersSent; i++) dueAt = iso(rt.calendar.addDuration(dueAt, repeat.every));
      // The regular instant is past only when the clock stood still (paused) meanwhile: the
      // reminder skipped then is not sent late; the next comes one interval after now.
      if (!isAtOrAfter(dueAt, now)) dueAt = iso(rt.calendar.addDuration(now, repeat.every));
      enqueue.raise(
        { type: 'TIMER.REMIND', at: dueAt, level: params.level },
        {
          id: TIMER_IDS.remind,
          delay: delayUntil(dueAt, eventTime(event)),
        },
      );
    }),
    remind: enqueueActions(({ context, event, enqueue }, rawParams) => {
      const params = rawParams as unknown as { level: number };
      const rung = ladder.find((r) => r.level === params.level);
      if (!rung) return;
      const sent = context.remindersSent + 1;
      enqueue.assign({ remindersSent: sent });
      enqueue.emit(
        notification(context, eventTime(event), 'reminder', rung.notify, `reminder ${sent} at level ${params.level}`, {
          action: rung.action,
        }),
      );
    }),
  };

  // The regions are generated from the pack, so their action and guard references are
  // checked by the tests that walk every state, not by the type checker.
  return setup({
    types: {} as {
      context: HazardContext;
      events: HazardEvent;
      input: HazardInput;
      emitted: HazardEmitted;
    },
    guards: guards as never,
    actions: actions as never,
  }).createMachine({
    id: 'hazard',
    type: 'parallel',
    context: ({ input }: { input: HazardInput }) => rt.initialContext(input),
    on: {
      ADD_EVIDENCE: {
        guard: 'mayAct',
        actions: assign(({ context, event }) => ({
          pendingEvidence: [...context.pendingEvidence, ...(event as CommandOf<'ADD_EVIDENCE'>).evidence],
        })),
      },
      COMMENT: {
        guard: 'mayAct',
        actions: assign(({ context, event }) => ({ last: { ...context.last, COMMENT: stamp(event as CommandEvent) } })),
      },
    },
    states: {
      lifecycle: lifecycleRegion(ladder),
      escalation: escalationRegion(ladder),
      extension: extensionRegion,
      interimControl: interimControlRegion,
    },
  } as never);
}

function stamp(command: CommandEvent) {
  return { actorId: command.actor.id, role: command.actor.role, at: command.at };
}

/** The org a role means for this case. */
function orgOf(context: HazardContext, role: Role): string {
  switch (role) {
    case 'responsible':
      return context.responsible.id;
    case 'territory':
      return context.site.territory;
    case 'regulator':
      return context.regulator;
    case 'reporter':
      return context.reportedBy.actorId;
    default:
      return role;
  }
}

/**
 * The deadline once a paused clock runs again: the working time that was left, counted from
 * the resume. Time that runs out exactly at a midnight ran out on the working day before it,
 * so the deadline is that day's last instant, as every day-counted deadline is; the midnight
 * itself belongs to the next day, which may be a day off.
 */
function resumedDeadline(calendar: BusinessCalendar, resumedAt: string, remainingMs: number): Date {
  const end = calendar.addWorkingTime(resumedAt, remainingMs);
  const lastInstantBefore = new Date(end.getTime() - 1);
  return calendar.localDate(lastInstantBefore) === calendar.localDate(end) ? end : lastInstantBefore;
}
