import * as api from '@hazardflow/store-sqlite';
import { expect, it } from 'vitest';

/** The public API is the explicit list in src/index.ts: a change to it is a reviewed change here. */
it('@hazardflow/store-sqlite exports', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "HAZARDFLOW_APPLICATION_ID",
      "SCHEMA_VERSION",
      "SqliteStoreError",
      "createSqliteStore",
      "isSqliteStoreError",
    ]
  `);
});
