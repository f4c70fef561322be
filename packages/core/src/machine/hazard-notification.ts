import type { PolicyPack } from '../pack/schema';
import type { RoleRef } from '../party';
import type { HazardContext } from './hazard-context';
import type { HazardNotification, NotificationReason, Recipient } from './hazard-events';
import { orgOf } from './jurisdiction';

/**
 * The roles a case notifies, each with the org that role means for it. A pack's party the
 * case names no org for is left out: there is nobody to address.
 */
export function recipientsOf(context: HazardContext, roles: readonly RoleRef[]): Recipient[] {
  const officer = context.assignee?.officer;
  const recipients: Recipient[] = [];
  for (const role of roles) {
    const org = orgOf(context, role);
    if (org === undefined) continue;
    recipients.push(role === 'regulator' && officer !== undefined ? { role, org, officer } : { role, org });
  }
  return recipients;
}

/**
 * `notification` for a machine of this pack: besides the roles each call names, the pack's
 * parties whose `notifyOn` lists the reason are told (on cases that name their org). Action
 * factories build theirs once with the runtime's pack, so call sites stay as they were.
 */
export function notifierOf(pack: Pick<PolicyPack, 'parties'>): typeof notification {
  const byReason = new Map<NotificationReason, string[]>();
  for (const [id, party] of Object.entries(pack.parties ?? {})) {
    for (const reason of party.notifyOn ?? []) byReason.set(reason, [...(byReason.get(reason) ?? []), id]);
  }
  if (byReason.size === 0) return notification;
  return (context, at, reason, roles, message, extra) => {
    const parties = byReason.get(reason);
    const all = parties === undefined ? roles : [...roles, ...parties.filter((id) => !roles.includes(id))];
    return notification(context, at, reason, all, message, extra);
  };
}

/**
 * The roles told, with the case's industry departments (`HazardContext.industry`) added
 * wherever the regulator is told (三管三必须, 《安全生产法》 Art. 3), except of the case
 * officer's assignment, which is the department's internal matter.
 */
export function withIndustry(
  context: Pick<HazardContext, 'industry'>,
  reason: NotificationReason,
  roles: readonly RoleRef[],
): readonly RoleRef[] {
  const industry = context.industry;
  if (industry === undefined || reason === 'assigned' || !roles.includes('regulator')) return roles;
  const added = industry.filter((id) => !roles.includes(id));
  return added.length === 0 ? roles : [...roles, ...added];
}

/**
 * The notification the machine emits when people must be told: the case's current level and
 * tracked deadline unless `extra` names the level (an escalation tells the new one). The
 * case's industry departments are told with the regulator (`withIndustry`).
 */
export function notification(
  context: HazardContext,
  at: string,
  reason: NotificationReason,
  roles: readonly RoleRef[],
  message: string,
  extra: Partial<Pick<HazardNotification, 'action' | 'level' | 'stepLevel'>> = {},
): HazardNotification {
  return {
    type: 'hazard.notification',
    caseId: context.caseId,
    reason,
    level: extra.level ?? context.escalationLevel,
    recipients: recipientsOf(context, withIndustry(context, reason, roles)),
    at,
    dueAt: context.deadline?.dueAt ?? null,
    message,
    ...(extra.action ? { action: extra.action } : {}),
    ...(extra.stepLevel !== undefined ? { stepLevel: extra.stepLevel } : {}),
  };
}
