import type { HazardNotification } from '@hazardflow/core';
import type { CaseView } from './case-view';
import type { Clock } from './clock';
import type { EngineEmitter } from './engine-events';
import type { Delivery } from './outbox';
import { type RetryPolicy, retryDelayMs } from './retry-backoff';
import type { HazardStore } from './store';

/** A notification as `deliver` gets it: the machine's notification plus its stable outbox id. */
export type OutboxNotification = HazardNotification & { id: string };

/**
 * The application's delivery handler (SMS gateway, webhook, mail). Resolving means delivered:
 * what it returns is kept as the receipt (JSON; `{ deliveredAt }` when it returns nothing).
 * Throwing or rejecting means retry. It may run more than once for one notification (at
 * least once): pass `notification.id` on as an idempotency key so the receiver deduplicates.
 */
export type DeliverHandler = (
  notification: OutboxNotification,
  view: CaseView | undefined,
  attempt: { attempt: number },
) => unknown;

export interface DispatchOptions {
  /** At most this many notifications are attempted in this pass. */
  limit?: number;
}

/** What one dispatch pass did. */
export interface DispatchResult {
  delivered: number;
  retried: number;
  dead: number;
}

export interface DispatcherDeps {
  store: HazardStore;
  clock: Clock;
  emitter: EngineEmitter;
  deliver: DeliverHandler;
  workerId: string;
  leaseMs: number;
  batchSize: number;
  retry: RetryPolicy;
  random: () => number;
}

/**
 * The outbox dispatcher: claims due notifications (leased, so workers sharing a store never
 * deliver one at the same time while the lease holds), calls `deliver`, and settles each row:
 * delivered with its receipt, retried after an exponential backoff with full jitter, or
 * dead-lettered after `maxAttempts` (with an `error` event). A process that dies mid-delivery
 * leaves the row leased; when the lease runs out it is claimed again: at-least-once.
 */
export function createDispatcher(deps: DispatcherDeps): (options?: DispatchOptions) => Promise<DispatchResult> {
  const { store, clock, emitter, deliver, workerId, leaseMs, batchSize, retry, random } = deps;
  const claimOutbox = store.claimOutbox?.bind(store);
  const settleOutbox = store.settleOutbox?.bind(store);
  if (!claimOutbox || !settleOutbox) {
    throw new TypeError('createEngine: `deliver` needs a store with an outbox (claimOutbox, settleOutbox)');
  }

  async function attempt(row: Delivery, result: DispatchResult): Promise<void> {
    const view = (await store.getCase(row.caseId))?.view;
    const notification: OutboxNotification = { ...row.notification, id: row.id };
    let receipt: unknown;
    try {
      receipt = await deliver(notification, view, { attempt: row.attempts });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = clock.now();
      if (row.attempts >= retry.maxAttempts) {
        const settled = await settleOutbox?.(row.id, workerId, {
          status: 'dead',
          at: now.toISOString(),
          error: message,
        });
        if (settled) {
          result.dead++;
          emitter.emit(
            'error',
            new Error(
              `notification ${row.id} of case ${row.caseId} dead-lettered after ${row.attempts} attempts: ${message}`,
              { cause: error },
            ),
          );
        }
        return;
      }
      const wait = retryDelayMs(row.attempts, retry, random);
      // At least 1 ms on: a pass never claims a row it has just failed again.
      const nextAttemptAt = new Date(now.getTime() + Math.max(1, wait)).toISOString();
      if (await settleOutbox?.(row.id, workerId, { status: 'pending', nextAttemptAt, error: message }))
        result.retried++;
      return;
    }
    const at = clock.now().toISOString();
    const kept = receipt === undefined ? { deliveredAt: at } : receipt;
    if (await settleOutbox?.(row.id, workerId, { status: 'delivered', at, receipt: kept })) {
      result.delivered++;
      emitter.emit('notification', row.notification, view as CaseView);
    }
  }

  return async function dispatchNotifications(options: DispatchOptions = {}): Promise<DispatchResult> {
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const result: DispatchResult = { delivered: 0, retried: 0, dead: 0 };
    let attempted = 0;
    while (attempted < limit) {
      const batch = await (claimOutbox as NonNullable<typeof claimOutbox>)(clock.now().toISOString(), {
        limit: Math.max(1, Math.min(batchSize, limit - attempted)),
        owner: workerId,
        leaseMs,
      });
      if (batch.length === 0) break;
      for (const row of batch) {
        attempted++;
        await attempt(row, result);
      }
    }
    return result;
  };
}
