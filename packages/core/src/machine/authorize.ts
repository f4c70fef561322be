import type { Actor } from '../actor';
import { DEFAULT_PERMISSIONS } from '../pack/default-permissions';
import { knownRoles, unknownRoleMessage } from '../pack/party-checks';
import type { PolicyPack } from '../pack/schema';
import { isBuiltInRole } from '../party';
import type { CommandType } from '../vocabulary';
import type { HazardContext } from './hazard-context';
import { jurisdictionOf, partyOrgOf } from './jurisdiction';

/** Why a command may not be issued by this actor. Data, so the engine can return it as is. */
export type AuthorizationResult =
  | { ok: true }
  | { ok: false; code: 'FORBIDDEN' | 'SEPARATION_OF_DUTIES'; message: string };

const OK: AuthorizationResult = Object.freeze({ ok: true });

/**
 * What an industry department (行业主管部门) may do on a case of its place type, whatever the
 * pack's permissions say: put its view on record and add what it found (《安全生产法》 Art. 3,
 * 管行业必须管安全). Grading, notices and verification stay with the regulator.
 */
export const INDUSTRY_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(['COMMENT', 'ADD_EVIDENCE']);

/**
 * The one source of truth for permission: the machine's guards call it and the engine calls
 * it first to return a precise error. Checks, in order: the role may issue the command
 * (pack permissions, else the defaults; a role that is neither built in nor one of the pack's
 * parties may do nothing); jurisdiction (a territory or regulator acts only on cases of its
 * own org, a responsible party only on its own cases, a pack's party only on cases that name
 * its org for that party, a reporter only on cases it reported; command is district-wide);
 * an industry department of the case's place type may always COMMENT and ADD_EVIDENCE
 * (`INDUSTRY_COMMANDS`); the extra rules that are law rather than configuration (territory staff verify general
 * hazards only; whoever submitted a rectification cannot verify it).
 */
export function authorize(
  policy: Pick<PolicyPack, 'permissions'> & Partial<Pick<PolicyPack, 'parties'>>,
  hazard: Pick<HazardContext, 'site' | 'regulator' | 'responsible' | 'severity' | 'rectifiedBy' | 'reportedBy'> &
    Partial<Pick<HazardContext, 'parties' | 'industry'>>,
  command: CommandType,
  actor: Actor,
): AuthorizationResult {
  if (actor.role === 'system') {
    return deny('FORBIDDEN', `${command} is a person's decision; the system actor may not issue it`);
  }
  // `command` may come straight from a caller: only a command's own name is looked up, never
  // a key every object inherits (`toString`, `constructor`).
  if (!Object.hasOwn(DEFAULT_PERMISSIONS, command)) {
    return deny('FORBIDDEN', `"${String(command)}" is not a command`);
  }
  const party = !isBuiltInRole(actor.role);
  if (party && !Object.hasOwn(policy.parties ?? {}, actor.role)) {
    return deny('FORBIDDEN', unknownRoleMessage(actor.role, knownRoles(policy)));
  }
  const roles: readonly string[] =
    (Object.hasOwn(policy.permissions, command) ? policy.permissions[command] : undefined) ??
    DEFAULT_PERMISSIONS[command];
  const asIndustry = party && INDUSTRY_COMMANDS.has(command) && (hazard.industry ?? []).includes(actor.role);
  if (!roles.includes(actor.role) && !asIndustry) {
    return deny('FORBIDDEN', `role "${actor.role}" may not ${command}; allowed: ${roles.join(', ') || 'nobody'}`);
  }
  if (party && partyOrgOf(hazard, actor.role) === undefined) {
    return deny('FORBIDDEN', `this case names no org as its ${actor.role}, so no ${actor.role} may act on it`);
  }
  const jurisdiction = jurisdictionOf(hazard, actor.role);
  if (jurisdiction !== undefined && actor.org !== jurisdiction) {
    return deny(
      'FORBIDDEN',
      `${actor.role} "${actor.id}" of org "${actor.org ?? '(none)'}" has no jurisdiction over this case (org "${jurisdiction}")`,
    );
  }
  // A member of the public speaks only to what they reported themselves.
  if (actor.role === 'reporter' && hazard.reportedBy.actorId !== actor.id) {
    return deny('FORBIDDEN', `reporter "${actor.id}" did not report this case`);
  }
  if (command === 'VERIFY' && actor.role === 'territory' && hazard.severity === 'major') {
    return deny('FORBIDDEN', 'a major hazard is verified by the regulator, not by territory staff');
  }
  if (command === 'VERIFY' && hazard.rectifiedBy !== null && hazard.rectifiedBy === actor.id) {
    return deny('SEPARATION_OF_DUTIES', `"${actor.id}" submitted the rectification and cannot verify it`);
  }
  return OK;
}

function deny(code: 'FORBIDDEN' | 'SEPARATION_OF_DUTIES', message: string): AuthorizationResult {
  return { ok: false, code, message };
}
