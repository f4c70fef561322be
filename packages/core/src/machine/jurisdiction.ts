import type { Role } from '../vocabulary';
import type { HazardContext } from './hazard-context';

type CaseParties = Pick<HazardContext, 'site' | 'regulator' | 'responsible'>;

/**
 * The org an actor of this role must belong to to act on the case, or undefined when the role
 * is not bound to one (command is district-wide, the system and reporters are not orgs).
 * `authorize` checks jurisdiction with it; notifications address recipients with `orgOf`.
 */
export function jurisdictionOf(hazard: CaseParties, role: Role): string | undefined {
  switch (role) {
    case 'territory':
      return hazard.site.territory;
    case 'regulator':
      return hazard.regulator;
    case 'responsible':
      return hazard.responsible.id;
    default:
      return undefined;
  }
}

/** The org a role means for this case: its jurisdiction, the reporter's id, else the role itself. */
export function orgOf(hazard: CaseParties & Pick<HazardContext, 'reportedBy'>, role: Role): string {
  if (role === 'reporter') return hazard.reportedBy.actorId;
  return jurisdictionOf(hazard, role) ?? role;
}
