import { createSqliteStore } from '@hazardflow/store-sqlite';
import { runStoreConformance } from '@hazardflow/testing/vitest';
import { afterAll } from 'vitest';
import { tempDirectory } from './support/temp-directory';

const temp = tempDirectory();
afterAll(() => temp.clean());
let n = 0;

// A real file per test (WAL and all), not `:memory:`.
runStoreConformance(() => createSqliteStore({ filename: temp.file(`conformance-${n++}.db`) }), {
  name: 'SQLite store',
});
runStoreConformance(() => createSqliteStore({ filename: ':memory:' }), { name: 'SQLite store in memory' });
