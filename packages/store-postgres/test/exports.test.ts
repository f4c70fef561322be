import * as api from '@hazardflow/store-postgres';
import { expect, it } from 'vitest';

/** The public API is the explicit list in src/index.ts: a change to it is a reviewed change here. */
it('@hazardflow/store-postgres exports', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "DEFAULT_SCHEMA",
      "MIGRATIONS",
      "PostgresStoreError",
      "SCHEMA_VERSION",
      "checkPostgresSchema",
      "createPostgresStore",
      "isPostgresStoreError",
      "migratePostgresSchema",
    ]
  `);
});
