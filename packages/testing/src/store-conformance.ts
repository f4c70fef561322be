import type { HazardStore } from '@hazardflow/engine';
import { describe } from 'vitest';
import { assessmentConformance } from './store-conformance/assessment-conformance';
import { checkpointConformance } from './store-conformance/checkpoint-conformance';
import { commitConformance } from './store-conformance/commit-conformance';
import { isolationConformance } from './store-conformance/isolation-conformance';
import { outboxConformance } from './store-conformance/outbox-conformance';
import { queryConformance } from './store-conformance/query-conformance';
import { readInputConformance } from './store-conformance/read-input-conformance';
import { storeTest } from './store-conformance/store-test';
import { timerConformance } from './store-conformance/timer-conformance';

export interface StoreConformanceOptions {
  /** Names the suite in the test report; defaults to "HazardStore". */
  name?: string;
}

/**
 * The published conformance suite of the store port (DESIGN.md decision 9): registers vitest
 * tests that every `HazardStore` adapter passes, ours or a third party's. Call it at the top
 * level of a test file; each test gets a fresh, empty store from `factory` and closes it after.
 *
 * It checks that a commit writes record, view, audit entry, timer changes and idempotency key
 * together or not at all (version conflicts, used keys and timers gone change nothing); the
 * version guard and its error; timers armed, re-armed, cancelled, claimed by (dueAt, caseId,
 * timerId) under exclusive leases that expire, released and fired; every `CaseFilter` field and
 * cursor paging; bad read inputs (a wrong type, a NUL byte, a year past 9999, nested `ids`)
 * refused by the engine with the same ReadInputError on every store, changing nothing, and good
 * edge inputs answered alike; history order; store checkpoints (kept exactly, appended only as the next
 * seq); outbox rows written with their commit, claimed under leases, retried and
 * dead-lettered; `assessment`, where a store keeps aggregates, equal to the scan over views
 * for random histories and windows; and that data handed out or handed in cannot change the store.
 * Timestamps are canonical ISO strings (`toISOString()`), which a store may compare as text.
 *
 * @example
 * ```ts
 * import { runStoreConformance } from '@hazardflow/testing/vitest';
 * import { createSqliteStore } from '@hazardflow/store-sqlite';
 *
 * runStoreConformance(() => createSqliteStore({ filename: ':memory:' }), { name: 'SQLite store' });
 * ```
 */
export function runStoreConformance(
  factory: () => HazardStore | Promise<HazardStore>,
  options: StoreConformanceOptions = {},
): void {
  describe(`${options.name ?? 'HazardStore'} conformance`, () => {
    const test = storeTest(factory);
    commitConformance(test);
    timerConformance(test);
    queryConformance(test);
    readInputConformance(test);
    isolationConformance(test);
    checkpointConformance(test);
    outboxConformance(test);
    assessmentConformance(test);
  });
}
