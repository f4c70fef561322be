import type { Status } from '../vocabulary';

/** @internal Lifecycle state node → the status a case view exposes (DESIGN.md shared vocabulary). */
export const STATUS_OF_STATE: Readonly<Record<string, Status>> = {
  reported: 'reported',
  triaged: 'triaged',
  noticeIssued: 'notice_issued',
  rectifying: 'rectifying',
  planPending: 'plan_pending',
  supervised: 'supervised',
  verifying: 'verifying',
  closed: 'closed',
  dismissed: 'dismissed',
  transferred: 'transferred',
};

/** The status of a hazard snapshot (or of its persisted `value`). */
export function statusOf(snapshotOrValue: { value: unknown } | unknown): Status {
  const value =
    snapshotOrValue !== null && typeof snapshotOrValue === 'object' && 'value' in snapshotOrValue
      ? (snapshotOrValue as { value: unknown }).value
      : snapshotOrValue;
  const lifecycle = (value as { lifecycle?: unknown } | undefined)?.lifecycle;
  const key = typeof lifecycle === 'string' ? lifecycle : Object.keys(lifecycle as object)[0];
  // own keys only: a persisted value naming `toString` or `constructor` is not a state
  const status = key !== undefined && Object.hasOwn(STATUS_OF_STATE, key) ? STATUS_OF_STATE[key] : undefined;
  if (!status) throw new TypeError(`not a hazard snapshot: lifecycle state ${JSON.stringify(lifecycle)}`);
  return status;
}

/** Whether the escalation region sits in an overdue state. */
export function isOverdueValue(value: unknown): boolean {
  const escalation = (value as { escalation?: unknown } | undefined)?.escalation;
  const watching = (escalation as { watching?: unknown } | undefined)?.watching;
  return watching === 'overdue' || (typeof watching === 'object' && watching !== null && 'overdue' in watching);
}

/** Whether the clock is paused. */
export function isPausedValue(value: unknown): boolean {
  return (value as { escalation?: unknown } | undefined)?.escalation === 'paused';
}
