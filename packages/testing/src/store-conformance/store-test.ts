import type { HazardStore } from '@hazardflow/engine';
import { it } from 'vitest';
import { type CommitBuilder, createCommitBuilder } from '../fixtures';

export type StoreFactory = () => HazardStore | Promise<HazardStore>;

/** Registers one test that gets a fresh store from the factory and a fresh builder; the store is closed after. */
export type StoreTest = (
  title: string,
  body: (store: HazardStore, fx: CommitBuilder) => Promise<void>,
  /** For the few tests that run many commits (property tests); vitest's default otherwise. */
  timeoutMs?: number,
) => void;

export function storeTest(factory: StoreFactory): StoreTest {
  return (title, body, timeoutMs) => {
    it(title, { ...(timeoutMs !== undefined ? { timeout: timeoutMs } : {}) }, async () => {
      const store = await factory();
      try {
        await body(store, createCommitBuilder());
      } finally {
        await store.close();
      }
    });
  };
}

/**
 * The error `run` throws or rejects with (a store may do either), or undefined. Lets a test
 * check the error's class and fields, then go on to check that nothing changed.
 */
export async function errorOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Everything a reader can see of some cases, to compare before and after a commit that must fail. */
export async function observe(store: HazardStore, caseIds: readonly string[], keys: readonly string[]) {
  const cases: Record<string, unknown> = {};
  for (const id of caseIds) {
    cases[id] = {
      record: await store.getCase(id),
      history: await store.history(id),
      timers: sortTimers(await store.timersOf(id)),
    };
  }
  const idempotency: Record<string, unknown> = {};
  for (const key of keys) idempotency[key] = await store.getIdempotentResult(key);
  const listed = await store.query({}, { limit: 1000 });
  return {
    cases,
    idempotency,
    listed: listed.items.map((v) => `${v.id}@${v.version}`),
    nextTimerDueAt: await store.nextTimerDueAt(),
  };
}

/** timersOf promises no order; compare by timerId. */
export function sortTimers<T extends { timerId: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => (a.timerId < b.timerId ? -1 : a.timerId > b.timerId ? 1 : 0));
}

/** `caseId/timerId` of each row, in the order given. */
export function timerKeys(rows: readonly { caseId: string; timerId: string }[]): string[] {
  return rows.map((r) => `${r.caseId}/${r.timerId}`);
}
