import { enqueue, eventOf } from './hazard-action-kit';
import type { Assignee, HazardContext } from './hazard-context';
import { notification } from './hazard-notification';
import { recordCommand } from './record-command';

/**
 * Who works a case: the department's case officer (承办人, ASSIGN) and the party that answers
 * for the hazard (责任主体, CHANGE_RESPONSIBLE). Neither moves the case along its path nor
 * touches its deadlines; the audit entry of each names what it was before (the engine's
 * `assignmentReasons`).
 */
export function createAssignmentActions() {
  return {
    /** The officer is assigned (or replaces the one before) and told the case is theirs. */
    assignOfficer: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'ASSIGN');
      const assignee: Assignee = {
        officer: command.officer,
        assignedBy: command.actor.id,
        assignedAt: command.at,
        ...(command.reason !== undefined ? { reason: command.reason } : {}),
      };
      const changes = { ...recordCommand(context, event), assignee };
      const next: HazardContext = { ...context, ...changes };
      enqueue.assign(changes);
      const before = context.assignee?.officer;
      enqueue.emit(
        notification(
          next,
          command.at,
          'assigned',
          ['regulator'],
          before === undefined
            ? `assigned to ${command.officer} by ${command.actor.id}`
            : `re-assigned from ${before} to ${command.officer} by ${command.actor.id}`,
        ),
      );
    }),
    /**
     * Another party answers for the hazard from now on. The running deadline stays: it is the
     * hazard's (set by the notice, or the plan), and the new party asks for more time the
     * usual way (REQUEST_EXTENSION); the escalation level stays too (lateness is the case's).
     * The new party is told it answers now, the one before that it no longer does.
     */
    changeResponsible: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'CHANGE_RESPONSIBLE');
      const { id, name, principal } = command.responsible;
      const responsible = {
        id,
        ...(name !== undefined ? { name } : {}),
        ...(principal !== undefined ? { principal } : {}),
      };
      const changes = { ...recordCommand(context, event), responsible };
      const next: HazardContext = { ...context, ...changes };
      enqueue.assign(changes);
      const change = `responsible party changed from ${context.responsible.id} to ${responsible.id}: ${command.reason}`;
      enqueue.emit(notification(next, command.at, 'responsible_changed', ['responsible'], change));
      enqueue.emit(notification(context, command.at, 'responsible_released', ['responsible'], change));
    }),
  };
}
