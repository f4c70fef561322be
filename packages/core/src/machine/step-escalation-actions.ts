import { delayUntil, eventTime, isAtOrAfter, iso } from './case-time';
import { withParams } from './hazard-action-kit';
import type { HazardContext, StepEscalation } from './hazard-context';
import { notifierOf } from './hazard-notification';
import type { MachineRuntime } from './machine-runtime';
import { TIMER_IDS } from './timer-ids';

/**
 * The actions of the regulator's ladder (`escalation.regulatorLadder`): a step the regulator
 * owns (triage, notice, plan review, verification, acceptance) that is late climbs it as the
 * responsible party's rectification climbs the main ladder, with its own rungs and reminders.
 * The timers reuse the main ladder's ids: only one of the two ladders runs at a time.
 */
export function createStepEscalationActions(rt: MachineRuntime) {
  const notification = notifierOf(rt.pack);
  const ladder = rt.pack.escalation.regulatorLadder;
  const rungOf = (level: number) => ladder.find((r) => r.level === level);

  /** The climb of the deadline being watched, or undefined when it has not started. */
  const climbOf = (context: HazardContext): StepEscalation | undefined => {
    const climb = context.stepEscalation ?? null;
    const deadline = context.deadline;
    if (!climb || !deadline || climb.dueAt !== deadline.dueAt || climb.step !== deadline.step) return undefined;
    return climb;
  };

  return {
    /** The late step reaches rung `level`; a region re-entered at the same rung tells nobody twice. */
    enterStepLevel: withParams<{ level: number }>().enqueue(({ context, event, enqueue }, params) => {
      const deadline = context.deadline;
      const rung = rungOf(params.level);
      if (!deadline || !rung || (climbOf(context)?.level ?? 0) >= params.level) return;
      const at = eventTime(event);
      enqueue.assign({
        stepEscalation: {
          step: deadline.step,
          dueAt: deadline.dueAt,
          level: params.level,
          reachedAt: at,
          remindersSent: 0,
        },
      });
      enqueue.emit(
        notification(
          context,
          at,
          'step_escalated',
          rung.notify,
          `${deadline.step} step late, rung ${params.level}: ${rung.name.en}`,
          { action: rung.action, stepLevel: params.level },
        ),
      );
    }),
    scheduleStepEscalation: withParams<{ level: number }>().enqueue(({ context, event, enqueue }, params) => {
      const rung = rungOf(params.level);
      if (!rung || !context.deadline) return;
      const dueAt = iso(rt.calendar.addDuration(context.deadline.dueAt, rung.after));
      enqueue.raise(
        { type: 'TIMER.ESCALATE', at: dueAt, level: params.level },
        { id: TIMER_IDS.escalate, delay: delayUntil(dueAt, eventTime(event)) },
      );
    }),
    scheduleStepReminder: withParams<{ level: number }>().enqueue(({ context, event, enqueue }, params) => {
      const repeat = rungOf(params.level)?.repeat;
      const climb = climbOf(context);
      if (!repeat || !climb || climb.level !== params.level || climb.remindersSent >= repeat.times) return;
      const now = eventTime(event);
      let dueAt = climb.reachedAt;
      for (let i = 0; i <= climb.remindersSent; i++) dueAt = iso(rt.calendar.addDuration(dueAt, repeat.every));
      if (!isAtOrAfter(dueAt, now)) dueAt = iso(rt.calendar.addDuration(now, repeat.every));
      enqueue.raise(
        { type: 'TIMER.REMIND', at: dueAt, level: params.level },
        { id: TIMER_IDS.remind, delay: delayUntil(dueAt, now) },
      );
    }),
    stepRemind: withParams<{ level: number }>().enqueue(({ context, event, enqueue }, params) => {
      const rung = rungOf(params.level);
      const climb = climbOf(context);
      if (!rung || !climb) return;
      const sent = climb.remindersSent + 1;
      enqueue.assign({ stepEscalation: { ...climb, remindersSent: sent } });
      enqueue.emit(
        notification(
          context,
          eventTime(event),
          'step_reminder',
          rung.notify,
          `${climb.step} step still late: reminder ${sent} at rung ${params.level}`,
          { action: rung.action, stepLevel: params.level },
        ),
      );
    }),
  };
}
