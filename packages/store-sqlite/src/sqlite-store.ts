import {
  type AuditEntry,
  type CaseRecord,
  type CaseView,
  CheckpointConflictError,
  type Commit,
  DuplicateCommandError,
  decodeCursor,
  encodeCursor,
  type HazardStore,
  normalizeLimit,
  type StoreCheckpoint,
  TimerGoneError,
  type TimerRow,
  VersionConflictError,
} from '@hazardflow/engine/adapter';
import type Database from 'better-sqlite3';
import { caseQuery } from './case-query';
import { SqliteStoreError } from './errors';
import { createGroupCommit } from './group-commit';
import { type Durability, openDatabase } from './open-database';
import { createSqliteAssessment } from './sqlite-assessment';
import { createSqliteOutbox } from './sqlite-outbox';
import { prepareStatements, type TimerDbRow } from './statements';

export interface SqliteStoreOptions {
  /** The database file; created with its schema if missing. `:memory:` for a throw-away store. */
  filename: string;
  /**
   * 'full' (default): a command's result is returned only after its commit is on stable storage,
   * so it survives a power cut. 'normal': a commit survives the process crashing but the last
   * few may be lost if the machine loses power; several times faster per commit.
   */
  durability?: Durability;
  /** How long a write waits for another process's transaction before failing; default 5 000 ms. */
  busyTimeoutMs?: number;
  /**
   * true (default): commits that arrive together (commands on different cases sent at once)
   * share one transaction and one fsync, each in its own savepoint, each acknowledged only
   * once the transaction is durable; see `createGroupCommit`. false: one transaction per commit.
   */
  groupCommit?: boolean;
}

/** A HazardStore on one SQLite file, plus what only a file-backed store can do. */
export interface SqliteStore extends HazardStore {
  /** Absolute path of the database file (or `:memory:`). */
  readonly filename: string;
  readonly durability: Durability;
  /** A consistent online copy of the whole database to `destination`, while commits go on. */
  backup(destination: string): Promise<void>;
}

const VIEWS_PER_CHUNK = 1_000;

/**
 * The embedded durable store: one SQLite file in WAL mode; each commit (snapshot, view, audit
 * entry, timer rows, idempotency key, outbox rows) is all-or-nothing, and commits that arrive
 * together share one immediate transaction (group commit); the view's filterable fields are
 * indexed columns. better-sqlite3 is synchronous, so reads do their work at once; a commit's
 * promise resolves once it is in the file (and, with durability 'full', on stable storage).
 */
export function createSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const durability = options.durability ?? 'full';
  const { db, path } = openDatabase(options.filename, { durability, busyTimeoutMs: options.busyTimeoutMs ?? 5_000 });
  let closed = false;

  const statements = prepareStatements(db);
  const outbox = createSqliteOutbox(db);
  const aggregates = createSqliteAssessment(db);
  aggregates.ensureCurrent();
  const queries = new Map<string, Database.Statement<(string | number)[], { view: string }>>();

  const ensureOpen = () => {
    if (closed) throw new SqliteStoreError('STORE_CLOSED', path, 'the store was closed');
  };

  const applyCommit = (commit: Commit) => {
    // Check everything first: a failed check throws and the transaction rolls back.
    const stored = statements.caseVersion.get(commit.caseId);
    const actual = stored?.version ?? 0;
    if (actual !== commit.expectedVersion)
      throw new VersionConflictError(commit.caseId, commit.expectedVersion, actual);
    const view = commit.record.view;
    if (view.version !== commit.expectedVersion + 1 || view.id !== commit.caseId) {
      throw new TypeError(
        `commit for ${commit.caseId}: the record must be version ${commit.expectedVersion + 1} of that case`,
      );
    }
    if (commit.audit.seq !== (statements.lastSeq.get(commit.caseId) ?? 0) + 1) {
      throw new TypeError(`commit for ${commit.caseId}: audit seq ${commit.audit.seq} does not follow the history`);
    }
    if (commit.idempotency && statements.idempotencyExists.get(commit.idempotency.key) !== undefined) {
      throw new DuplicateCommandError(commit.idempotency.key);
    }
    if (commit.firedTimer) {
      const timer = statements.timer.get(commit.caseId, commit.firedTimer.timerId);
      if (
        !timer ||
        timer.due_at !== commit.firedTimer.dueAt ||
        (timer.lease_owner !== null && timer.lease_owner !== commit.firedTimer.leaseOwner)
      ) {
        throw new TimerGoneError(commit.caseId, commit.firedTimer.timerId);
      }
    }

    const signature = aggregates.beforeCaseWrite(view, stored?.assessment_signature);
    statements.upsertCase.run(caseColumns(view, commit.record.snapshot, signature));
    statements.insertAudit.run(
      commit.caseId,
      commit.audit.seq,
      commit.audit.at,
      commit.audit.command,
      JSON.stringify(commit.audit),
    );
    if (commit.firedTimer) statements.deleteTimer.run(commit.caseId, commit.firedTimer.timerId);
    for (const timerId of commit.timers.cancel) statements.deleteTimer.run(commit.caseId, timerId);
    for (const row of commit.timers.set) {
      const dueMs = Date.parse(row.dueAt);
      if (Number.isNaN(dueMs)) throw new TypeError(`timer ${row.timerId} of ${commit.caseId}: dueAt ${row.dueAt}`);
      statements.upsertTimer.run(commit.caseId, row.timerId, row.dueAt, dueMs, JSON.stringify(row.event));
    }
    if (commit.idempotency) {
      statements.insertIdempotency.run(
        commit.idempotency.key,
        commit.caseId,
        JSON.stringify(commit.idempotency.result),
      );
    }
    if (commit.outbox) outbox.insertRows(commit.caseId, commit.outbox);
  };
  const commitTransaction = db.transaction(applyCommit);
  const group = options.groupCommit === false ? undefined : createGroupCommit(db, applyCommit);

  const checkpointTransaction = db.transaction((checkpoint: StoreCheckpoint) => {
    const last = statements.lastCheckpointSeq.get() ?? 0;
    if (checkpoint.seq !== last + 1) throw new CheckpointConflictError(checkpoint.seq, last);
    statements.insertCheckpoint.run(checkpoint.seq, checkpoint.at, JSON.stringify(checkpoint));
  });

  const claimTransaction = db.transaction(
    (nowMs: number, limit: number, owner: string, leaseMs: number): TimerRow[] => {
      const rows = statements.dueTimers.all({
        now: nowMs,
        limit: Number.isFinite(limit) ? limit : Number.MAX_SAFE_INTEGER,
      });
      for (const row of rows) statements.lease.run(owner, nowMs + leaseMs, row.case_id, row.timer_id);
      return rows.map(timerRow);
    },
  );

  const store: SqliteStore = {
    filename: path,
    durability,

    async commit(commit) {
      ensureOpen();
      if (group) return group.write(commit);
      commitTransaction.immediate(commit);
    },

    async getCase(id): Promise<CaseRecord | undefined> {
      ensureOpen();
      const row = statements.getCase.get(id);
      if (!row) return undefined;
      return { view: JSON.parse(row.view) as CaseView, snapshot: JSON.parse(row.snapshot) as unknown };
    },

    async query(filter, page = {}) {
      ensureOpen();
      const limit = normalizeLimit(page.limit);
      const { sql, params } = caseQuery(filter, page.cursor ? decodeCursor(page.cursor) : undefined, limit);
      let statement = queries.get(sql);
      if (!statement) {
        statement = db.prepare<(string | number)[], { view: string }>(sql);
        queries.set(sql, statement);
      }
      const rows = statement.all(...params);
      const items = rows.slice(0, limit).map((row) => JSON.parse(row.view) as CaseView);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
    },

    async history(caseId) {
      ensureOpen();
      return statements.history.all(caseId).map((entry) => JSON.parse(entry) as AuditEntry);
    },

    async getIdempotentResult(key) {
      ensureOpen();
      const result = statements.idempotentResult.get(key);
      return result === undefined ? undefined : (JSON.parse(result) as unknown);
    },

    async claimDueTimers(now, claimOptions) {
      ensureOpen();
      const nowMs = Date.parse(now);
      if (Number.isNaN(nowMs)) throw new TypeError(`claimDueTimers: not an instant: ${now}`);
      if (claimOptions.limit <= 0) return [];
      return claimTransaction.immediate(nowMs, claimOptions.limit, claimOptions.owner, claimOptions.leaseMs);
    },

    async releaseTimer(caseId, timerId, owner) {
      ensureOpen();
      statements.release.run(caseId, timerId, owner);
    },

    async timersOf(caseId) {
      ensureOpen();
      return statements.timersOf.all(caseId).map(timerRow);
    },

    async nextTimerDueAt() {
      ensureOpen();
      return statements.nextDue.get() ?? null;
    },

    async claimOutbox(now, claimOptions) {
      ensureOpen();
      return outbox.claim(now, claimOptions);
    },

    async settleOutbox(id, owner, settlement) {
      ensureOpen();
      return outbox.settle(id, owner, settlement);
    },

    async deliveries(filter) {
      ensureOpen();
      return outbox.list(filter);
    },

    /** In paging order, a chunk at a time, so no statement stays open while the caller awaits. */
    async *allViews() {
      ensureOpen();
      let cursor: string | undefined;
      do {
        const page = await store.query({}, { limit: VIEWS_PER_CHUNK, ...(cursor ? { cursor } : {}) });
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },

    async assessment(options) {
      ensureOpen();
      return aggregates.assessment(options);
    },

    async appendCheckpoint(checkpoint) {
      ensureOpen();
      checkpointTransaction.immediate(checkpoint);
    },

    async listCheckpoints() {
      ensureOpen();
      return statements.checkpoints.all().map((text) => JSON.parse(text) as StoreCheckpoint);
    },

    async backup(destination) {
      ensureOpen();
      await db.backup(destination);
    },

    async close() {
      if (closed) return;
      group?.flush(); // commits already accepted are written, not dropped
      closed = true;
      try {
        db.pragma('optimize'); // refreshes the planner's statistics where they went stale
      } catch {
        // another process holds the write lock: the statistics can wait for the next close
      }
      db.close();
    },
  };
  return store;
}

function caseColumns(view: CaseView, snapshot: unknown, assessmentSignature: string) {
  return {
    id: view.id,
    version: view.version,
    packId: view.packId,
    category: view.category,
    severity: view.severity,
    status: view.status,
    territory: view.territory,
    regulator: view.regulator,
    overdue: view.overdue ? 1 : 0,
    escalationLevel: view.escalationLevel,
    dueAt: view.dueAt,
    reportedAt: view.reportedAt,
    updatedAt: view.updatedAt,
    view: JSON.stringify(view),
    snapshot: JSON.stringify(snapshot),
    assessmentSignature,
  };
}

function timerRow(row: TimerDbRow): TimerRow {
  return {
    caseId: row.case_id,
    timerId: row.timer_id,
    dueAt: row.due_at,
    event: JSON.parse(row.event) as TimerRow['event'],
  };
}
