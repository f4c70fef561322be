/**
 * @hazardflow/testing/vitest — the conformance suites that register vitest tests
 * (`describe`/`it`): import them from a vitest test file. The main entry,
 * `@hazardflow/testing`, imports no test runner, so it loads under any runner or none.
 *
 * @example
 * ```ts
 * import { runPackConformance, runStoreConformance } from '@hazardflow/testing/vitest';
 * import { firePack } from '@hazardflow/policy-fire';
 * import { createSqliteStore } from '@hazardflow/store-sqlite';
 *
 * runPackConformance(firePack);
 * runStoreConformance(() => createSqliteStore({ filename: ':memory:' }), { name: 'SQLite store' });
 * ```
 *
 * @module
 */

export { expectReadmeDiagramCurrent } from './expect-readme-diagram-current';
export { type RunPackConformanceOptions, runPackConformance } from './run-pack-conformance';
export { type ReadmeSourceOptions, runReadmeSourceChecks } from './run-readme-source-checks';
export { runStoreConformance, type StoreConformanceOptions } from './store-conformance';
