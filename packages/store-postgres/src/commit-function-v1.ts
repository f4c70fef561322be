import { COMMIT_ERRORS } from './commit-function';

/** The commit function as migration 1 created it, kept verbatim (a released migration never changes; migration 5 replaces it). */
/**
 * `commit_case(...)`: one command's writes in one statement, so a commit costs one round
 * trip and is one transaction. The checks run in the memory store's order: the version guard
 * (`UPDATE … WHERE version = expected`, or an insert that loses to a concurrent creator), the
 * idempotency key, the fired timer (same dueAt, not leased to another worker); then the
 * timer changes: the fired row deleted, cancels, upserts (a re-armed timer loses its lease).
 * `s` is the quoted schema name; parameters are prefixed `p_` so they never shadow columns.
 */
export function commitFunctionSqlV1(s: string): string {
  return `
    CREATE FUNCTION ${s}.commit_case(
      p_case_id text, p_expected integer, p_version integer,
      p_pack_id text, p_category text, p_severity text, p_status text, p_territory text, p_regulator text,
      p_overdue boolean, p_escalation_level integer, p_due_at text, p_reported_at text, p_updated_at text,
      p_view json, p_snapshot json,
      p_seq integer, p_at text, p_command text, p_entry json,
      p_key text, p_result json,
      p_fired_timer_id text, p_fired_due_at text, p_fired_owner text,
      p_cancel text[],
      p_set_ids text[], p_set_due_ats text[], p_set_dues timestamptz[], p_set_events json[]
    ) RETURNS void LANGUAGE plpgsql AS $commit$
    DECLARE
      actual integer;
    BEGIN
      IF p_expected = 0 THEN
        INSERT INTO ${s}.cases (id, version, pack_id, category, severity, status, territory, regulator, overdue,
          escalation_level, due_at, reported_at, updated_at, view, snapshot)
        VALUES (p_case_id, p_version, p_pack_id, p_category, p_severity, p_status, p_territory, p_regulator,
          p_overdue, p_escalation_level, p_due_at, p_reported_at, p_updated_at, p_view, p_snapshot)
        ON CONFLICT (id) DO NOTHING;
      ELSE
        UPDATE ${s}.cases SET version = p_version, pack_id = p_pack_id, category = p_category,
          severity = p_severity, status = p_status, territory = p_territory, regulator = p_regulator,
          overdue = p_overdue, escalation_level = p_escalation_level, due_at = p_due_at,
          reported_at = p_reported_at, updated_at = p_updated_at, view = p_view, snapshot = p_snapshot
        WHERE id = p_case_id AND version = p_expected;
      END IF;
      IF NOT FOUND THEN
        SELECT version INTO actual FROM ${s}.cases WHERE id = p_case_id;
        RAISE EXCEPTION 'case % is at version %, not %', p_case_id, coalesce(actual, 0), p_expected
          USING ERRCODE = '${COMMIT_ERRORS.versionConflict}', DETAIL = coalesce(actual, 0)::text;
      END IF;

      INSERT INTO ${s}.audit (case_id, seq, at, command, entry) VALUES (p_case_id, p_seq, p_at, p_command, p_entry);

      IF p_key IS NOT NULL THEN
        INSERT INTO ${s}.idempotency (key, case_id, result) VALUES (p_key, p_case_id, p_result)
        ON CONFLICT (key) DO NOTHING;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'command % was already committed', p_key USING ERRCODE = '${COMMIT_ERRORS.duplicateCommand}';
        END IF;
      END IF;

      IF p_fired_timer_id IS NOT NULL THEN
        DELETE FROM ${s}.timers
        WHERE case_id = p_case_id AND timer_id = p_fired_timer_id AND due_at = p_fired_due_at
          AND (lease_owner IS NULL OR lease_owner = p_fired_owner);
        IF NOT FOUND THEN
          RAISE EXCEPTION 'timer % of case % is gone or leased by another worker', p_fired_timer_id, p_case_id
            USING ERRCODE = '${COMMIT_ERRORS.timerGone}';
        END IF;
      END IF;

      IF cardinality(p_cancel) > 0 THEN
        DELETE FROM ${s}.timers WHERE case_id = p_case_id AND timer_id = ANY (p_cancel);
      END IF;

      IF cardinality(p_set_ids) > 0 THEN
        INSERT INTO ${s}.timers (case_id, timer_id, due_at, due, event)
        SELECT p_case_id, t.timer_id, t.due_at, t.due, t.event
        FROM unnest(p_set_ids, p_set_due_ats, p_set_dues, p_set_events) AS t (timer_id, due_at, due, event)
        ON CONFLICT (case_id, timer_id) DO UPDATE
        SET due_at = excluded.due_at, due = excluded.due, event = excluded.event,
          lease_owner = NULL, lease_until = NULL;
      END IF;
    END;
    $commit$;
  `;
}
