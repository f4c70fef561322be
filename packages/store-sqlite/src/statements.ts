import type Database from 'better-sqlite3';

/**
 * Every fixed statement of the store, prepared once per connection. The SQL is exported on
 * its own so a test can check each one's query plan against the schema's indexes.
 */
export const SQL = {
  caseVersion: 'SELECT version, assessment_signature FROM cases WHERE id = ?',
  getCase: 'SELECT view, snapshot FROM cases WHERE id = ?',
  upsertCase: `INSERT INTO cases (id, version, pack_id, category, severity, status, territory, regulator, overdue,
      escalation_level, due_at, reported_at, updated_at, view, snapshot, assessment_signature)
    VALUES (@id, @version, @packId, @category, @severity, @status, @territory, @regulator, @overdue,
      @escalationLevel, @dueAt, @reportedAt, @updatedAt, @view, @snapshot, @assessmentSignature)
    ON CONFLICT (id) DO UPDATE SET version = excluded.version, pack_id = excluded.pack_id,
      category = excluded.category, severity = excluded.severity, status = excluded.status,
      territory = excluded.territory, regulator = excluded.regulator, overdue = excluded.overdue,
      escalation_level = excluded.escalation_level, due_at = excluded.due_at,
      reported_at = excluded.reported_at, updated_at = excluded.updated_at, view = excluded.view,
      snapshot = excluded.snapshot, assessment_signature = excluded.assessment_signature`,
  lastSeq: 'SELECT coalesce(max(seq), 0) FROM audit WHERE case_id = ?',
  insertAudit: 'INSERT INTO audit (case_id, seq, at, command, entry) VALUES (?, ?, ?, ?, ?)',
  history: 'SELECT entry FROM audit WHERE case_id = ? ORDER BY seq',
  lastCheckpointSeq: 'SELECT coalesce(max(seq), 0) FROM checkpoints',
  insertCheckpoint: 'INSERT INTO checkpoints (seq, at, checkpoint) VALUES (?, ?, ?)',
  checkpoints: 'SELECT checkpoint FROM checkpoints ORDER BY seq',
  idempotencyExists: 'SELECT 1 FROM idempotency WHERE key = ?',
  insertIdempotency: 'INSERT INTO idempotency (key, case_id, result) VALUES (?, ?, ?)',
  idempotentResult: 'SELECT result FROM idempotency WHERE key = ?',
  timer: 'SELECT case_id, timer_id, due_at, event, lease_owner FROM timers WHERE case_id = ? AND timer_id = ?',
  deleteTimer: 'DELETE FROM timers WHERE case_id = ? AND timer_id = ?',
  // Re-arming a timer replaces it and drops any lease on the old one.
  upsertTimer: `INSERT INTO timers (case_id, timer_id, due_at, due_ms, event, lease_owner, lease_until)
    VALUES (?, ?, ?, ?, ?, NULL, 0)
    ON CONFLICT (case_id, timer_id) DO UPDATE SET due_at = excluded.due_at, due_ms = excluded.due_ms,
      event = excluded.event, lease_owner = NULL, lease_until = 0`,
  /**
   * Whole cases (see HazardStore.claimDueTimers): every due timer of the cases none of whose
   * due timers is under a live lease, cases by their earliest due timer until `limit` timers.
   */
  dueTimers: `WITH due_cases AS (
      SELECT case_id, min(due_ms) AS first_due, count(*) AS n FROM timers INDEXED BY timers_due WHERE due_ms <= @now
      GROUP BY case_id
      HAVING max(lease_owner IS NOT NULL AND lease_until > @now) = 0
    ), picked AS (
      SELECT case_id FROM (
        SELECT case_id, sum(n) OVER (ORDER BY first_due, case_id ROWS UNBOUNDED PRECEDING) - n AS before
        FROM due_cases
      ) WHERE before < @limit
    )
    SELECT t.case_id, t.timer_id, t.due_at, t.event, t.lease_owner FROM timers AS t JOIN picked USING (case_id)
    WHERE t.due_ms <= @now
    ORDER BY t.due_ms, t.case_id, t.timer_id`,
  lease: 'UPDATE timers SET lease_owner = ?, lease_until = ? WHERE case_id = ? AND timer_id = ?',
  release:
    'UPDATE timers SET lease_owner = NULL, lease_until = 0 WHERE case_id = ? AND timer_id = ? AND lease_owner = ?',
  timersOf:
    'SELECT case_id, timer_id, due_at, event, lease_owner FROM timers WHERE case_id = ? ORDER BY due_at, timer_id',
  nextDue: 'SELECT due_at FROM timers ORDER BY due_ms, case_id, timer_id LIMIT 1',
} as const;

export interface TimerDbRow {
  case_id: string;
  timer_id: string;
  due_at: string;
  event: string;
  lease_owner: string | null;
}

type Statement<Params extends unknown[] = unknown[], Row = unknown> = Database.Statement<Params, Row>;

export interface Statements {
  caseVersion: Statement<[string], { version: number; assessment_signature: string | null }>;
  getCase: Statement<[string], { view: string; snapshot: string }>;
  upsertCase: Statement;
  lastSeq: Statement<[string], number>;
  insertAudit: Statement;
  history: Statement<[string], string>;
  lastCheckpointSeq: Statement<[], number>;
  insertCheckpoint: Statement;
  checkpoints: Statement<[], string>;
  idempotencyExists: Statement<[string], number>;
  insertIdempotency: Statement;
  idempotentResult: Statement<[string], string>;
  timer: Statement<[string, string], TimerDbRow>;
  deleteTimer: Statement;
  upsertTimer: Statement;
  dueTimers: Statement<[{ now: number; limit: number }], TimerDbRow>;
  lease: Statement;
  release: Statement;
  timersOf: Statement<[string], TimerDbRow>;
  nextDue: Statement<[], string>;
}

export function prepareStatements(db: Database.Database): Statements {
  return {
    caseVersion: db.prepare<[string], { version: number; assessment_signature: string | null }>(SQL.caseVersion),
    getCase: db.prepare<[string], { view: string; snapshot: string }>(SQL.getCase),
    upsertCase: db.prepare(SQL.upsertCase),
    lastSeq: db.prepare<[string], number>(SQL.lastSeq).pluck(),
    insertAudit: db.prepare(SQL.insertAudit),
    history: db.prepare<[string], string>(SQL.history).pluck(),
    lastCheckpointSeq: db.prepare<[], number>(SQL.lastCheckpointSeq).pluck(),
    insertCheckpoint: db.prepare(SQL.insertCheckpoint),
    checkpoints: db.prepare<[], string>(SQL.checkpoints).pluck(),
    idempotencyExists: db.prepare<[string], number>(SQL.idempotencyExists).pluck(),
    insertIdempotency: db.prepare(SQL.insertIdempotency),
    idempotentResult: db.prepare<[string], string>(SQL.idempotentResult).pluck(),
    timer: db.prepare<[string, string], TimerDbRow>(SQL.timer),
    deleteTimer: db.prepare(SQL.deleteTimer),
    upsertTimer: db.prepare(SQL.upsertTimer),
    dueTimers: db.prepare<[{ now: number; limit: number }], TimerDbRow>(SQL.dueTimers),
    lease: db.prepare(SQL.lease),
    release: db.prepare(SQL.release),
    timersOf: db.prepare<[string], TimerDbRow>(SQL.timersOf),
    nextDue: db.prepare<[], string>(SQL.nextDue).pluck(),
  };
}
