import type { KeyObject } from 'node:crypto';
import type { AuditEntry } from './audit-chain';
import type { AuditHasher } from './audit-hasher';
import type { CaseView } from './case-view';
import type { StoredSnapshot } from './commit-pipeline';
import type { HazardStore } from './store';
import { type CheckpointVerification, type StoreCheckpoint, verifyCheckpointChain } from './store-checkpoint';
import { verifyCaseTrail } from './verify-case-trail';

/** One thing `verifyStore` found wrong. */
export interface StoreProblem {
  caseId?: string;
  reason:
    | 'trail'
    | 'case_deleted'
    | 'trail_rewritten'
    | 'timer_missing'
    | 'timer_moved'
    | 'notification_missing'
    | 'checkpoint';
  message: string;
}

export interface StoreVerification {
  ok: boolean;
  /** Cases in the store now. */
  cases: number;
  /** Cases whose trail verified only as legacy (see `TrailVerification`). */
  legacyCases: number;
  /** Checkpoints in the store (0 when the store keeps none). */
  checkpoints: number;
  problems: StoreProblem[];
  /** What could not be checked (no checkpoints yet), which does not fail the check. */
  warnings: string[];
}

/**
 * The store-wide check: every case's trail (as `verifyHistory`); every timer each snapshot
 * says is armed has its row, due at the same instant; every notification an entry says its
 * commit produced still has its outbox row (deleting one would silently stop a 送达); the
 * checkpoint chain; and every case in the last checkpoint still exists with the head it had
 * then in its trail.
 */
export async function verifyStore(
  store: HazardStore,
  options: { hasher: AuditHasher; publicKey?: KeyObject },
): Promise<StoreVerification> {
  const problems: StoreProblem[] = [];
  const checkpoints: StoreCheckpoint[] = store.listCheckpoints ? await store.listCheckpoints() : [];
  const chain: CheckpointVerification = verifyCheckpointChain(checkpoints, options);
  if (!chain.ok) problems.push({ reason: 'checkpoint', message: chain.message });
  const warnings: string[] = [];
  if (checkpoints.length === 0) {
    warnings.push(
      store.listCheckpoints
        ? 'the store has no checkpoint yet: a case deleted together with its trail cannot be found'
        : 'the store keeps no checkpoints: a case deleted together with its trail cannot be found',
    );
  }
  const heads = new Map<string, readonly { hash: string }[]>();
  let cases = 0;
  let legacyCases = 0;
  for await (const view of allViews(store)) {
    cases++;
    const record = await store.getCase(view.id);
    const entries = await store.history(view.id);
    heads.set(view.id, entries);
    const trail = verifyCaseTrail(view.id, entries, record, { hasher: options.hasher });
    if (!trail.ok) problems.push({ caseId: view.id, reason: 'trail', message: `${trail.reason}: ${trail.message}` });
    else if (trail.legacy) legacyCases++;
    problems.push(...(await missingNotifications(store, view.id, entries)));
    const armed = (record?.snapshot as Partial<StoredSnapshot> | undefined)?.timers;
    if (armed === undefined) continue;
    const rows = new Map((await store.timersOf(view.id)).map((row) => [row.timerId, row.dueAt]));
    for (const [timerId, dueAt] of Object.entries(armed)) {
      const row = rows.get(timerId);
      if (row === undefined) {
        problems.push({
          caseId: view.id,
          reason: 'timer_missing',
          message: `timer ${timerId} due ${dueAt} is armed in the snapshot but its row is gone: it would never fire`,
        });
      } else if (Date.parse(row) !== Date.parse(dueAt)) {
        problems.push({
          caseId: view.id,
          reason: 'timer_moved',
          message: `timer ${timerId} is due ${dueAt} in the snapshot but ${row} in the timers table`,
        });
      }
    }
  }
  const last = checkpoints.at(-1);
  if (last) {
    for (const [caseId, seq, hash] of last.heads) {
      const entries = heads.get(caseId);
      if (entries === undefined) {
        problems.push({
          caseId,
          reason: 'case_deleted',
          message: `case ${caseId} is in checkpoint ${last.seq} (${last.at}) but no longer in the store`,
        });
      } else if (entries[seq - 1]?.hash !== hash) {
        problems.push({
          caseId,
          reason: 'trail_rewritten',
          message: `entry ${seq} of case ${caseId} is not the one checkpoint ${last.seq} recorded: its trail was rewritten`,
        });
      }
    }
  }
  return { ok: problems.length === 0, cases, legacyCases, checkpoints: checkpoints.length, problems, warnings };
}

/** Outbox rows an audit entry of the case lists but the store no longer holds. */
async function missingNotifications(
  store: HazardStore,
  caseId: string,
  entries: readonly AuditEntry[],
): Promise<StoreProblem[]> {
  if (!store.deliveries || !entries.some((entry) => entry.notifications?.length)) return [];
  const kept = new Set((await store.deliveries({ caseId })).map((row) => row.id));
  const problems: StoreProblem[] = [];
  for (const entry of entries) {
    for (const id of entry.notifications ?? []) {
      if (kept.has(id)) continue;
      problems.push({
        caseId,
        reason: 'notification_missing',
        message: `notification ${id} of entry ${entry.seq} is gone from the outbox: it may never have been delivered`,
      });
    }
  }
  return problems;
}

/** Every case view: the store's fast path, else every page of `query`. */
export async function* allViews(store: HazardStore): AsyncIterable<CaseView> {
  if (store.allViews) {
    yield* store.allViews();
    return;
  }
  let cursor: string | undefined;
  do {
    const page = await store.query({}, { limit: 1000, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
