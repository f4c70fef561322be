import { eventTime } from './case-time';
import { enqueue, eventOf } from './hazard-action-kit';
import type { HazardContext } from './hazard-context';
import { notifierOf } from './hazard-notification';
import { partyOrgOf } from './jurisdiction';
import type { MachineRuntime } from './machine-runtime';
import { recordCommand } from './record-command';

/**
 * Which department regulates a case nobody regulated (监管盲区): the district safety committee
 * is told of it at once and assigns one of the pack's parties (《安全生产法》 Art. 10 ¶2: where
 * regulatory responsibility is unclear, the local government decides it).
 */
export function createDepartmentActions(rt: MachineRuntime) {
  const notification = notifierOf(rt.pack);
  return {
    /** Root entry: a case reported at an unregulated place type goes to the committee's queue. */
    announceRegulatoryGap: enqueue(({ context, event, enqueue }) => {
      if (context.regulatoryGap !== true) return;
      enqueue.emit(
        notification(
          context,
          eventTime(event),
          'regulatory_gap',
          ['command'],
          `no department regulates place type ${context.site.placeType ?? '(none)'}; the safety committee assigns one (Work Safety Law Art. 10)`,
        ),
      );
    }),
    /**
     * The party the committee chose regulates the case from now on: its org on the case
     * becomes the regulator and the gap is closed. A case officer of the department before
     * is no longer the case's (the new department assigns its own); deadlines stay.
     */
    assignDepartment: enqueue(({ context, event, enqueue }) => {
      const command = eventOf(event, 'ASSIGN_DEPARTMENT');
      // The rule check (`ruleViolation`) refused a party the case names no org for.
      const regulator = partyOrgOf(context, command.regulator) as string;
      const changes = { ...recordCommand(context, event), regulator, regulatoryGap: false, assignee: null };
      const next: HazardContext = { ...context, ...changes };
      enqueue.assign(changes);
      enqueue.emit(
        notification(
          next,
          command.at,
          'assigned',
          ['regulator'],
          `${command.regulator} (${regulator}) assigned to regulate the case by ${command.actor.id}: ${command.reason}`,
        ),
      );
    }),
  };
}
