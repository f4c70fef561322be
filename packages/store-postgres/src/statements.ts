/** Every fixed statement of the store, written once for a schema (`s` is the quoted name). */
export function createStatements(s: string) {
  return {
    cases: `${s}.cases`,
    caseVersion: `SELECT version FROM ${s}.cases WHERE id = $1`,

    /** One command's writes in one round trip: see commit-function.ts. */
    commitCase: `SELECT ${s}.commit_case(${Array.from({ length: 33 }, (_, i) => `$${i + 1}`).join(', ')})`,

    /**
     * Leases whole cases (see HazardStore.claimDueTimers): every due timer of the cases none
     * of whose due timers is under a live lease, cases by their earliest due timer until $2
     * timers. Run under the claimTimers advisory lock, so claims see each other's leases; a
     * case row being committed is skipped (SKIP LOCKED) and waits for the next claim.
     */
    claimTimers: `WITH due_cases AS (
        SELECT case_id, min(due) AS first_due, count(*) AS n FROM ${s}.timers
        WHERE due <= $1
        GROUP BY case_id
        HAVING bool_and(lease_until IS NULL OR lease_until <= $1)
      ), ranked AS (
        SELECT case_id, sum(n) OVER (ORDER BY first_due, case_id ROWS UNBOUNDED PRECEDING) - n AS before
        FROM due_cases
      ), picked AS (
        SELECT c.id FROM ${s}.cases AS c JOIN ranked AS r ON r.case_id = c.id
        WHERE $2::bigint IS NULL OR r.before < $2::bigint
        FOR UPDATE OF c SKIP LOCKED
      ), claimed AS (
        UPDATE ${s}.timers AS t
        SET lease_owner = $3, lease_until = $1::timestamptz + $4 * interval '1 millisecond'
        FROM picked
        WHERE t.case_id = picked.id AND t.due <= $1
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
