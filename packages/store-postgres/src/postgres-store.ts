import {
  type AuditEntry,
  type CaseFilter,
  type CaseRecord,
  type CaseView,
  CheckpointConflictError,
  type Commit,
  DuplicateCommandError,
  decodeCursor,
  encodeCursor,
  type HazardStore,
  normalizeLimit,
  type Page,
  type StoreCheckpoint,
  TimerGoneError,
  type TimerRow,
  VersionConflictError,
} from '@hazardflow/engine/adapter';
import pg from 'pg';
import { advisoryLockKeys } from './advisory-lock';
import { caseQuery } from './case-query';
import { COMMIT_ERRORS } from './commit-function';
import { PostgresStoreError } from './errors';
import { checkPostgresSchema, DEFAULT_SCHEMA, migratePostgresSchema, quoteSchema } from './migrations';
import { assessmentParams, createPostgresAssessment } from './postgres-assessment';
import { createPostgresOutbox } from './postgres-outbox';
import { createStatements } from './statements';
import { inTransaction } from './transaction';

interface CommonOptions {
  /** Where the tables live; default `hazardflow`. One schema is one independent store. */
  schema?: string;
  /**
   * true (default): on first use, create the schema and apply missing migrations, under an
   * advisory lock so many workers can start at once. false: only check that the schema is
   * current (for roles that may not run DDL; migrate with `migratePostgresSchema` at deploy).
   */
  migrate?: boolean;
}

export type PostgresStoreOptions = CommonOptions &
  (
    | {
        /** A pool the application owns (and ends); `close()` leaves it open. */
        pool: pg.Pool;
        connectionString?: never;
      }
    | {
        /** `postgres://user:password@host:port/database`; the store owns its pool and ends it on `close()`. */
        connectionString: string;
        /** Connections in the store's own pool; default 10. */
        poolSize?: number;
        pool?: never;
      }
  );

/** A HazardStore on PostgreSQL, plus what only a shared server store has. */
export interface PostgresStore extends HazardStore {
  readonly schema: string;
  readonly pool: pg.Pool;
  /** Resolves once the schema is migrated (or checked); every other method waits for it anyway. */
  ready(): Promise<void>;
  /** Kept by every commit (see postgres-assessment.ts), so always present here. */
  assessment: NonNullable<HazardStore['assessment']>;
  /** Every case view in paging order, read a thousand at a time. */
  allViews(): AsyncIterable<CaseView>;
}

/**
 * A store several engine processes share (DESIGN.md decision 9). Each commit is one call of
 * the schema's `commit_case` function, so one round trip and one transaction, guarded by the
 * case version: a racing writer's `UPDATE … WHERE version = $expected` matches no row and
 * becomes a VersionConflictError. Due timers are claimed with `FOR UPDATE SKIP LOCKED` and
 * leased to one worker; a worker that dies holds its leases only until they expire, then any
 * other worker claims the timers. Timer rows, snapshot, audit entry and idempotency key commit
 * together, which is why timers are rows here and not jobs in a queue library (see the README).
 */
export function createPostgresStore(options: PostgresStoreOptions): PostgresStore {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const sql = createStatements(quoteSchema(schema));
  const outbox = createPostgresOutbox(quoteSchema(schema));
  const aggregates = createPostgresAssessment(quoteSchema(schema));
  const ownsPool = options.pool === undefined;
  const pool =
    options.pool ??
    new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      application_name: 'hazardflow',
    });
  // An idle connection that breaks is dropped by the pool; without a listener it would crash the process.
  if (ownsPool) pool.on('error', () => {});
  const migrate = options.migrate ?? true;

  let opening: Promise<void> | undefined;
  let closed = false;

  /** Opens once; a failed open (server down at start-up) is retried by the next call. */
  function open(): Promise<void> {
    if (closed) return Promise.reject(new PostgresStoreError('STORE_CLOSED', schema, 'the store was closed'));
    if (!opening) {
      opening = (
        migrate ? migratePostgresSchema(pool, schema).then(() => undefined) : checkPostgresSchema(pool, schema)
      )
        .then(() => aggregates.ensureCurrent(pool))
        .catch((error: unknown) => {
          opening = undefined;
          throw error;
        });
    }
    return opening;
  }

  async function readViews(filter: CaseFilter, page: Page) {
    const limit = normalizeLimit(page.limit);
    const after = page.cursor ? decodeCursor(page.cursor) : undefined;
    const query = caseQuery(sql.cases, filter, after, limit);
    const { rows } = await pool.query<{ view: CaseView }>(query.text, query.values);
    const items = rows.slice(0, limit).map((row) => row.view);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  return {
    schema,
    pool,
    ready: open,

    async commit(commit: Commit): Promise<void> {
      await open();
      const { caseId, expectedVersion, record, audit } = commit;
      const problem = shapeProblem(commit);
      if (problem) {
        // A stale writer hears about the conflict first, as with the memory store.
        const { rows } = await pool.query<{ version: number }>(sql.caseVersion, [caseId]);
        const actual = rows[0]?.version ?? 0;
        if (actual !== expectedVersion) throw new VersionConflictError(caseId, expectedVersion, actual);
        throw new TypeError(problem);
      }
      const view = record.view;
      const sets = timerParams(commit);
      try {
        const params = [
          caseId,
          expectedVersion,
          view.version,
          view.packId,
          view.category,
          view.severity,
          view.status,
          view.territory,
          view.regulator,
          view.overdue,
          view.escalationLevel,
          view.dueAt,
          view.reportedAt,
          view.updatedAt,
          JSON.stringify(view),
          JSON.stringify(record.snapshot),
          audit.seq,
          audit.at,
          audit.command,
          JSON.stringify(audit),
          commit.idempotency?.key ?? null,
          commit.idempotency ? (JSON.stringify(commit.idempotency.result) ?? null) : null,
          commit.firedTimer?.timerId ?? null,
          commit.firedTimer?.dueAt ?? null,
          commit.firedTimer?.leaseOwner ?? null,
          commit.timers.cancel,
          sets.timerIds,
          sets.dueAts,
          sets.dues,
          sets.events,
          ...assessmentParams(view),
        ];
        const rows = commit.outbox ?? [];
        if (rows.length === 0) await pool.query(sql.commitCase, params);
        else {
          // The outbox rows join the commit's transaction: both are written or neither.
          await inTransaction(pool, async (client) => {
            await client.query(sql.commitCase, params);
            await outbox.insertRows(client, caseId, rows);
          });
        }
      } catch (error) {
        throw portError(error, commit);
      }
    },

    async getCase(id: string): Promise<CaseRecord | undefined> {
      await open();
      const { rows } = await pool.query<CaseRecord>(sql.getCase, [id]);
      const row = rows[0];
      return row ? { view: row.view, snapshot: row.snapshot } : undefined;
    },

    async query(filter: CaseFilter, page: Page = {}) {
      await open();
      return readViews(filter, page);
    },

    async history(caseId: string): Promise<AuditEntry[]> {
      await open();
      const { rows } = await pool.query<{ entry: AuditEntry }>(sql.history, [caseId]);
      return rows.map((row) => row.entry);
    },

    async getIdempotentResult(key: string): Promise<unknown | undefined> {
      await open();
      const { rows } = await pool.query<{ result: string | null }>(sql.getKey, [key]);
      const text = rows[0]?.result;
      return text === undefined || text === null ? undefined : JSON.parse(text);
    },

    async claimDueTimers(now, claim) {
      await open();
      const at = instant(now, 'now');
      // LIMIT NULL is no limit, as an infinite limit is for the memory store.
      const limit = Number.isFinite(claim.limit) ? Math.max(0, Math.floor(claim.limit)) : null;
      if (limit === 0) return [];
      const rows = await inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', advisoryLockKeys('claimTimers', schema));
        return (await client.query<TimerDbRow>(sql.claimTimers, [at, limit, claim.owner, claim.leaseMs])).rows;
      });
      return rows.map(toTimerRow);
    },

    async releaseTimer(caseId, timerId, owner) {
      await open();
      await pool.query(sql.releaseTimer, [caseId, timerId, owner]);
    },

    async timersOf(caseId) {
      await open();
      const { rows } = await pool.query<TimerDbRow>(sql.timersOf, [caseId]);
      return rows.map(toTimerRow);
    },

    async nextTimerDueAt() {
      await open();
      const { rows } = await pool.query<{ due_at: string }>(sql.nextTimer);
      return rows[0]?.due_at ?? null;
    },

    async assessment(options) {
      await open();
      return aggregates.assessment(pool, options);
    },

    async appendCheckpoint(checkpoint: StoreCheckpoint): Promise<void> {
      await open();
      let inserted = 0;
      try {
        const result = await pool.query(sql.appendCheckpoint, [
          checkpoint.seq,
          checkpoint.at,
          JSON.stringify(checkpoint),
        ]);
        inserted = result.rowCount ?? 0;
      } catch (error) {
        if ((error as { code?: string }).code !== '23505') throw error;
      }
      if (inserted === 0) {
        const { rows } = await pool.query<{ seq: number }>(sql.lastCheckpointSeq);
        throw new CheckpointConflictError(checkpoint.seq, rows[0]?.seq ?? 0);
      }
    },

    async listCheckpoints(): Promise<StoreCheckpoint[]> {
      await open();
      const { rows } = await pool.query<{ checkpoint: StoreCheckpoint }>(sql.checkpoints);
      return rows.map((row) => row.checkpoint);
    },

    async claimOutbox(now, claim) {
      await open();
      return outbox.claim(pool, now, claim);
    },

    async settleOutbox(id, owner, settlement) {
      await open();
      return outbox.settle(pool, id, owner, settlement);
    },

    async deliveries(filter) {
      await open();
      return outbox.list(pool, filter);
    },

    async *allViews() {
      await open();
      let cursor: string | null = null;
      do {
        const page: { items: CaseView[]; nextCursor: string | null } = await readViews(
          {},
          { limit: 1_000, ...(cursor ? { cursor } : {}) },
        );
        yield* page.items;
        cursor = page.nextCursor;
      } while (cursor);
    },

    async close() {
      if (closed) return;
      closed = true;
      if (ownsPool) await pool.end();
    },
  };
}

interface TimerDbRow {
  case_id: string;
  timer_id: string;
  due_at: string;
  event: TimerRow['event'];
}

/** The commit function's SQLSTATEs as the port's errors; anything else is infrastructure and passes through. */
function portError(error: unknown, commit: Commit): unknown {
  const { code, detail } = error as { code?: string; detail?: string };
  switch (code) {
    case COMMIT_ERRORS.versionConflict:
      return new VersionConflictError(commit.caseId, commit.expectedVersion, Number(detail));
    case COMMIT_ERRORS.duplicateCommand:
      return new DuplicateCommandError(commit.idempotency?.key ?? '');
    case COMMIT_ERRORS.timerGone:
      return new TimerGoneError(commit.caseId, commit.firedTimer?.timerId ?? '');
    default:
      return error;
  }
}

function toTimerRow(row: TimerDbRow): TimerRow {
  return { caseId: row.case_id, timerId: row.timer_id, dueAt: row.due_at, event: row.event };
}

/** What the memory store rejects with a TypeError, checked before anything is written. */
function shapeProblem(commit: Commit): string | undefined {
  const { caseId, expectedVersion, record, audit } = commit;
  if (record.view.version !== expectedVersion + 1 || record.view.id !== caseId) {
    return `commit for ${caseId}: the record must be version ${expectedVersion + 1} of that case`;
  }
  // A case's history has exactly one entry per version, so the next seq is the next version.
  if (audit.seq !== expectedVersion + 1) {
    return `commit for ${caseId}: audit seq ${audit.seq} does not follow the history`;
  }
  return undefined;
}

/** The timers to upsert as parallel arrays for `unnest`; a timerId set twice keeps its last row. */
function timerParams(commit: Commit) {
  const byId = new Map<string, TimerRow>();
  for (const row of commit.timers.set) byId.set(row.timerId, row);
  const rows = [...byId.values()];
  return {
    timerIds: rows.map((row) => row.timerId),
    dueAts: rows.map((row) => row.dueAt),
    dues: rows.map((row) => instant(row.dueAt, `timer ${row.timerId} dueAt`)),
    events: rows.map((row) => JSON.stringify(row.event)),
  };
}

/** An instant as an unambiguous UTC timestamp, parsed the way JavaScript (and the memory store) parses it. */
function instant(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TypeError(`${what}: not an instant: ${value}`);
  return new Date(ms).toISOString();
}
