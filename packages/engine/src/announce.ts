import type { Actor, HazardNotification, Status } from '@hazardflow/core';
import type { CaseView } from './case-view';
import type { EngineEmitter } from './engine-events';

/** The change a commit made, as its events tell it. */
export interface Announced {
  previous?: { status: Status | null } | undefined;
  actor: Actor;
  command: string;
  at: string;
}

/**
 * Event fan-out after a commit: what happened to the case (reported, transitioned, closed)
 * and each notification under its own event and under `notification`.
 */
export function announce(
  emitter: EngineEmitter,
  view: CaseView,
  args: Announced,
  notifications: readonly HazardNotification[],
  /** false when a dispatcher emits `notification` once delivery is recorded. */
  notificationEvent = true,
): void {
  const change = {
    case: view,
    command: args.command,
    actor: args.actor,
    from: args.previous?.status ?? null,
    to: view.status,
    at: args.at,
  };
  if (!args.previous) emitter.emit('case.reported', change);
  else if (change.from !== change.to) emitter.emit('case.transitioned', change);
  for (const n of notifications) {
    if (n.reason === 'warning') emitter.emit('case.warned', n, view);
    if (n.reason === 'overdue') emitter.emit('case.overdue', n, view);
    if (n.reason === 'escalated' || n.reason === 'listed_supervision') emitter.emit('case.escalated', n, view);
    if (notificationEvent) emitter.emit('notification', n, view);
  }
  if (change.from !== 'closed' && change.to === 'closed') emitter.emit('case.closed', change);
}
