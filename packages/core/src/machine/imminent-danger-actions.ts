import type { RoleRef } from '../party';
import { delayUntil, eventTime, iso } from './case-time';
import { enqueue } from './hazard-action-kit';
import type { HazardContext } from './hazard-context';
import type { HazardNotification } from './hazard-events';
import { notifierOf } from './hazard-notification';
import type { MachineRuntime } from './machine-runtime';
import { TIMER_IDS } from './timer-ids';

/** Who is told of an imminent danger (重大险情): everyone who must act now (Law Art. 65). */
export const IMMINENT_DANGER_ROLES: readonly RoleRef[] = Object.freeze([
  'responsible',
  'territory',
  'regulator',
  'command',
]) as readonly RoleRef[];

/** Who is told when an imminent danger still has no interim control at its deadline. */
const INTERIM_OVERDUE_ROLES: readonly RoleRef[] = Object.freeze(['regulator', 'command']) as readonly RoleRef[];

/**
 * What marking a case an imminent danger at `at` does: the interim-control deadline
 * (`deadlines.interimControl`, hours from now), the notification telling everyone at once,
 * and the timer checking that the interim control started in time (none when one already
 * has). Undefined for a case already marked with a deadline.
 */
export function imminentDangerStart(
  rt: MachineRuntime,
  context: HazardContext,
  at: string,
): { interimDueAt: string; notice: HazardNotification; timer: boolean } | undefined {
  if (context.imminentDanger && (context.interimDueAt ?? null) !== null) return undefined;
  const interimDueAt = iso(rt.calendar.addDuration(at, rt.interimControlDeadline(context)));
  const notice: HazardNotification = {
    ...notifierOf(rt.pack)(
      context,
      at,
      'imminent_danger',
      IMMINENT_DANGER_ROLES,
      `imminent danger: evacuate, cordon or suspend now (Work Safety Law Art. 65); interim control due by ${interimDueAt}`,
    ),
    dueAt: interimDueAt,
  };
  return { interimDueAt, notice, timer: context.interimControls.length === 0 };
}

/** The delayed event of the interim-control deadline. */
export function interimDueTimer(interimDueAt: string, at: string) {
  return [
    { type: 'TIMER.INTERIM_DUE' as const, at: interimDueAt },
    { id: TIMER_IDS.interimDue, delay: delayUntil(interimDueAt, at) },
  ] as const;
}

const ENDED_KEYS = ['closedAt', 'dismissReason', 'transferredTo'] as const;

/** Imminent danger from the moment of report, and the interim-control deadline it starts. */
export function createImminentDangerActions(rt: MachineRuntime) {
  const notification = notifierOf(rt.pack);
  return {
    /**
     * Root entry: grades the report as filed (category and findings, no triage yet). A
     * category or rule that marks imminent danger applies now, not only at triage.
     */
    assessImminentDanger: enqueue(({ context, event, enqueue }) => {
      const at = eventTime(event);
      const graded = rt.classify(context, { category: context.category, findings: context.findings, at });
      if (!graded.imminentDanger) return;
      const start = imminentDangerStart(rt, context, at);
      if (!start) return;
      enqueue.assign({ imminentDanger: true, interimDueAt: start.interimDueAt, classificationReasons: graded.reasons });
      enqueue.emit(start.notice);
      if (start.timer) enqueue.raise(...interimDueTimer(start.interimDueAt, at));
    }),
    /** The interim control was not in place at its deadline: the regulator and command are told. */
    notifyInterimControlOverdue: enqueue(({ context, event, enqueue }) => {
      if (context.interimControls.length > 0 || ENDED_KEYS.some((key) => context[key] !== null)) return;
      const at = eventTime(event);
      enqueue.emit({
        ...notification(
          context,
          at,
          'interim_control_overdue',
          INTERIM_OVERDUE_ROLES,
          `imminent danger without interim control past ${context.interimDueAt ?? at}`,
        ),
        dueAt: context.interimDueAt ?? null,
      });
    }),
  };
}
