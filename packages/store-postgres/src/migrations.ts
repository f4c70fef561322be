import type { Pool, PoolClient } from 'pg';
import { advisoryLockKeys } from './advisory-lock';
import { commitFunctionSql } from './commit-function';
import { commitFunctionSqlV1 } from './commit-function-v1';
import { PostgresStoreError } from './errors';
import { outboxTableSql } from './postgres-outbox';
import { inTransaction } from './transaction';

/**
 * The schema, as an append-only list of migrations. A schema records every migration applied
 * in `schema_migrations`; opening a store applies the missing ones in one transaction, under
 * an advisory lock, so several workers starting at once migrate exactly once. Never edit a
 * released migration: add the next one.
 */
export interface Migration {
  version: number;
  description: string;
  /** `s` is the quoted schema name. */
  sql: (s: string) => string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'cases, audit, timers, idempotency keys, commit_case()',
    // Documents are `json`, not `jsonb`: stored byte for byte (a "\u0000" in a description is
    // kept), and hashed audit entries come back exactly as written. Columns compared as
    // strings use the "C" collation, so order and comparisons match the memory store's.
    sql: (s) => `
      CREATE TABLE ${s}.cases (
        id text COLLATE "C" PRIMARY KEY,
        version integer NOT NULL CHECK (version > 0),
        pack_id text NOT NULL,
        category text NOT NULL,
        severity text,
        status text NOT NULL,
        territory text NOT NULL,
        regulator text NOT NULL,
        overdue boolean NOT NULL,
        escalation_level integer NOT NULL,
        due_at text COLLATE "C",
        reported_at text COLLATE "C" NOT NULL,
        updated_at text COLLATE "C" NOT NULL,
        view json NOT NULL,
        snapshot json NOT NULL
      );
      -- Paging order, and an index per common dashboard filter that keeps that order.
      CREATE INDEX cases_by_reported ON ${s}.cases (reported_at, id);
      CREATE INDEX cases_by_status ON ${s}.cases (status, reported_at, id);
      CREATE INDEX cases_by_territory ON ${s}.cases (territory, reported_at, id);
      CREATE INDEX cases_by_regulator ON ${s}.cases (regulator, reported_at, id);
      CREATE INDEX cases_overdue ON ${s}.cases (reported_at, id) WHERE overdue;
      CREATE INDEX cases_by_due ON ${s}.cases (due_at) WHERE due_at IS NOT NULL;
      CREATE INDEX cases_by_updated ON ${s}.cases (updated_at);

      CREATE TABLE ${s}.audit (
        case_id text COLLATE "C" NOT NULL REFERENCES ${s}.cases (id),
        seq integer NOT NULL,
        at text NOT NULL,
        command text NOT NULL,
        entry json NOT NULL,
        PRIMARY KEY (case_id, seq)
      );

      -- due_at is the string the engine wrote (a fired timer must match it verbatim); due is
      -- the same instant for ordering and claiming. A lease is (lease_owner, lease_until).
      CREATE TABLE ${s}.timers (
        case_id text COLLATE "C" NOT NULL REFERENCES ${s}.cases (id),
        timer_id text COLLATE "C" NOT NULL,
        due_at text COLLATE "C" NOT NULL,
        due timestamptz NOT NULL,
        event json NOT NULL,
        lease_owner text,
        lease_until timestamptz,
        PRIMARY KEY (case_id, timer_id)
      );
      CREATE INDEX timers_due ON ${s}.timers (due, case_id, timer_id);

      -- created_at lets an operator prune old keys; the engine only ever looks keys up.
      CREATE TABLE ${s}.idempotency (
        key text PRIMARY KEY,
        case_id text NOT NULL,
        result json,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      ${commitFunctionSqlV1(s)}
    `,
  },
  {
    version: 2,
    description: 'index on the pack version of each case, for migrations between pack versions',
    // The version is read from the stored view's text, so commit_case() stays as it is. Not
    // with ->>: that parses the document, which refuses the \u0000 a view may hold. The
    // expression must stay equal to PACK_VERSION in case-query.ts for the index to apply.
    sql: (s) => `
      CREATE INDEX cases_by_pack_version
        ON ${s}.cases (pack_id, (substring(view::text from '"packVersion":"([^"]*)"')), reported_at, id);
      `,
  },
  {
    version: 3,
    description: 'store checkpoints (engine.checkpoint / verifyStore)',
    sql: (s) => `
      -- One row per checkpoint: every case's audit head at one instant, chained and sealed by the engine.
      CREATE TABLE ${s}.checkpoints (
        seq integer PRIMARY KEY CHECK (seq > 0),
        at text NOT NULL,
        checkpoint json NOT NULL
      );
    `,
  },
  {
    version: 4,
    description: 'outbox: notifications written with their commit, delivered at least once',
    sql: outboxTableSql,
  },
  {
    version: 5,
    description: 'assessment aggregates: cells kept by commit_case(), the close instant indexed',
    sql: (s) => `
      -- The close instant, for the views a window's edge days read; what the case adds to the
      -- cells (assessmentSignature) and those cells, NULL until the cells count the case.
      ALTER TABLE ${s}.cases ADD COLUMN closed_at text COLLATE "C",
        ADD COLUMN assessment_signature text, ADD COLUMN assessment_cells json;
      CREATE INDEX cases_by_closed ON ${s}.cases (closed_at) WHERE closed_at IS NOT NULL;
      -- One row per cell (see @hazardflow/engine's assessment-aggregates): the sum over cases.
      CREATE TABLE ${s}.assessment_cells (
        group_by text COLLATE "C" NOT NULL,
        day text COLLATE "C" NOT NULL,
        grp text COLLATE "C" NOT NULL,
        figure text COLLATE "C" NOT NULL,
        bin text COLLATE "C" NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (group_by, day, grp, figure, bin)
      );
      -- The ASSESSMENT_CELLS_REVISION the cells were counted by; '' until a store counts them.
      -- One row, locked by the recount so two workers opening at once count once.
      CREATE TABLE ${s}.assessment_revision (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        revision text NOT NULL
      );
      INSERT INTO ${s}.assessment_revision (revision) VALUES ('');
      DROP FUNCTION ${s}.commit_case(text, integer, integer, text, text, text, text, text, text, boolean, integer,
        text, text, text, json, json, integer, text, text, json, text, json, text, text, text, text[], text[],
        text[], timestamptz[], json[]);
      ${commitFunctionSql(s)}
    `,
  },
];

export const SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** The default schema: every table of a store lives in one schema, so it can sit beside an application's. */
export const DEFAULT_SCHEMA = 'hazardflow';

/**
 * Checks a schema name and returns it quoted for SQL. Only plain lower-case identifiers are
 * accepted, so the name can be written into statements (it cannot be a query parameter).
 */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new PostgresStoreError(
      'INVALID_SCHEMA_NAME',
      schema,
      'a schema name is 1 to 63 characters of a-z, 0-9 and _, not starting with a digit',
    );
  }
  return `"${schema}"`;
}

/**
 * Brings `schema` up to this package's SCHEMA_VERSION: creates it if missing and applies the
 * migrations it lacks, all in one transaction under an advisory lock. Safe to run from every
 * worker at start-up; refuses a schema migrated by a newer version of this package.
 */
export async function migratePostgresSchema(pool: Pool, schema: string = DEFAULT_SCHEMA): Promise<number> {
  const s = quoteSchema(schema);
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', advisoryLockKeys('migrate', schema));
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (
        version integer PRIMARY KEY,
        description text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const current = await appliedVersion(client, s);
    if (current > SCHEMA_VERSION) throw tooNew(schema, current);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query(migration.sql(s));
      await client.query(`INSERT INTO ${s}.schema_migrations (version, description) VALUES ($1, $2)`, [
        migration.version,
        migration.description,
      ]);
    }
    return SCHEMA_VERSION;
  });
}

/** For `migrate: false`: the schema must already be exactly at SCHEMA_VERSION. */
export async function checkPostgresSchema(pool: Pool, schema: string = DEFAULT_SCHEMA): Promise<void> {
  const s = quoteSchema(schema);
  const table = await pool.query('SELECT to_regclass($1) AS t', [`${s}.schema_migrations`]);
  const current = table.rows[0]?.t ? await appliedVersion(pool, s) : 0;
  if (current > SCHEMA_VERSION) throw tooNew(schema, current);
  if (current < SCHEMA_VERSION) {
    throw new PostgresStoreError(
      'SCHEMA_OUTDATED',
      schema,
      `is at version ${current}, this package needs ${SCHEMA_VERSION}: run migratePostgresSchema (or open a store with migrate: true)`,
      { version: current, expected: SCHEMA_VERSION },
    );
  }
}

async function appliedVersion(client: Pick<PoolClient, 'query'>, s: string): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM ${s}.schema_migrations`,
  );
  return rows[0]?.version ?? 0;
}

function tooNew(schema: string, version: number): PostgresStoreError {
  return new PostgresStoreError(
    'SCHEMA_TOO_NEW',
    schema,
    `was migrated to version ${version} by a newer @hazardflow/store-postgres; this one knows up to ${SCHEMA_VERSION}`,
    { version, supported: SCHEMA_VERSION },
  );
}
