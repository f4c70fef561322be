import type { CommandEvent } from '../commands';
import type { RoleRef } from '../party';
import type { Bilingual } from '../vocabulary';

/**
 * Timer events. Each carries its own due instant as `at`, so a timer fired by XState's
 * scheduler (standalone use) and one fired by the engine from a timer row (durable use)
 * are the same event.
 */
export type TimerEvent =
  | { type: 'TIMER.WARNING'; at: string }
  | { type: 'TIMER.DUE'; at: string }
  | { type: 'TIMER.ESCALATE'; at: string; level: number }
  | { type: 'TIMER.REMIND'; at: string; level: number }
  | { type: 'TIMER.ACK_DUE'; at: string }
  | { type: 'TIMER.UNACKNOWLEDGED'; at: string; level: number }
  | { type: 'TIMER.FOLLOW_UP_END'; at: string }
  /** The interim control of an imminent danger is due (`deadlines.interimControl`). */
  | { type: 'TIMER.INTERIM_DUE'; at: string }
  /** A temporary seal (ENFORCE) ends soon: its warning, `enforcement.<recordId>.warning`. */
  | { type: 'TIMER.SEAL_WARNING'; at: string; recordId: string }
  /** A temporary seal's term is over: `enforcement.<recordId>.expiry`. */
  | { type: 'TIMER.SEAL_EXPIRY'; at: string; recordId: string };

export const TIMER_EVENT_TYPES = [
  'TIMER.WARNING',
  'TIMER.DUE',
  'TIMER.ESCALATE',
  'TIMER.REMIND',
  'TIMER.ACK_DUE',
  'TIMER.UNACKNOWLEDGED',
  'TIMER.FOLLOW_UP_END',
  'TIMER.INTERIM_DUE',
  'TIMER.SEAL_WARNING',
  'TIMER.SEAL_EXPIRY',
] as const;

/** Events the machine raises to itself so its regions stay in step; never sent from outside. */
export type InternalEvent =
  | { type: 'hazard.track'; at: string }
  | { type: 'hazard.untrack'; at: string }
  | { type: 'hazard.escalate'; at: string; level: number; reason: string }
  | { type: 'hazard.ended'; at: string };

export type HazardEvent = CommandEvent | TimerEvent | InternalEvent;

/** Why people are told something. */
export type NotificationReason =
  | 'notice_issued'
  | 'listed_supervision'
  | 'imminent_danger'
  | 'warning'
  | 'overdue'
  | 'escalated'
  | 'reminder'
  /** A step the regulator owns is late and climbed a rung of `escalation.regulatorLadder`. */
  | 'step_escalated'
  /** A rung of the regulator's ladder repeats itself while the step stays late. */
  | 'step_reminder'
  | 'acknowledgement_overdue'
  /** An imminent danger has no interim control in place when `deadlines.interimControl` ran out. */
  | 'interim_control_overdue'
  | 'verification_failed'
  | 'extension_requested'
  | 'closed'
  | 'reopened'
  /** The case officer (ASSIGN) is told the case is theirs. */
  | 'assigned'
  /** A new responsible party (CHANGE_RESPONSIBLE) is told it answers for the hazard now. */
  | 'responsible_changed'
  /** The party that answered before is told it no longer does. */
  | 'responsible_released'
  /** An enforcement measure (ENFORCE) was taken against the responsible party. */
  | 'enforcement'
  /** A measure was lifted (LIFT_ENFORCEMENT). */
  | 'enforcement_lifted'
  /** A temporary seal's term ends soon (24 h before by default). */
  | 'seal_expiring'
  /** A temporary seal's term is over: the regulator decides whether to extend it or act. */
  | 'seal_expired';

/**
 * A role and the org that role means for this case (street, department, party, 'command');
 * for a pack's party (`maintenance-unit`), the org the case names for it. A recipient of the
 * regulator names the case officer too when one is assigned (ASSIGN), so a receiver that
 * routes by role and org keeps working and one that knows officers can reach the person.
 */
export interface Recipient {
  role: RoleRef;
  org: string;
  officer?: string;
}

/** Emitted (XState `emit`) whenever people must be told; the application maps roles to people. */
export interface HazardNotification {
  type: 'hazard.notification';
  caseId: string;
  reason: NotificationReason;
  level: number;
  recipients: Recipient[];
  at: string;
  dueAt: string | null;
  action?: Bilingual;
  /** The rung of the regulator's ladder, on `step_escalated` and `step_reminder`. */
  stepLevel?: number;
  message: string;
}

export type HazardEmitted = HazardNotification;
