import { type AuditEntry, appendAuditEntry, type CaseView, type Commit, type TimerRow } from '@hazardflow/engine';

const BASE = Date.parse('2026-03-02T00:00:00.000Z');

/** An instant `minutes` after a fixed Monday. */
export const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();

export function viewOf(caseId: string, version: number, fields: Partial<CaseView> = {}): CaseView {
  return {
    id: caseId,
    version,
    packId: 'fire',
    packVersion: '1.0.0',
    category: 'exits',
    severity: 'general',
    imminentDanger: false,
    status: 'reported',
    siteId: 'site-1',
    siteName: 'Riverside Mall',
    territory: 'street-a',
    regulator: 'fire-brigade',
    responsible: 'party-1',
    escalationLevel: 0,
    maxEscalationLevel: 4,
    listedSupervision: false,
    dueAt: null,
    overdue: false,
    paused: false,
    interimControls: [],
    reportedAt: at(0),
    closedAt: null,
    updatedAt: at(version),
    reopenedCount: 0,
    closedOnTime: null,
    workingDaysToClose: null,
    ...fields,
  };
}

export function timer(caseId: string, timerId: string, dueMinutes: number): TimerRow {
  return { caseId, timerId, dueAt: at(dueMinutes), event: { type: `TIMER.${timerId}`, at: at(dueMinutes) } };
}

/**
 * The commit an engine would write to move `caseId` from `expectedVersion` to the next, with
 * a real hash-chained audit entry following `previous` (the case's last entry).
 */
export function commitOf(
  caseId: string,
  expectedVersion: number,
  options: {
    previous?: AuditEntry | undefined;
    view?: Partial<CaseView>;
    set?: TimerRow[];
    cancel?: string[];
    firedTimer?: Commit['firedTimer'];
    key?: string;
    payload?: unknown;
  } = {},
): Commit {
  const view = viewOf(caseId, expectedVersion + 1, options.view);
  const audit = appendAuditEntry(options.previous, {
    caseId,
    at: view.updatedAt,
    actor: { id: 'inspector-1', role: 'regulator', org: 'fire-brigade' },
    command: expectedVersion === 0 ? 'REPORT' : 'COMMENT',
    ...(options.payload !== undefined ? { payload: options.payload } : {}),
    fromStatus: expectedVersion === 0 ? null : 'reported',
    toStatus: view.status,
    reasons: [],
    evidence: [],
  });
  return {
    caseId,
    expectedVersion,
    record: { view, snapshot: { value: view.status, context: { caseId, n: view.version } } },
    audit,
    timers: { set: options.set ?? [], cancel: options.cancel ?? [] },
    ...(options.firedTimer ? { firedTimer: options.firedTimer } : {}),
    ...(options.key ? { idempotency: { key: options.key, result: { ok: true, version: view.version } } } : {}),
  };
}
