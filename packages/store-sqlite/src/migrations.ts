/**
 * The schema, as an append-only list of migrations. A database records the last one applied
 * in `hazardflow_meta.schema_version`; opening applies the rest in one transaction. Never edit
 * a released migration: add the next one.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** `PRAGMA application_id` of every hazardflow database ('HzFl'), so tools and we recognise it. */
export const HAZARDFLOW_APPLICATION_ID = 0x487a466c;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'cases, audit, timers, idempotency keys',
    sql: `
      CREATE TABLE hazardflow_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- One row per case: the JSON view and snapshot, plus the view's filterable fields as columns.
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        pack_id TEXT NOT NULL,
        category TEXT NOT NULL,
        severity TEXT,
        status TEXT NOT NULL,
        territory TEXT NOT NULL,
        regulator TEXT NOT NULL,
        overdue INTEGER NOT NULL,
        escalation_level INTEGER NOT NULL,
        due_at TEXT,
        reported_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        view TEXT NOT NULL,
        snapshot TEXT NOT NULL
      ) STRICT;
      -- Paging order, and one index per common filter that keeps that order.
      CREATE INDEX cases_by_reported ON cases (reported_at, id);
      CREATE INDEX cases_by_status ON cases (status, reported_at, id);
      CREATE INDEX cases_by_territory ON cases (territory, reported_at, id);
      CREATE INDEX cases_by_regulator ON cases (regulator, reported_at, id);
      CREATE INDEX cases_by_pack ON cases (pack_id, reported_at, id);
      CREATE INDEX cases_by_escalation ON cases (escalation_level, reported_at, id);
      CREATE INDEX cases_overdue ON cases (reported_at, id) WHERE overdue = 1;
      CREATE INDEX cases_by_due ON cases (due_at) WHERE due_at IS NOT NULL;
      CREATE INDEX cases_by_updated ON cases (updated_at);

      CREATE TABLE audit (
        case_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        at TEXT NOT NULL,
        command TEXT NOT NULL,
        entry TEXT NOT NULL,
        PRIMARY KEY (case_id, seq)
      ) STRICT;

      -- due_ms orders and compares instants; due_at is the string the engine wrote, compared verbatim.
      CREATE TABLE timers (
        case_id TEXT NOT NULL,
        timer_id TEXT NOT NULL,
        due_at TEXT NOT NULL,
        due_ms INTEGER NOT NULL,
        event TEXT NOT NULL,
        lease_owner TEXT,
        lease_until INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (case_id, timer_id)
      ) STRICT;
      CREATE INDEX timers_due ON timers (due_ms, case_id, timer_id);

      CREATE TABLE idempotency (
        key TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        result TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'pack version of each case as a column, indexed for migrations between pack versions',
    sql: `
      -- Read from the stored view (a virtual column: no backfill, nothing to keep in step on commit).
      ALTER TABLE cases ADD COLUMN pack_version TEXT GENERATED ALWAYS AS (json_extract(view, '$.packVersion')) VIRTUAL;
      CREATE INDEX cases_by_pack_version ON cases (pack_id, pack_version, reported_at, id);
      `,
  },
  {
    version: 3,
    description: 'store checkpoints (engine.checkpoint / verifyStore)',
    sql: `
      -- One row per checkpoint: every case's audit head at one instant, chained and sealed by the engine.
      CREATE TABLE checkpoints (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        checkpoint TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    description: 'outbox: notifications written with their commit, delivered at least once',
    sql: `
      -- One row per notification; rowid is commit order. next_attempt_ms orders and compares instants.
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        notification TEXT NOT NULL,
        recipients TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        next_attempt_ms INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        lease_owner TEXT,
        lease_until INTEGER NOT NULL DEFAULT 0,
        receipt TEXT,
        delivered_at TEXT,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox (next_attempt_ms, id) WHERE status = 'pending';
      CREATE INDEX outbox_by_case ON outbox (case_id);
    `,
  },
  {
    version: 5,
    description: 'assessment aggregates: cells kept in each commit, and the close instant indexed',
    sql: `
      -- The close instant, read from the view (virtual: nothing to backfill), for the window's edge days.
      ALTER TABLE cases ADD COLUMN closed_at TEXT GENERATED ALWAYS AS (json_extract(view, '$.closedAt')) VIRTUAL;
      CREATE INDEX cases_by_closed ON cases (closed_at) WHERE closed_at IS NOT NULL;
      -- What the case's view adds to the cells (assessmentSignature); NULL until the cells count it.
      ALTER TABLE cases ADD COLUMN assessment_signature TEXT;
      -- One row per cell (see @hazardflow/engine's assessment-aggregates): the sum over cases.
      -- Filled from the views when the store opens (hazardflow_meta.assessment_cells names the revision).
      CREATE TABLE assessment_cells (
        group_by TEXT NOT NULL,
        day TEXT NOT NULL,
        grp TEXT NOT NULL,
        figure TEXT NOT NULL,
        bin TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (group_by, day, grp, figure, bin)
      ) STRICT, WITHOUT ROWID;
    `,
  },
];

export const SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
