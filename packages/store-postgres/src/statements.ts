/** Every fixed statement of the store, written once for a schema (`s` is the quoted name). */
export function createStatements(s: string) {
  return {
    cases: `${s}.cases`,
    caseVersion: `SELECT version FROM ${s}.cases WHERE id = $1`,

    /** One command's writes in one round trip: see commit-function.ts. */
    commitCase: `SELECT ${s}.commit_case(${Array.from({ length: 30 }, (_, i) => `$${i + 1}`).join(', ')})`,

    /**
     * Leases the oldest due timers nobody holds (or whose lease lapsed). SKIP LOCKED lets
     * workers claim side by side: rows another worker is claiming or committing are passed over.
     */
    claimTimers: `WITH due AS (
        SELECT case_id, timer_id FROM ${s}.timers
        WHERE due <= $1 AND (lease_until IS NULL OR lease_until <= $1)
        ORDER BY due, case_id, timer_id
        LIMIT $2
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE ${s}.timers AS t
        SET lease_owner = $3, lease_until = $1::timestamptz + $4 * interval '1 millisecond'
        FROM due
        WHERE t.case_id = due.case_id AND t.timer_id = due.timer_id
        RETURNING t.case_id, t.timer_id, t.due_at, t.due, t.event
      )
      SELECT case_id, timer_id, due_at, event FROM claimed ORDER BY due, case_id, timer_id`,

    releaseTimer: `UPDATE ${s}.timers SET lease_owner = NULL, lease_until = NULL
      WHERE case_id = $1 AND timer_id = $2 AND lease_owner = $3`,

    getCase: `SELECT view, snapshot FROM ${s}.cases WHERE id = $1`,
    history: `SELECT entry FROM ${s}.audit WHERE case_id = $1 ORDER BY seq`,
    /** As text, so a stored JSON `null` and no result at all (SQL NULL) stay distinct. */
    getKey: `SELECT result::text AS result FROM ${s}.idempotency WHERE key = $1`,
    timersOf: `SELECT case_id, timer_id, due_at, event FROM ${s}.timers WHERE case_id = $1 ORDER BY due_at, timer_id`,
    nextTimer: `SELECT due_at FROM ${s}.timers ORDER BY due, case_id, timer_id LIMIT 1`,
    /** Inserts only as the next seq; two writers racing for it meet the primary key. */
    appendCheckpoint: `INSERT INTO ${s}.checkpoints (seq, at, checkpoint)
      SELECT $1, $2, $3 WHERE $1 = (SELECT coalesce(max(seq), 0) + 1 FROM ${s}.checkpoints)`,
    lastCheckpointSeq: `SELECT coalesce(max(seq), 0) AS seq FROM ${s}.checkpoints`,
    checkpoints: `SELECT checkpoint FROM ${s}.checkpoints ORDER BY seq`,
  };
}

export type Statements = ReturnType<typeof createStatements>;
