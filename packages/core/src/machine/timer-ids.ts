/**
 * Ids of the machine's delayed events. Stable and unique within a case, so the engine can
 * keep one timer row per id: re-entering a state cancels and re-sets the same id.
 */
export const TIMER_IDS = {
  warning: 'deadline.warning',
  due: 'deadline.due',
  escalate: 'escalation.next',
  remind: 'escalation.remind',
  ackDue: 'acknowledgement.due',
  unacknowledged: (level: number) => `acknowledgement.level-${level}`,
  followUpEnd: 'follow-up.end',
  interimDue: 'interim-control.due',
  appraisalDue: 'appraisal.due',
} as const;
