import type Database from 'better-sqlite3';

/** Most commits one transaction carries; the rest wait for the next one. */
const MAX_BATCH = 256;

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Queues writes and applies each batch in one transaction; see `createGroupCommit`. */
export interface GroupCommit<T> {
  /** Resolves once `item` is committed (durable, under durability 'full'); rejects with its own error. */
  write(item: T): Promise<void>;
  /** Writes everything still queued, now. Called before the database closes. */
  flush(): void;
}

/**
 * Group commit: writes that arrive in the same turn of the event loop (commands on different
 * cases sent together) share one immediate transaction and so one fsync, which is what a
 * durable commit costs on a disk. Each write runs in its own savepoint (a nested better-sqlite3
 * transaction), so one that fails its checks is rolled back alone and rejects alone while the
 * others commit. Every write's promise settles only after the whole transaction has committed:
 * nothing is acknowledged before it is on disk. If the transaction itself fails (a full disk, a
 * lock held past the busy timeout), every write in it rejects and none is committed.
 *
 * The batch is taken on `setImmediate`, so a lone write waits one event-loop turn, not a timer.
 */
export function createGroupCommit<T>(db: Database.Database, apply: (item: T) => void): GroupCommit<T> {
  let queue: Pending<T>[] = [];
  let scheduled = false;
  const applyOne = db.transaction(apply); // nested inside the batch: a savepoint per write

  const applyBatch = db.transaction((batch: readonly Pending<T>[]): unknown[] => {
    const errors: unknown[] = new Array(batch.length);
    for (let i = 0; i < batch.length; i++) {
      try {
        applyOne((batch[i] as Pending<T>).item);
      } catch (error) {
        // SQLite ends the whole transaction on some errors (I/O, full disk); then nothing after
        // this write may run in autocommit mode: fail the batch so that none of it commits.
        if (!db.inTransaction) throw error;
        errors[i] = error;
      }
    }
    return errors;
  });

  const flush = () => {
    scheduled = false;
    while (queue.length > 0) {
      const batch = queue.length <= MAX_BATCH ? queue : queue.slice(0, MAX_BATCH);
      queue = queue.length <= MAX_BATCH ? [] : queue.slice(MAX_BATCH);
      let errors: unknown[];
      try {
        errors = applyBatch.immediate(batch);
      } catch (error) {
        for (const pending of batch) pending.reject(error);
        continue;
      }
      for (let i = 0; i < batch.length; i++) {
        const pending = batch[i] as Pending<T>;
        if (errors[i] === undefined) pending.resolve();
        else pending.reject(errors[i]);
      }
    }
  };

  return {
    write(item) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    flush,
  };
}
