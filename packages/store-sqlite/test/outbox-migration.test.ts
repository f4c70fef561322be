import { createSqliteStore, SCHEMA_VERSION } from '@hazardflow/store-sqlite';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDirectory } from './support/temp-directory';

const temp = tempDirectory();
afterEach(() => temp.clean());

it('a version-1 database migrates across the gap (versions 2 and 3 are other changes) to the outbox', async () => {
  const filename = temp.file('v1.db');
  await createSqliteStore({ filename }).close();
  // Make it what version 1 left: no outbox table, schema_version 1.
  const raw = new Database(filename);
  raw.exec('DROP TABLE outbox');
  raw.prepare("UPDATE hazardflow_meta SET value = '1' WHERE key = 'schema_version'").run();
  raw.close();

  const store = createSqliteStore({ filename });
  expect(await store.deliveries?.({})).toEqual([]);
  await store.close();
  const after = new Database(filename, { readonly: true });
  expect(after.prepare("SELECT value FROM hazardflow_meta WHERE key = 'schema_version'").pluck().get()).toBe(
    String(SCHEMA_VERSION),
  );
  expect(SCHEMA_VERSION).toBe(4);
  after.close();
});
