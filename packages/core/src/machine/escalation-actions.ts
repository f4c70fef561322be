import { listedByFact } from './case-actions';
import { delayUntil, eventTime, isAtOrAfter, iso } from './case-time';
import { emit, eventOf, raise, withParams } from './hazard-action-kit';
import { notifierOf } from './hazard-notification';
import type { MachineRuntime } from './machine-runtime';
import { TIMER_IDS } from './timer-ids';

/** The escalation ladder's actions: reaching a level, the timers to the next one, reminders. */
export function createEscalationActions(rt: MachineRuntime) {
  const notification = notifierOf(rt.pack);
  const ladder = rt.pack.escalation.ladder;
  const rungOf = (level: number) => ladder.find((r) => r.level === level);

  return {
    /**
     * The case reaches `level`: by time on the ladder (entry of a level state, the rung's name
     * says why) or raised by an event (`hazard.escalate`, whose reason says why). Never lowers.
     */
    enterLevel: withParams<{ level: number; reason?: string }>().enqueue(({ context, event, enqueue }, params) => {
      if (params.level <= context.escalationLevel) return;
      const at = eventTime(event);
      const rung = rungOf(params.level);
      enqueue.assign({
        escalationLevel: params.level,
        maxEscalationLevel: Math.max(context.maxEscalationLevel, params.level),
        levelReachedAt: at,
        remindersSent: 0,
        listedSupervision: context.listedSupervision || listedByFact(rt, context, context.severity, params.level),
      });
      if (rung) {
        enqueue.emit(
          notification(
            { ...context, escalationLevel: params.level },
            at,
            'escalated',
            rung.notify,
            `escalated to level ${params.level}: ${params.reason ?? rung.name.en}`,
            { level: params.level, action: rung.action },
          ),
        );
      }
    }),
    scheduleEscalation: withParams<{ level: number }>().enqueue(({ context, event, enqueue }, params) => {
      const rung = rungOf(params.level);
      if (!rung || !context.deadline) return;
      const dueAt = iso(rt.calendar.addDuration(context.deadline.dueAt, rung.after));
      enqueue.raise(
        { type: 'TIMER.ESCALATE', at: dueAt, level: params.level },
        { id: TIMER_IDS.escalate, delay: delayUntil(dueAt, eventTime(event)) },
      );
    }),
    scheduleReminder: withParams<{ level: number }>().enqueue(({ context, event, enqueue }, params) => {
      const repeat = rungOf(params.level)?.repeat;
      if (!repeat || context.remindersSent >= repeat.times || context.escalationLevel !== params.level) return;
      const now = eventTime(event);
      let dueAt = context.levelReachedAt ?? now;
      for (let i = 0; i <= context.remindersSent; i++) dueAt = iso(rt.calendar.addDuration(dueAt, repeat.every));
      // The regular instant is past only when the clock stood still (paused) meanwhile: the
      // reminder skipped then is not sent late; the next comes one interval after now.
      if (!isAtOrAfter(dueAt, now)) dueAt = iso(rt.calendar.addDuration(now, repeat.every));
      enqueue.raise(
        { type: 'TIMER.REMIND', at: dueAt, level: params.level },
        { id: TIMER_IDS.remind, delay: delayUntil(dueAt, now) },
      );
    }),
    remind: withParams<{ level: number }>().enqueue(({ context, event, enqueue }, params) => {
      const rung = rungOf(params.level);
      if (!rung) return;
      const sent = context.remindersSent + 1;
      enqueue.assign({ remindersSent: sent });
      enqueue.emit(
        notification(context, eventTime(event), 'reminder', rung.notify, `reminder ${sent} at level ${params.level}`, {
          action: rung.action,
        }),
      );
    }),

    /** A notice not acknowledged in time climbs to `level` (a rung with `unacknowledgedAfter`). */
    scheduleUnacknowledged: withParams<{ level: number }>().enqueue(({ context, event, enqueue }, params) => {
      const rung = rungOf(params.level);
      if (!rung?.unacknowledgedAfter || context.escalationLevel >= params.level) return;
      const at = eventTime(event);
      const dueAt = iso(rt.calendar.addDuration(context.noticeIssuedAt ?? at, rung.unacknowledgedAfter));
      enqueue.raise(
        { type: 'TIMER.UNACKNOWLEDGED', at: dueAt, level: params.level },
        { id: TIMER_IDS.unacknowledged(params.level), delay: delayUntil(dueAt, at) },
      );
    }),
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
      const timer = eventOf(event, 'TIMER.UNACKNOWLEDGED');
      return { type: 'hazard.escalate' as const, at: timer.at, level: timer.level, reason: 'notice not acknowledged' };
    }),
  };
}
