import type { Delivery, DeliveryFilter, OutboxClaim, OutboxRow, OutboxSettlement } from './outbox';

/** A row and its mutable delivery state; the row itself is frozen and shared. */
interface StoredDelivery {
  row: OutboxRow;
  status: Delivery['status'];
  attempts: number;
  nextAttemptAt: string;
  nextAttemptMs: number;
  leaseOwner: string | null;
  leaseUntil: number;
  receipt: unknown;
  deliveredAt: string | null;
  lastError: string | null;
}

/**
 * The memory store's outbox: every row in commit order, the pending ones also in their own
 * map so a claim scans only what may still be delivered.
 * @internal the memory store's own.
 */
export function createMemoryOutbox() {
  const all: StoredDelivery[] = [];
  const byId = new Map<string, StoredDelivery>();
  const byCase = new Map<string, StoredDelivery[]>();
  const pending = new Map<string, StoredDelivery>();

  function view(stored: StoredDelivery): Delivery {
    const { row } = stored;
    return {
      id: row.id,
      caseId: row.caseId,
      notification: row.notification,
      recipients: row.recipients,
      status: stored.status,
      attempts: stored.attempts,
      nextAttemptAt: stored.nextAttemptAt,
      createdAt: row.createdAt,
      receipt: stored.receipt === undefined ? null : structuredClone(stored.receipt),
      deliveredAt: stored.deliveredAt,
      lastError: stored.lastError,
    };
  }

  return {
    /** Throws before anything is added if a row's id is taken or its instant is not one. */
    check(rows: readonly OutboxRow[]): void {
      for (const row of rows) {
        if (byId.has(row.id)) throw new TypeError(`outbox row ${row.id} already exists`);
        if (Number.isNaN(Date.parse(row.nextAttemptAt))) {
          throw new TypeError(`outbox row ${row.id}: nextAttemptAt ${row.nextAttemptAt} is not an instant`);
        }
      }
    },

    add(rows: readonly OutboxRow[]): void {
      for (const row of rows) {
        const stored: StoredDelivery = {
          row,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: row.nextAttemptAt,
          nextAttemptMs: Date.parse(row.nextAttemptAt),
          leaseOwner: null,
          leaseUntil: 0,
          receipt: undefined,
          deliveredAt: null,
          lastError: null,
        };
        all.push(stored);
        byId.set(row.id, stored);
        pending.set(row.id, stored);
        const ofCase = byCase.get(row.caseId);
        if (ofCase) ofCase.push(stored);
        else byCase.set(row.caseId, [stored]);
      }
    },

    claim(now: string, options: OutboxClaim): Delivery[] {
      const nowMs = Date.parse(now);
      if (Number.isNaN(nowMs)) throw new TypeError(`claimOutbox: not an instant: ${now}`);
      const due: StoredDelivery[] = [];
      for (const stored of pending.values()) {
        if (stored.nextAttemptMs <= nowMs && (stored.leaseOwner === null || stored.leaseUntil <= nowMs)) {
          due.push(stored);
        }
      }
      due.sort((a, b) => a.nextAttemptMs - b.nextAttemptMs || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
      const claimed = due.slice(0, Math.max(0, options.limit));
      for (const stored of claimed) {
        stored.leaseOwner = options.owner;
        stored.leaseUntil = nowMs + options.leaseMs;
        stored.attempts++;
      }
      return claimed.map(view);
    },

    settle(id: string, owner: string, settlement: OutboxSettlement): boolean {
      const stored = pending.get(id);
      if (!stored || (stored.leaseOwner !== null && stored.leaseOwner !== owner)) return false;
      stored.leaseOwner = null;
      stored.leaseUntil = 0;
      if (settlement.status === 'pending') {
        const ms = Date.parse(settlement.nextAttemptAt);
        if (Number.isNaN(ms)) throw new TypeError(`settleOutbox: not an instant: ${settlement.nextAttemptAt}`);
        stored.nextAttemptAt = settlement.nextAttemptAt;
        stored.nextAttemptMs = ms;
        stored.lastError = settlement.error;
        return true;
      }
      pending.delete(id);
      stored.status = settlement.status;
      if (settlement.status === 'delivered') {
        stored.receipt = structuredClone(settlement.receipt ?? null);
        stored.deliveredAt = settlement.at;
        stored.lastError = null;
      } else {
        stored.lastError = settlement.error;
      }
      return true;
    },

    list(filter: DeliveryFilter): Delivery[] {
      const source = filter.caseId !== undefined ? (byCase.get(filter.caseId) ?? []) : all;
      return source.filter((stored) => filter.status === undefined || stored.status === filter.status).map(view);
    },
  };
}
