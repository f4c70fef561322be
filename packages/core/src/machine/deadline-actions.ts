import type { BusinessCalendar } from '../calendar/business-calendar';
import { formatDuration } from '../duration';
import type { RoleRef } from '../party';
import { delayUntil, eventTime, iso } from './case-time';
import { assign, enqueue, eventOf, raise, withParams } from './hazard-action-kit';
import type { TrackedDeadline } from './hazard-context';
import { notifierOf } from './hazard-notification';
import type { MachineRuntime } from './machine-runtime';
import { recordCommand } from './record-command';
import { TIMER_IDS } from './timer-ids';
import { warningInstant } from './warning-time';

/**
 * The actions around the one tracked deadline: which step it tracks, its warning and due
 * timers, extensions (延期), pausing the clock, interim controls, the follow-up window.
 */
export function createDeadlineActions(rt: MachineRuntime) {
  const notification = notifierOf(rt.pack);
  /**
   * Cases tracking the same step to the same instant (the end of a working day) share one
   * frozen deadline object: it is never changed in place (see examples/benchmarks/NOTES.md).
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

  return {
    cancelTimer: withParams<{ id: string }>().cancel((_, params) => params.id),
    trackStep: withParams<{ step: TrackedDeadline['step'] }>().enqueue(({ context, event, enqueue }, params) => {
      const at = eventTime(event);
      const kept = params.step === 'rectify' && context.rectifyDueAt !== null;
      const dueAt = kept ? (context.rectifyDueAt as string) : rt.deadlineFor(context, params.step, at);
      if (context.deadline?.step === params.step && context.deadline.dueAt === dueAt) return;
      enqueue.assign({
        deadline: track(params.step, dueAt),
        deadlineFrom: kept ? (context.rectifyFrom ?? null) : at,
      });
      enqueue.raise({ type: 'hazard.track', at });
    }),
    trackVerification: enqueue(({ context, event, enqueue }) => {
      const at = eventTime(event);
      const step = context.severity === 'major' ? 'acceptance' : 'verify';
      enqueue.assign({ deadline: track(step, rt.deadlineFor(context, step, at)), deadlineFrom: at });
      enqueue.raise({ type: 'hazard.track', at });
    }),
    scheduleWarningOrDue: enqueue(({ context, event, enqueue }) => {
      if (!context.deadline) return;
      const at = eventTime(event);
      const warnAt = warningInstant(rt, context);
      if (warnAt !== null) {
        enqueue.raise({ type: 'TIMER.WARNING', at: warnAt }, { id: TIMER_IDS.warning, delay: delayUntil(warnAt, at) });
      } else {
        const dueAt = context.deadline.dueAt;
        enqueue.raise({ type: 'TIMER.DUE', at: dueAt }, { id: TIMER_IDS.due, delay: delayUntil(dueAt, at) });
      }
    }),
    scheduleDue: enqueue(({ context, event, enqueue }) => {
      if (!context.deadline) return;
      const dueAt = context.deadline.dueAt;
      enqueue.raise(
        { type: 'TIMER.DUE', at: dueAt },
        { id: TIMER_IDS.due, delay: delayUntil(dueAt, eventTime(event)) },
      );
    }),
    warn: enqueue(({ context, event, enqueue }) => {
      if (!context.deadline || context.warnedFor === context.deadline.dueAt) return;
      const owner: RoleRef[] = context.deadline.owner === 'responsible' ? ['responsible', 'territory'] : ['regulator'];
      enqueue.assign({ warnedFor: context.deadline.dueAt });
      enqueue.emit(
        notification(context, eventTime(event), 'warning', owner, `${context.deadline.step} deadline approaching`),
      );
    }),
    markOverdue: enqueue(({ context, event, enqueue }) => {
      if (!context.deadline || context.overdueFor === context.deadline.dueAt) return;
      const owner: RoleRef[] =
        context.deadline.owner === 'responsible' ? ['responsible', 'territory'] : ['regulator', 'command'];
      enqueue.assign({ overdueFor: context.deadline.dueAt, wentOverdue: true });
      enqueue.emit(
        notification(context, eventTime(event), 'overdue', owner, `${context.deadline.step} deadline passed`),
      );
    }),
    scheduleFollowUpEnd: raise(
      ({ context, event }) => ({ type: 'TIMER.FOLLOW_UP_END' as const, at: context.followUpUntil ?? eventTime(event) }),
      {
        id: TIMER_IDS.followUpEnd,
        delay: ({ context, event }) => delayUntil(context.followUpUntil ?? eventTime(event), eventTime(event)),
      },
    ),

    requestExtension: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'REQUEST_EXTENSION');
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
    decideExtension: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'DECIDE_EXTENSION');
      const request = context.pendingExtension;
      enqueue.assign({ ...recordCommand(context, event), pendingExtension: null });
      if (!command.granted || !request || context.rectifyDueAt === null) return;
      const extendBy = command.extendBy ?? request.extendBy;
      const rectifyDueAt = iso(rt.calendar.addDuration(context.rectifyDueAt, extendBy));
      // Moved by an extension: no longer one duration from one instant (see `deadlineFrom`).
      enqueue.assign({ rectifyDueAt, rectifyFrom: null, extensionCount: context.extensionCount + 1 });
      if (context.deadline?.step !== 'rectify') return;
      enqueue.assign({ deadline: { ...context.deadline, dueAt: rectifyDueAt }, deadlineFrom: null });
      if (context.paused !== null) {
        const added = rt.calendar.workingTimeBetween(context.rectifyDueAt, rectifyDueAt);
        enqueue.assign({ paused: { ...context.paused, remainingMs: context.paused.remainingMs + added } });
      } else {
        enqueue.raise({ type: 'hazard.track', at: command.at });
      }
    }),
    startInterimControl: assign(({ context, event }) => ({
      ...recordCommand(context, event),
      interimControls: [...context.interimControls, eventOf(event, 'START_INTERIM_CONTROL').measure],
    })),
    liftInterimControl: assign(({ context, event }) => {
      const { measure } = eventOf(event, 'LIFT_INTERIM_CONTROL');
      return {
        ...recordCommand(context, event),
        interimControls: context.interimControls.filter((m) => m !== measure),
      };
    }),

    clearPause: assign({ paused: null }),
    pauseClock: assign(({ context, event }) => {
      const command = eventOf(event, 'PAUSE_CLOCK');
      const remainingMs = context.deadline ? rt.calendar.workingTimeBetween(command.at, context.deadline.dueAt) : 0;
      return { ...recordCommand(context, event), paused: { at: command.at, remainingMs, reason: command.reason } };
    }),
    resumeClock: assign(({ context, event }) => {
      const command = eventOf(event, 'RESUME_CLOCK');
      if (!context.deadline || !context.paused || context.paused.remainingMs <= 0) {
        return { ...recordCommand(context, event), paused: null };
      }
      const dueAt = iso(resumedDeadline(rt.calendar, command.at, context.paused.remainingMs));
      return {
        ...recordCommand(context, event),
        paused: null,
        deadline: { ...context.deadline, dueAt },
        deadlineFrom: null,
        rectifyDueAt: context.deadline.step === 'rectify' ? dueAt : context.rectifyDueAt,
        rectifyFrom: context.deadline.step === 'rectify' ? null : (context.rectifyFrom ?? null),
      };
    }),
  };
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
