import type { AuditEntry } from './audit-chain';
import type { CaseRecord, CaseView } from './case-view';
import { DuplicateCommandError, TimerGoneError, VersionConflictError } from './errors';
import type { CaseFilter, Commit, HazardStore, Page, TimerRow } from './store';
import { matchesFilter } from './store';
import { MinHeap } from './timer-heap';

interface StoredTimer {
  row: TimerRow;
  dueMs: number;
  /** Bumped on every upsert, so stale heap entries are recognised and skipped. */
  generation: number;
  leaseOwner: string | null;
  leaseUntil: number;
}

interface HeapEntry {
  dueMs: number;
  caseId: string;
  timerId: string;
  generation: number;
}

interface StoredCase {
  record: CaseRecord;
  history: AuditEntry[];
}

/**
 * The default, embedded store: everything in memory, nothing survives the process. Reads
 * and writes stay cheap as cases grow: cases in a Map, the paging order in a sorted array
 * (reports arrive in time order, so inserts are appends), due timers in a binary min-heap
 * with lazy deletion. Committed objects are deep-frozen copies, so a caller can neither
 * change what is stored nor see a half-written commit.
 */
export function createMemoryStore(): HazardStore {
  const cases = new Map<string, StoredCase>();
  const order: { reportedAt: string; id: string }[] = [];
  const timers = new Map<string, StoredTimer>();
  const timersByCase = new Map<string, Set<string>>();
  const idempotency = new Map<string, unknown>();
  const heap = new MinHeap<HeapEntry>(
    (a, b) => a.dueMs - b.dueMs || compareStrings(a.caseId, b.caseId) || compareStrings(a.timerId, b.timerId),
  );
  let generation = 0;
  let closed = false;

  const key = (caseId: string, timerId: string) => `${caseId}\u0000${timerId}`;
  const ensureOpen = () => {
    if (closed) throw new Error('memory store is closed');
  };

  function removeTimer(caseId: string, timerId: string): void {
    timers.delete(key(caseId, timerId));
    timersByCase.get(caseId)?.delete(timerId);
  }

  function upsertTimer(row: TimerRow): void {
    const dueMs = Date.parse(row.dueAt);
    generation += 1;
    timers.set(key(row.caseId, row.timerId), {
      row: freeze(structuredClone(row)),
      dueMs,
      generation,
      leaseOwner: null,
      leaseUntil: 0,
    });
    let ids = timersByCase.get(row.caseId);
    if (!ids) {
      ids = new Set();
      timersByCase.set(row.caseId, ids);
    }
    ids.add(row.timerId);
    heap.push({ dueMs, caseId: row.caseId, timerId: row.timerId, generation });
  }

  function insertOrder(view: CaseView): void {
    const entry = { reportedAt: view.reportedAt, id: view.id };
    const last = order[order.length - 1];
    if (!last || compareOrder(last, entry) < 0) {
      order.push(entry);
      return;
    }
    order.splice(lowerBound(order, entry), 0, entry);
  }

  return {
    async commit(commit: Commit): Promise<void> {
      ensureOpen();
      // Check everything first: a commit that fails changes nothing.
      const existing = cases.get(commit.caseId);
      const actual = existing?.record.view.version ?? 0;
      if (actual !== commit.expectedVersion)
        throw new VersionConflictError(commit.caseId, commit.expectedVersion, actual);
      if (commit.record.view.version !== commit.expectedVersion + 1 || commit.record.view.id !== commit.caseId) {
        throw new TypeError(
          `commit for ${commit.caseId}: the record must be version ${commit.expectedVersion + 1} of that case`,
        );
      }
      if (commit.audit.seq !== (existing?.history.length ?? 0) + 1) {
        throw new TypeError(`commit for ${commit.caseId}: audit seq ${commit.audit.seq} does not follow the history`);
      }
      if (commit.idempotency && idempotency.has(commit.idempotency.key))
        throw new DuplicateCommandError(commit.idempotency.key);
      if (commit.firedTimer) {
        const timer = timers.get(key(commit.caseId, commit.firedTimer.timerId));
        if (
          !timer ||
          timer.row.dueAt !== commit.firedTimer.dueAt ||
          (timer.leaseOwner !== null && timer.leaseOwner !== commit.firedTimer.leaseOwner)
        ) {
          throw new TimerGoneError(commit.caseId, commit.firedTimer.timerId);
        }
      }
      const record = freeze(structuredClone(commit.record));
      const audit = freeze(structuredClone(commit.audit));
      const idempotentResult = commit.idempotency ? freeze(structuredClone(commit.idempotency.result)) : undefined;

      // Apply: nothing below can fail.
      if (existing) {
        existing.record = record;
        existing.history.push(audit);
      } else {
        cases.set(commit.caseId, { record, history: [audit] });
        insertOrder(record.view);
      }
      if (commit.firedTimer) removeTimer(commit.caseId, commit.firedTimer.timerId);
      for (const timerId of commit.timers.cancel) removeTimer(commit.caseId, timerId);
      for (const row of commit.timers.set) upsertTimer({ ...row, caseId: commit.caseId });
      if (commit.idempotency) idempotency.set(commit.idempotency.key, idempotentResult);
    },

    async getCase(id) {
      ensureOpen();
      return cases.get(id)?.record;
    },

    async query(filter: CaseFilter, page: Page = {}) {
      ensureOpen();
      const limit = Math.max(1, Math.min(page.limit ?? 100, 10_000));
      let start = 0;
      if (page.cursor) start = lowerBound(order, decodeCursor(page.cursor));
      const candidates = filter.ids ? new Set(filter.ids) : undefined;
      const items: CaseView[] = [];
      let i = start;
      for (; i < order.length && items.length < limit; i++) {
        const entry = order[i] as { reportedAt: string; id: string };
        if (candidates && !candidates.has(entry.id)) continue;
        const view = cases.get(entry.id)?.record.view;
        if (view && matchesFilter(view, filter)) items.push(view);
      }
      const lastItem = items[items.length - 1];
      const more = items.length === limit && i < order.length;
      return { items, nextCursor: more && lastItem ? encodeCursor(lastItem) : null };
    },

    async history(caseId) {
      ensureOpen();
      return [...(cases.get(caseId)?.history ?? [])];
    },

    async getIdempotentResult(k) {
      ensureOpen();
      return idempotency.get(k);
    },

    async claimDueTimers(now, options) {
      ensureOpen();
      const nowMs = Date.parse(now);
      const claimed: TimerRow[] = [];
      const leasedElsewhere: HeapEntry[] = [];
      while (claimed.length < options.limit) {
        const top = heap.peek();
        if (!top || top.dueMs > nowMs) break;
        heap.pop();
        const timer = timers.get(key(top.caseId, top.timerId));
        if (!timer || timer.generation !== top.generation) continue; // cancelled or replaced
        if (timer.leaseOwner !== null && timer.leaseUntil > nowMs) {
          leasedElsewhere.push(top);
          continue;
        }
        timer.leaseOwner = options.owner;
        timer.leaseUntil = nowMs + options.leaseMs;
        leasedElsewhere.push(top); // stays queued until a commit deletes it or the lease lapses
        claimed.push(timer.row);
      }
      for (const entry of leasedElsewhere) heap.push(entry);
      return claimed;
    },

    async releaseTimer(caseId, timerId, owner) {
      ensureOpen();
      const timer = timers.get(key(caseId, timerId));
      if (timer && timer.leaseOwner === owner) {
        timer.leaseOwner = null;
        timer.leaseUntil = 0;
      }
    },

    async timersOf(caseId) {
      ensureOpen();
      const rows: TimerRow[] = [];
      for (const timerId of timersByCase.get(caseId) ?? []) {
        const timer = timers.get(key(caseId, timerId));
        if (timer) rows.push(timer.row);
      }
      return rows.sort((a, b) => compareStrings(a.dueAt, b.dueAt) || compareStrings(a.timerId, b.timerId));
    },

    async nextTimerDueAt() {
      ensureOpen();
      for (;;) {
        const top = heap.peek();
        if (!top) return null;
        const timer = timers.get(key(top.caseId, top.timerId));
        if (timer && timer.generation === top.generation) return timer.row.dueAt;
        heap.pop();
      }
    },

    async *allViews() {
      ensureOpen();
      for (const entry of order) {
        const view = cases.get(entry.id)?.record.view;
        if (view) yield view;
      }
    },

    async close() {
      closed = true;
    },
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareOrder(a: { reportedAt: string; id: string }, b: { reportedAt: string; id: string }): number {
  return compareStrings(a.reportedAt, b.reportedAt) || compareStrings(a.id, b.id);
}

/** First position whose entry is not before `target`. */
function lowerBound(
  order: readonly { reportedAt: string; id: string }[],
  target: { reportedAt: string; id: string },
): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareOrder(order[mid] as { reportedAt: string; id: string }, target) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cursor points just past the last item returned. */
function encodeCursor(view: CaseView): string {
  return Buffer.from(JSON.stringify([view.reportedAt, `${view.id}\u0000`])).toString('base64url');
}

function decodeCursor(cursor: string): { reportedAt: string; id: string } {
  try {
    const [reportedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof reportedAt !== 'string' || typeof id !== 'string') throw new Error('bad cursor');
    return { reportedAt, id };
  } catch {
    throw new TypeError(`not a cursor returned by this store: ${cursor}`);
  }
}

function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) freeze(child);
  }
  return value;
}
