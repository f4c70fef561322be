import type { Delivery, DeliveryFilter, OutboxClaim, OutboxRow, OutboxSettlement } from '@hazardflow/engine/adapter';
import type Database from 'better-sqlite3';

/** The outbox's statements, exported on their own so a test can check their query plans. */
export const OUTBOX_SQL = {
  insert: `INSERT INTO outbox (id, case_id, notification, recipients, status, attempts, next_attempt_at,
      next_attempt_ms, created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
  due: `SELECT id FROM outbox
    WHERE status = 'pending' AND next_attempt_ms <= ? AND (lease_owner IS NULL OR lease_until <= ?)
    ORDER BY next_attempt_ms, id LIMIT ?`,
  lease: 'UPDATE outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ?',
  one: 'SELECT * FROM outbox WHERE id = ?',
  delivered: `UPDATE outbox SET status = 'delivered', receipt = ?, delivered_at = ?, last_error = NULL,
      lease_owner = NULL, lease_until = 0
    WHERE id = ? AND status = 'pending' AND (lease_owner IS NULL OR lease_owner = ?)`,
  retry: `UPDATE outbox SET next_attempt_at = ?, next_attempt_ms = ?, last_error = ?, lease_owner = NULL, lease_until = 0
    WHERE id = ? AND status = 'pending' AND (lease_owner IS NULL OR lease_owner = ?)`,
  dead: `UPDATE outbox SET status = 'dead', last_error = ?, lease_owner = NULL, lease_until = 0
    WHERE id = ? AND status = 'pending' AND (lease_owner IS NULL OR lease_owner = ?)`,
} as const;

interface OutboxDbRow {
  id: string;
  case_id: string;
  notification: string;
  recipients: string;
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: string;
  created_at: string;
  receipt: string | null;
  delivered_at: string | null;
  last_error: string | null;
}

/**
 * The SQLite store's outbox: rows inserted inside the commit's transaction (`insertRows`),
 * claimed with leases in an immediate transaction, settled by their lease owner.
 */
export function createSqliteOutbox(db: Database.Database) {
  const insert = db.prepare(OUTBOX_SQL.insert);
  const due = db.prepare<[number, number, number], string>(OUTBOX_SQL.due).pluck();
  const lease = db.prepare(OUTBOX_SQL.lease);
  const one = db.prepare<[string], OutboxDbRow>(OUTBOX_SQL.one);
  const delivered = db.prepare(OUTBOX_SQL.delivered);
  const retry = db.prepare(OUTBOX_SQL.retry);
  const dead = db.prepare(OUTBOX_SQL.dead);
  const lists = new Map<string, Database.Statement<string[], OutboxDbRow>>();

  const claim = db.transaction((nowMs: number, options: OutboxClaim): Delivery[] => {
    const ids = due.all(nowMs, nowMs, options.limit);
    return ids.map((id) => {
      lease.run(options.owner, nowMs + options.leaseMs, id);
      return toDelivery(one.get(id) as OutboxDbRow);
    });
  });

  return {
    /** Call inside the commit's transaction. */
    insertRows(caseId: string, rows: readonly OutboxRow[]): void {
      for (const row of rows) {
        const ms = Date.parse(row.nextAttemptAt);
        if (Number.isNaN(ms)) throw new TypeError(`outbox row ${row.id}: nextAttemptAt ${row.nextAttemptAt}`);
        insert.run(
          row.id,
          caseId,
          JSON.stringify(row.notification),
          JSON.stringify(row.recipients),
          row.nextAttemptAt,
          ms,
          row.createdAt,
        );
      }
    },

    claim(now: string, options: OutboxClaim): Delivery[] {
      const nowMs = Date.parse(now);
      if (Number.isNaN(nowMs)) throw new TypeError(`claimOutbox: not an instant: ${now}`);
      if (options.limit <= 0) return [];
      return claim.immediate(nowMs, options);
    },

    settle(id: string, owner: string, settlement: OutboxSettlement): boolean {
      switch (settlement.status) {
        case 'delivered':
          return delivered.run(JSON.stringify(settlement.receipt ?? null), settlement.at, id, owner).changes === 1;
        case 'pending': {
          const ms = Date.parse(settlement.nextAttemptAt);
          if (Number.isNaN(ms)) throw new TypeError(`settleOutbox: not an instant: ${settlement.nextAttemptAt}`);
          return retry.run(settlement.nextAttemptAt, ms, settlement.error, id, owner).changes === 1;
        }
        case 'dead':
          return dead.run(settlement.error, id, owner).changes === 1;
      }
    },

    list(filter: DeliveryFilter): Delivery[] {
      const where: string[] = [];
      const params: string[] = [];
      if (filter.caseId !== undefined) {
        where.push('case_id = ?');
        params.push(filter.caseId);
      }
      if (filter.status !== undefined) {
        where.push('status = ?');
        params.push(filter.status);
      }
      const sql = `SELECT * FROM outbox${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY rowid`;
      let statement = lists.get(sql);
      if (!statement) {
        statement = db.prepare<string[], OutboxDbRow>(sql);
        lists.set(sql, statement);
      }
      return statement.all(...params).map(toDelivery);
    },
  };
}

function toDelivery(row: OutboxDbRow): Delivery {
  return {
    id: row.id,
    caseId: row.case_id,
    notification: JSON.parse(row.notification) as Delivery['notification'],
    recipients: JSON.parse(row.recipients) as Delivery['recipients'],
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    receipt: row.receipt === null ? null : (JSON.parse(row.receipt) as unknown),
    deliveredAt: row.delivered_at,
    lastError: row.last_error,
  };
}
