import type { CommandType, Role } from '../vocabulary';

/**
 * Who may issue each command when a pack says nothing. A pack's `permissions` replace the
 * entry for a command, never merge into it. Jurisdiction applies on top: a territory or
 * regulator actor acts only on cases of its own org; `command` acts district-wide.
 */
export const DEFAULT_PERMISSIONS: Readonly<Record<CommandType, readonly Role[]>> = {
  TRIAGE: ['regulator'],
  // A grade is decided by the department that graded it, or by the district committee.
  CONFIRM_GRADE: ['regulator', 'command'],
  FIX_ON_SPOT: ['regulator', 'territory'],
  DISMISS: ['regulator', 'command'],
  TRANSFER: ['regulator', 'command'],
  // The case officer (承办人) is the department's own choice: any officer of the case's
  // regulator (jurisdiction) assigns, re-assigns or takes a case; the audit says who did.
  ASSIGN: ['regulator'],
  // Who answers for a hazard is the regulator's finding (the notice is addressed to that party).
  CHANGE_RESPONSIBLE: ['regulator'],
  ISSUE_NOTICE: ['regulator'],
  ACKNOWLEDGE: ['responsible'],
  SUBMIT_PLAN: ['responsible'],
  APPROVE_PLAN: ['regulator'],
  REJECT_PLAN: ['regulator'],
  START_INTERIM_CONTROL: ['regulator', 'command'],
  LIFT_INTERIM_CONTROL: ['regulator', 'command'],
  SUBMIT_RECTIFICATION: ['responsible'],
  // Territory staff verify general hazards only; major hazards need the regulator (see authorize).
  VERIFY: ['regulator', 'territory'],
  REQUEST_EXTENSION: ['responsible'],
  DECIDE_EXTENSION: ['regulator', 'command'],
  PAUSE_CLOCK: ['regulator'],
  RESUME_CLOCK: ['regulator'],
  REOPEN: ['regulator', 'territory', 'command'],
  // Listing (挂牌督办) and delisting are the listing authority's acts: the district safety
  // committee unless a pack names the department (its `permissions`).
  LIST: ['command'],
  DELIST: ['command'],
  // Enforcement measures are the department's administrative acts (the regulator that
  // regulates the case, by jurisdiction); a pack names others in its `permissions`.
  ENFORCE: ['regulator'],
  LIFT_ENFORCEMENT: ['regulator'],
  // 约谈 is held by the department or by the district committee.
  INTERVIEW: ['regulator', 'command'],
  // Accountability of officials (问责) is the committee's, never the department's own.
  HOLD_ACCOUNTABLE: ['command'],
  ADD_EVIDENCE: ['reporter', 'responsible', 'territory', 'regulator', 'command'],
  COMMENT: ['reporter', 'responsible', 'territory', 'regulator', 'command'],
};
