import type { AuditEntry } from './audit-chain';
import type { CaseRecord, CaseView } from './case-view';
import { deepFreeze } from './deep-freeze';
import { compareTimers } from './due-timer-queue';
import { CheckpointConflictError, DuplicateCommandError, TimerGoneError, VersionConflictError } from './errors';
import { createMemoryAssessment } from './memory-assessment';
import { createMemoryOutbox } from './memory-outbox';
import { decodeCursor, encodeCursor, normalizeLimit } from './page-cursor';
import type { CaseFilter, Commit, HazardStore, Page, TimerRow } from './store';
import { matchesFilter } from './store';
import type { StoreCheckpoint } from './store-checkpoint';
import { MinHeap } from './timer-heap';

interface StoredTimer {
  row: TimerRow;
  dueMs: number;
  /** False once the row is fired, cancelled or replaced; the heap drops it when it surfaces. */
  live: boolean;
  leaseOwner: string | null;
  leaseUntil: number;
}

/**
 * One case. The record's two parts are kept here rather than the record itself, one object
 * fewer per case; a list of one is kept as the item itself (most open cases have one audit
 * entry and one pending timer, and an array around each costs memory per case: see
 * examples/benchmarks/NOTES.md), `null` for none.
 */
interface StoredCase {
  view: CaseView;
  snapshot: unknown;
  history: AuditEntry | AuditEntry[];
  /** The case's pending timers (a handful at most), so no per-timer index is needed. */
  timers: StoredTimer | StoredTimer[] | null;
}

/** The claim order: due instant, case id, timer id. */
function compareStored(a: StoredTimer, b: StoredTimer): number {
  return (
    a.dueMs - b.dueMs || compareStrings(a.row.caseId, b.row.caseId) || compareStrings(a.row.timerId, b.row.timerId)
  );
}

/** The items of a list kept as `StoredCase` keeps them. */
function listOf<T extends object>(kept: T | T[] | null): readonly T[] {
  if (kept === null) return [];
  return Array.isArray(kept) ? kept : [kept];
}

/** A list as `StoredCase` keeps it. */
function keep<T extends object>(items: T[]): T | T[] | null {
  if (items.length === 0) return null;
  return items.length === 1 ? (items[0] as T) : items;
}

/**
 * The default, embedded store: everything in memory, nothing survives the process. Reads
 * and writes stay cheap as cases grow: cases in a Map, the paging order in a sorted array
 * (reports arrive in time order, so inserts are appends), due timers in a binary min-heap
 * with lazy deletion. What is stored is deep-frozen, so a caller can neither change what is
 * stored nor see a half-written commit; it is copied only where the caller's objects are not
 * frozen already (see `owned`), so versions of a case share their unchanged parts.
 */
export function createMemoryStore(): HazardStore {
  const cases = new Map<string, StoredCase>();
  const order: StoredCase[] = [];
  const idempotency = new Map<string, unknown>();
  const checkpoints: StoreCheckpoint[] = [];
  const outbox = createMemoryOutbox();
  const heap = new MinHeap<StoredTimer>(compareStored);
  let closed = false;
  const aggregates = createMemoryAssessment({
    get: (id) => cases.get(id)?.view,
    *all() {
      for (const stored of order) yield stored.view;
    },
    *reportedBetween(start, end) {
      for (let i = lowerBound(order, { reportedAt: start, id: '' }); i < order.length; i++) {
        const view = (order[i] as StoredCase).view;
        if (view.reportedAt >= end) return;
        yield view;
      }
    },
  });

  const ensureOpen = () => {
    if (closed) throw new Error('memory store is closed');
  };

  function findTimer(stored: StoredCase | undefined, timerId: string): StoredTimer | undefined {
    if (!stored || stored.timers === null) return undefined;
    if (!Array.isArray(stored.timers)) return stored.timers.row.timerId === timerId ? stored.timers : undefined;
    return stored.timers.find((timer) => timer.row.timerId === timerId);
  }

  function removeTimer(stored: StoredCase, timerId: string): void {
    const timer = findTimer(stored, timerId);
    if (!timer) return;
    timer.live = false;
    stored.timers = keep(listOf(stored.timers).filter((other) => other !== timer));
  }

  function upsertTimer(stored: StoredCase, row: TimerRow): void {
    removeTimer(stored, row.timerId);
    const timer: StoredTimer = { row, dueMs: Date.parse(row.dueAt), live: true, leaseOwner: null, leaseUntil: 0 };
    stored.timers = stored.timers === null ? timer : listOf(stored.timers).concat([timer]); // exact size
    heap.push(timer);
  }

  function insertOrder(stored: StoredCase): void {
    const last = order[order.length - 1];
    if (!last || compareOrder(last.view, stored.view) < 0) {
      order.push(stored);
      return;
    }
    order.splice(lowerBound(order, stored.view), 0, stored);
  }

  return {
    async commit(commit: Commit): Promise<void> {
      ensureOpen();
      // Check everything first: a commit that fails changes nothing.
      const existing = cases.get(commit.caseId);
      const actual = existing?.view.version ?? 0;
      if (actual !== commit.expectedVersion)
        throw new VersionConflictError(commit.caseId, commit.expectedVersion, actual);
      if (commit.record.view.version !== commit.expectedVersion + 1 || commit.record.view.id !== commit.caseId) {
        throw new TypeError(
          `commit for ${commit.caseId}: the record must be version ${commit.expectedVersion + 1} of that case`,
        );
      }
      if (commit.audit.seq !== (existing ? listOf(existing.history).length : 0) + 1) {
        throw new TypeError(`commit for ${commit.caseId}: audit seq ${commit.audit.seq} does not follow the history`);
      }
      if (commit.idempotency && idempotency.has(commit.idempotency.key))
        throw new DuplicateCommandError(commit.idempotency.key);
      if (commit.firedTimer) {
        const timer = findTimer(existing, commit.firedTimer.timerId);
        if (
          !timer ||
          timer.row.dueAt !== commit.firedTimer.dueAt ||
          (timer.leaseOwner !== null && timer.leaseOwner !== commit.firedTimer.leaseOwner)
        ) {
          throw new TimerGoneError(commit.caseId, commit.firedTimer.timerId);
        }
      }
      if (commit.outbox) outbox.check(commit.outbox);
      const copies = new Map<object, unknown>();
      const record = owned(commit.record, copies);
      const audit = owned(commit.audit, copies);
      const idempotentResult = commit.idempotency ? owned(commit.idempotency.result, copies) : undefined;
      const rows = commit.timers.set.map((row) =>
        owned(row.caseId === commit.caseId ? row : { ...row, caseId: commit.caseId }, copies),
      );

      const outboxRows = commit.outbox?.map((row) => owned(row, copies));

      // Apply: nothing below can fail.
      aggregates.touched(commit.caseId, existing?.view);
      let stored = existing;
      if (stored) {
        stored.view = record.view;
        stored.snapshot = record.snapshot;
        stored.history = listOf(stored.history).concat([audit]);
      } else {
        stored = { view: record.view, snapshot: record.snapshot, history: audit, timers: null };
        cases.set(commit.caseId, stored);
        insertOrder(stored);
      }
      if (commit.firedTimer) removeTimer(stored, commit.firedTimer.timerId);
      for (const timerId of commit.timers.cancel) removeTimer(stored, timerId);
      for (const row of rows) upsertTimer(stored, row);
      if (commit.idempotency) idempotency.set(commit.idempotency.key, idempotentResult);
      if (outboxRows) outbox.add(outboxRows);
    },

    async getCase(id) {
      ensureOpen();
      const stored = cases.get(id);
      return stored ? Object.freeze<CaseRecord>({ view: stored.view, snapshot: stored.snapshot }) : undefined;
    },

    async query(filter: CaseFilter, page: Page = {}) {
      ensureOpen();
      const limit = normalizeLimit(page.limit);
      let start = 0;
      if (page.cursor) {
        const after = decodeCursor(page.cursor);
        // Just past the last item returned: the smallest id after `after.id` is `after.id + '\0'`.
        start = lowerBound(order, { reportedAt: after.reportedAt, id: `${after.id}\u0000` });
      }
      const candidates = filter.ids ? new Set(filter.ids) : undefined;
      const items: CaseView[] = [];
      let i = start;
      for (; i < order.length && items.length < limit; i++) {
        const view = (order[i] as StoredCase).view;
        if (candidates && !candidates.has(view.id)) continue;
        if (matchesFilter(view, filter)) items.push(view);
      }
      const lastItem = items[items.length - 1];
      const more = items.length === limit && i < order.length;
      return { items, nextCursor: more && lastItem ? encodeCursor(lastItem) : null };
    },

    async history(caseId) {
      ensureOpen();
      const stored = cases.get(caseId);
      return stored ? [...listOf(stored.history)] : [];
    },

    async getIdempotentResult(k) {
      ensureOpen();
      return idempotency.get(k);
    },

    async claimDueTimers(now, options) {
      ensureOpen();
      const nowMs = Date.parse(now);
      const claimed: TimerRow[] = [];
      const queued: StoredTimer[] = [];
      const seen = new Set<string>();
      // Whole cases, in the order of each case's earliest due timer (see store.ts).
      while (claimed.length < options.limit) {
        const top = heap.peek();
        if (!top || top.dueMs > nowMs) break;
        heap.pop();
        if (!top.live) continue; // fired, cancelled or replaced
        queued.push(top); // stays queued until a commit deletes it or its lease lapses
        if (seen.has(top.row.caseId)) continue;
        seen.add(top.row.caseId);
        const due = listOf(cases.get(top.row.caseId)?.timers ?? null)
          .filter((timer) => timer.live && timer.dueMs <= nowMs)
          .sort(compareStored);
        if (due.some((timer) => timer.leaseOwner !== null && timer.leaseUntil > nowMs)) continue; // held elsewhere
        for (const timer of due) {
          timer.leaseOwner = options.owner;
          timer.leaseUntil = nowMs + options.leaseMs;
          claimed.push(timer.row);
        }
      }
      for (const timer of queued) heap.push(timer);
      return claimed.sort(compareTimers);
    },

    async releaseTimer(caseId, timerId, owner) {
      ensureOpen();
      const timer = findTimer(cases.get(caseId), timerId);
      if (timer && timer.leaseOwner === owner) {
        timer.leaseOwner = null;
        timer.leaseUntil = 0;
      }
    },

    async timersOf(caseId) {
      ensureOpen();
      const stored = cases.get(caseId);
      const rows = (stored ? listOf(stored.timers) : []).map((timer) => timer.row);
      return rows.sort((a, b) => compareStrings(a.dueAt, b.dueAt) || compareStrings(a.timerId, b.timerId));
    },

    async nextTimerDueAt() {
      ensureOpen();
      for (;;) {
        const top = heap.peek();
        if (!top) return null;
        if (top.live) return top.row.dueAt;
        heap.pop();
      }
    },

    async claimOutbox(now, options) {
      ensureOpen();
      return outbox.claim(now, options);
    },

    async settleOutbox(id, owner, settlement) {
      ensureOpen();
      return outbox.settle(id, owner, settlement);
    },

    async deliveries(filter) {
      ensureOpen();
      return outbox.list(filter);
    },

    async *allViews() {
      ensureOpen();
      for (const stored of order) yield stored.view;
    },

    async assessment(options) {
      ensureOpen();
      return aggregates.assessment(options);
    },

    async appendCheckpoint(checkpoint) {
      ensureOpen();
      if (checkpoint.seq !== checkpoints.length + 1) {
        throw new CheckpointConflictError(checkpoint.seq, checkpoints.length);
      }
      checkpoints.push(deepFreeze(structuredClone(checkpoint)));
    },

    async listCheckpoints() {
      ensureOpen();
      return [...checkpoints];
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

/** First position whose case is not before `target`. */
function lowerBound(order: readonly StoredCase[], target: { reportedAt: string; id: string }): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareOrder((order[mid] as StoredCase).view, target) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A deep-frozen version of `value` the store can keep: objects that are already frozen are
 * taken to be deep-frozen and shared as they are (the engine freezes what it commits, and a
 * case's next version reuses the frozen parts of the last one); anything else is copied, so
 * a caller who changes its objects afterwards changes nothing here. `copies` keeps objects
 * shared within one commit shared in the store.
 */
function owned<T>(value: T, copies: Map<object, unknown>): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  const known = copies.get(value);
  if (known !== undefined) return known as T;
  const prototype = Object.getPrototypeOf(value);
  let copy: Record<string, unknown> | unknown[];
  if (Array.isArray(value)) {
    copy = new Array<unknown>(value.length);
    copies.set(value, copy);
    for (let i = 0; i < value.length; i++) copy[i] = owned(value[i], copies);
  } else if (prototype === Object.prototype || prototype === null) {
    copy = prototype === null ? Object.create(null) : {};
    copies.set(value, copy);
    for (const key of Object.keys(value)) {
      const item = owned((value as Record<string, unknown>)[key], copies);
      // defineProperty for `__proto__`, which assignment would take as the prototype.
      if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true });
      else (copy as Record<string, unknown>)[key] = item;
    }
  } else {
    copy = structuredClone(value) as Record<string, unknown>; // dates and other built-ins
    copies.set(value, copy);
    deepFreeze(copy);
  }
  return Object.freeze(copy) as T;
}
