import type { Role } from '../vocabulary';
import type { HazardContext } from './hazard-context';
import type { HazardNotification, NotificationReason, Recipient } from './hazard-events';
import { orgOf } from './jurisdiction';

/**
 * The roles a case notifies, each with the org that role means for it; the regulator's
 * recipient also names the case officer when one is assigned.
 */
export function recipientsOf(context: HazardContext, roles: readonly Role[]): Recipient[] {
  const officer = context.assignee?.officer;
  return roles.map((role) =>
    role === 'regulator' && officer !== undefined
      ? { role, org: orgOf(context, role), officer }
      : { role, org: orgOf(context, role) },
  );
}

/**
 * The notification the machine emits when people must be told: the case's current level and
 * tracked deadline unless `extra` names the level (an escalation tells the new one).
 */
export function notification(
  context: HazardContext,
  at: string,
  reason: NotificationReason,
  roles: readonly Role[],
  message: string,
  extra: Partial<Pick<HazardNotification, 'action' | 'level' | 'stepLevel'>> = {},
): HazardNotification {
  return {
    type: 'hazard.notification',
    caseId: context.caseId,
    reason,
    level: extra.level ?? context.escalationLevel,
    recipients: recipientsOf(context, roles),
    at,
    dueAt: context.deadline?.dueAt ?? null,
    message,
    ...(extra.action ? { action: extra.action } : {}),
    ...(extra.stepLevel !== undefined ? { stepLevel: extra.stepLevel } : {}),
  };
}
