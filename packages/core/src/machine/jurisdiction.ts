import { isBuiltInRole, type RoleRef } from '../party';
import type { HazardContext } from './hazard-context';

type CaseParties = Pick<HazardContext, 'site' | 'regulator' | 'responsible' | 'parties'>;

/**
 * The org an actor of this role must belong to to act on the case, or undefined when the role
 * is not bound to one (command is district-wide, the system and reporters are not orgs).
 * A pack's party is bound to its org on the case (`HazardContext.parties`); see
 * `partyOrgOf` for a party the case names no org for. `authorize` checks jurisdiction with
 * it; notifications address recipients with `orgOf`.
 */
export function jurisdictionOf(hazard: CaseParties, role: RoleRef): string | undefined {
  switch (role) {
    case 'territory':
      return hazard.site.territory;
    case 'regulator':
      return hazard.regulator;
    case 'responsible':
      return hazard.responsible.id;
    default:
      return isBuiltInRole(role) ? undefined : partyOrgOf(hazard, role);
  }
}

/** The org a pack's party is on this case, or undefined when the case names none. */
export function partyOrgOf(hazard: Pick<HazardContext, 'parties'>, party: string): string | undefined {
  const parties = hazard.parties;
  return parties !== undefined && Object.hasOwn(parties, party) ? parties[party] : undefined;
}

/**
 * The org a role means for this case: its jurisdiction, the reporter's id, else the role
 * itself; undefined for a pack's party the case names no org for (nobody to tell).
 */
export function orgOf(hazard: CaseParties & Pick<HazardContext, 'reportedBy'>, role: RoleRef): string | undefined {
  if (role === 'reporter') return hazard.reportedBy.actorId;
  if (!isBuiltInRole(role)) return partyOrgOf(hazard, role);
  return jurisdictionOf(hazard, role) ?? role;
}
