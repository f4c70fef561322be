import type { Delivery, DeliveryFilter, OutboxClaim, OutboxRow, OutboxSettlement } from '@hazardflow/engine/adapter';
import type { Pool, PoolClient } from 'pg';

/** Migration 4: the outbox table (`s` is the quoted schema name). */
export function outboxTableSql(s: string): string {
  return `
    -- One row per notification; position is commit order, next_attempt the instant of next_attempt_at.
    CREATE TABLE ${s}.outbox (
      position bigserial UNIQUE,
      id text COLLATE "C" PRIMARY KEY,
      case_id text COLLATE "C" NOT NULL,
      notification json NOT NULL,
      recipients json NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at text COLLATE "C" NOT NULL,
      next_attempt timestamptz NOT NULL,
      created_at text NOT NULL,
      lease_owner text,
      lease_until timestamptz,
      receipt json,
      delivered_at text,
      last_error text
    );
    CREATE INDEX outbox_pending ON ${s}.outbox (next_attempt, id) WHERE status = 'pending';
    CREATE INDEX outbox_by_case ON ${s}.outbox (case_id, position);
  `;
}

interface OutboxDbRow {
  id: string;
  case_id: string;
  notification: Delivery['notification'];
  recipients: Delivery['recipients'];
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: string;
  created_at: string;
  receipt: unknown;
  delivered_at: string | null;
  last_error: string | null;
}

const COLUMNS =
  'id, case_id, notification, recipients, status, attempts, next_attempt_at, created_at, receipt, delivered_at, last_error';
const SETTLED_BY = `id = $1 AND status = 'pending' AND (lease_owner IS NULL OR lease_owner = $2)`;

/**
 * The PostgreSQL store's outbox. Rows are inserted in the commit's transaction; claims lease
 * due rows with `FOR UPDATE SKIP LOCKED`, so several workers share delivery without taking
 * the same row, and a dead worker's rows come back when their leases run out.
 */
export function createPostgresOutbox(s: string) {
  const sql = {
    insert: `INSERT INTO ${s}.outbox (id, case_id, notification, recipients, status, attempts, next_attempt_at,
        next_attempt, created_at)
      SELECT r.id, $1, r.notification, r.recipients, 'pending', 0, r.next_attempt_at, r.next_attempt, r.created_at
      FROM unnest($2::text[], $3::json[], $4::json[], $5::text[], $6::timestamptz[], $7::text[])
        AS r (id, notification, recipients, next_attempt_at, next_attempt, created_at)`,
    claim: `WITH due AS (
        SELECT id FROM ${s}.outbox
        WHERE status = 'pending' AND next_attempt <= $1 AND (lease_until IS NULL OR lease_until <= $1)
        ORDER BY next_attempt, id
        LIMIT $2
        FOR UPDATE SKIP LOCKED
      ), claimed AS (
        UPDATE ${s}.outbox AS o
        SET lease_owner = $3, lease_until = $1::timestamptz + $4 * interval '1 millisecond', attempts = o.attempts + 1
        FROM due WHERE o.id = due.id
        RETURNING o.*
      )
      SELECT ${COLUMNS} FROM claimed ORDER BY next_attempt, id`,
    delivered: `UPDATE ${s}.outbox SET status = 'delivered', receipt = $3, delivered_at = $4, last_error = NULL,
        lease_owner = NULL, lease_until = NULL WHERE ${SETTLED_BY}`,
    retry: `UPDATE ${s}.outbox SET next_attempt_at = $3, next_attempt = $4, last_error = $5,
        lease_owner = NULL, lease_until = NULL WHERE ${SETTLED_BY}`,
    dead: `UPDATE ${s}.outbox SET status = 'dead', last_error = $3, lease_owner = NULL, lease_until = NULL
      WHERE ${SETTLED_BY}`,
  };

  return {
    /** Writes a commit's rows on the commit's own connection, inside its transaction. */
    async insertRows(client: PoolClient, caseId: string, rows: readonly OutboxRow[]): Promise<void> {
      await client.query(sql.insert, [
        caseId,
        rows.map((row) => row.id),
        rows.map((row) => JSON.stringify(row.notification)),
        rows.map((row) => JSON.stringify(row.recipients)),
        rows.map((row) => row.nextAttemptAt),
        rows.map((row) => instant(row.nextAttemptAt, `outbox row ${row.id} nextAttemptAt`)),
        rows.map((row) => row.createdAt),
      ]);
    },

    async claim(pool: Pool, now: string, options: OutboxClaim): Promise<Delivery[]> {
      const limit = Number.isFinite(options.limit) ? Math.max(0, Math.floor(options.limit)) : null;
      const { rows } = await pool.query<OutboxDbRow>(sql.claim, [
        instant(now, 'now'),
        limit,
        options.owner,
        options.leaseMs,
      ]);
      return rows.map(toDelivery);
    },

    async settle(pool: Pool, id: string, owner: string, settlement: OutboxSettlement): Promise<boolean> {
      let result: { rowCount: number | null };
      if (settlement.status === 'delivered') {
        result = await pool.query(sql.delivered, [
          id,
          owner,
          JSON.stringify(settlement.receipt ?? null),
          settlement.at,
        ]);
      } else if (settlement.status === 'pending') {
        const next = instant(settlement.nextAttemptAt, 'nextAttemptAt');
        result = await pool.query(sql.retry, [id, owner, settlement.nextAttemptAt, next, settlement.error]);
      } else {
        result = await pool.query(sql.dead, [id, owner, settlement.error]);
      }
      return result.rowCount === 1;
    },

    async list(pool: Pool, filter: DeliveryFilter): Promise<Delivery[]> {
      const where: string[] = [];
      const values: string[] = [];
      if (filter.caseId !== undefined) {
        values.push(filter.caseId);
        where.push(`case_id = $${values.length}`);
      }
      if (filter.status !== undefined) {
        values.push(filter.status);
        where.push(`status = $${values.length}`);
      }
      const text = `SELECT ${COLUMNS} FROM ${s}.outbox${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY position`;
      const { rows } = await pool.query<OutboxDbRow>(text, values);
      return rows.map(toDelivery);
    },
  };
}

function toDelivery(row: OutboxDbRow): Delivery {
  return {
    id: row.id,
    caseId: row.case_id,
    notification: row.notification,
    recipients: row.recipients,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    receipt: row.receipt ?? null,
    deliveredAt: row.delivered_at,
    lastError: row.last_error,
  };
}

function instant(value: string, what: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TypeError(`${what}: not an instant: ${value}`);
  return new Date(ms).toISOString();
}
