import type { Actor } from '@hazardflow/core';
import {
  type AuditEntry,
  appendAuditEntry,
  type CaseView,
  type Commit,
  type HazardStore,
  type TimerRow,
} from '@hazardflow/engine';

/** The instant store fixtures start from (a Monday in 2026, inside the China calendar's coverage). */
export const FIXTURE_START = '2026-03-02T00:00:00.000Z';

/** `FIXTURE_START` plus `minutes`, as the canonical ISO string every store compares by. */
export function fixtureInstant(minutes: number): string {
  return new Date(Date.parse(FIXTURE_START) + minutes * 60_000).toISOString();
}

/** A complete, plausible case view for store tests; `overrides` win. */
export function fixtureCaseView(id: string, overrides: Partial<CaseView> = {}): CaseView {
  return {
    id,
    version: 1,
    packId: 'fire',
    packVersion: '1.0.0',
    category: 'exits-blocked',
    severity: 'general',
    imminentDanger: false,
    status: 'reported',
    siteId: `site-${id}`,
    siteName: `Site of ${id}`,
    territory: 'street-a',
    regulator: 'fire-rescue',
    responsible: 'party-1',
    escalationLevel: 0,
    maxEscalationLevel: 0,
    listedSupervision: false,
    dueAt: null,
    overdue: false,
    paused: false,
    interimControls: [],
    reportedAt: FIXTURE_START,
    closedAt: null,
    updatedAt: FIXTURE_START,
    reopenedCount: 0,
    closedOnTime: null,
    workingDaysToClose: null,
    ...overrides,
  };
}

/** What one commit of a fixture case changes; everything not given carries over or defaults. */
export interface CommitDraft {
  /** View fields to change; the others carry over from the case's last commit (or the defaults). */
  view?: Partial<Omit<CaseView, 'id' | 'version'>>;
  /** The persisted snapshot; defaults to a small JSON object naming the status and version. */
  snapshot?: unknown;
  /** The audit entry's `at`, and the view's `updatedAt` unless the draft sets it; defaults to the next minute. */
  at?: string;
  command?: string;
  actor?: Actor;
  /** Timer rows to arm or re-arm; `event` defaults to `{ type: 'TIMER.DUE', at: dueAt }`. */
  set?: { timerId: string; dueAt: string; event?: TimerRow['event'] }[];
  cancel?: string[];
  /** The timer this commit fires (the store must delete it, or refuse with TimerGoneError). */
  fire?: { timerId: string; dueAt: string; leaseOwner: string };
  idempotencyKey?: string;
  /** Stored under `idempotencyKey`; defaults to `{ ok: true, case: view }` like an engine result. */
  result?: unknown;
  /** The version guard; defaults to the version the builder last committed. Set it to build a stale commit. */
  expectedVersion?: number;
}

/**
 * Builds commits the way an engine does: each continues its case's version and hash-chained
 * audit trail (through the engine's `appendAuditEntry`) from the last commit the builder saw
 * succeed. `build` only builds, so a test can hand a store a commit that must fail.
 */
export interface CommitBuilder {
  /** The commit that would take `caseId` to its next version; the builder's state is unchanged. */
  build(caseId: string, draft?: CommitDraft): Commit;
  /** Builds, commits to `store`, and on success remembers the new head; returns what it committed. */
  commit(store: HazardStore, caseId: string, draft?: CommitDraft): Promise<Commit>;
  /** The last view committed through this builder. */
  view(caseId: string): CaseView | undefined;
  /** The audit entries committed through this builder, in seq order. */
  history(caseId: string): AuditEntry[];
}

const INSPECTOR: Actor = { id: 'fixture-inspector', role: 'regulator', org: 'fire-rescue' };
const SYSTEM: Actor = { id: 'system', role: 'system' };

export function createCommitBuilder(): CommitBuilder {
  const heads = new Map<string, { view: CaseView; history: AuditEntry[] }>();
  let minute = 0;

  function build(caseId: string, draft: CommitDraft = {}): Commit {
    const head = heads.get(caseId);
    const headVersion = head?.view.version ?? 0;
    const expectedVersion = draft.expectedVersion ?? headVersion;
    const at = draft.at ?? fixtureInstant(minute + 1);
    const view: CaseView = {
      ...(head?.view ?? fixtureCaseView(caseId, { reportedAt: at })),
      updatedAt: at,
      ...draft.view,
      id: caseId,
      version: expectedVersion + 1,
    };
    const lastEntry = head?.history[head.history.length - 1];
    const audit = appendAuditEntry(lastEntry, {
      caseId,
      at,
      actor: draft.actor ?? (draft.fire ? SYSTEM : INSPECTOR),
      command: draft.command ?? (draft.fire ? 'TIMER.DUE' : head ? 'COMMENT' : 'REPORT'),
      ...(draft.idempotencyKey !== undefined ? { commandId: draft.idempotencyKey } : {}),
      fromStatus: head?.view.status ?? null,
      toStatus: view.status,
      reasons: draft.fire ? [`timer ${draft.fire.timerId} due ${draft.fire.dueAt}`] : [],
      evidence: [],
      ...(draft.fire
        ? {
            firedTimer: {
              timerId: draft.fire.timerId,
              dueAt: draft.fire.dueAt,
              lateByMs: Math.max(0, Date.parse(at) - Date.parse(draft.fire.dueAt)),
            },
          }
        : {}),
    });
    return {
      caseId,
      expectedVersion,
      record: { view, snapshot: draft.snapshot ?? { value: view.status, context: { caseId, version: view.version } } },
      audit,
      timers: {
        set: (draft.set ?? []).map((t) => ({
          caseId,
          timerId: t.timerId,
          dueAt: t.dueAt,
          event: t.event ?? { type: 'TIMER.DUE', at: t.dueAt },
        })),
        cancel: draft.cancel ?? [],
      },
      ...(draft.fire ? { firedTimer: { ...draft.fire } } : {}),
      ...(draft.idempotencyKey !== undefined
        ? { idempotency: { key: draft.idempotencyKey, result: draft.result ?? { ok: true, case: view } } }
        : {}),
    };
  }

  return {
    build,
    async commit(store, caseId, draft) {
      const commit = build(caseId, draft);
      await store.commit(commit);
      const history = heads.get(caseId)?.history ?? [];
      heads.set(caseId, {
        view: structuredClone(commit.record.view),
        history: [...history, structuredClone(commit.audit)],
      });
      minute = Math.max(minute, Math.round((Date.parse(commit.audit.at) - Date.parse(FIXTURE_START)) / 60_000));
      return commit;
    },
    view: (caseId) => heads.get(caseId)?.view,
    history: (caseId) => [...(heads.get(caseId)?.history ?? [])],
  };
}
