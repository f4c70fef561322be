import type { HazardNotification, Recipient } from '@hazardflow/core';

/** Where a notification's delivery stands: waiting (or being retried), done, or given up (dead letter). */
export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

/**
 * One notification as the outbox holds it (DESIGN.md decision 10): written in the commit that
 * produced it, then claimed, delivered and settled by a dispatcher. `id` is stable
 * (`caseId:auditSeq:index`) and is what receivers deduplicate on; the audit entry that
 * produced the notification lists it under `notifications`.
 */
export interface Delivery {
  id: string;
  caseId: string;
  notification: HazardNotification;
  recipients: Recipient[];
  status: DeliveryStatus;
  /** How many times the row was claimed for delivery (a claim whose lease ran out counts). */
  attempts: number;
  /** Not before this instant is the row claimed again (while pending). */
  nextAttemptAt: string;
  createdAt: string;
  /** What the application's `deliver` returned (or `{ deliveredAt }`), once delivered. */
  receipt: unknown;
  deliveredAt: string | null;
  /** The last failure's message, for a pending row being retried or a dead one. */
  lastError: string | null;
}

/** A new outbox row, as a commit carries it: pending, never attempted. */
export type OutboxRow = Omit<Delivery, 'status' | 'attempts' | 'receipt' | 'deliveredAt' | 'lastError'> & {
  status: 'pending';
  attempts: 0;
};

/** How a dispatcher settles a row it claimed. */
export type OutboxSettlement =
  | { status: 'delivered'; at: string; receipt: unknown }
  | { status: 'pending'; nextAttemptAt: string; error: string }
  | { status: 'dead'; at: string; error: string };

export interface OutboxClaim {
  limit: number;
  owner: string;
  leaseMs: number;
}

export interface DeliveryFilter {
  caseId?: string;
  status?: DeliveryStatus;
}

/** The stable id of the `index`-th notification of audit entry `seq` of a case. */
export function notificationId(caseId: string, seq: number, index: number): string {
  return `${caseId}:${seq}:${index}`;
}

/** The outbox rows of one commit: one per notification, due at once. */
export function outboxRowsOf(
  caseId: string,
  seq: number,
  at: string,
  notifications: readonly HazardNotification[],
): OutboxRow[] {
  return notifications.map((notification, index) => ({
    id: notificationId(caseId, seq, index),
    caseId,
    notification,
    recipients: notification.recipients,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
  }));
}
