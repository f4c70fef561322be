import type { HazardContext } from '@hazardflow/core';

/**
 * What an audit entry says a change of who works the case replaced: the officer before and
 * after an ASSIGN, the responsible party before and after a CHANGE_RESPONSIBLE, the regulator before and after an ASSIGN_DEPARTMENT. The command's
 * payload names only the new one; accountability (问责) needs both in the entry itself.
 * Empty for every other command.
 */
export function assignmentReasons(command: string, before: HazardContext, after: HazardContext): string[] {
  switch (command) {
    case 'ASSIGN':
      return [`officer: ${before.assignee?.officer ?? '(none)'} → ${after.assignee?.officer ?? '(none)'}`];
    case 'CHANGE_RESPONSIBLE':
      return [`responsible: ${before.responsible.id} → ${after.responsible.id}`];
    case 'ASSIGN_DEPARTMENT':
      return [`regulator: ${before.regulator} → ${after.regulator}`];
    default:
      return [];
  }
}
