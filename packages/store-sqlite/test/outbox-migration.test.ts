import { createSqliteStore, SCHEMA_VERSION } from '@hazardflow/store-sqlite';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { tempDirectory } from './support/temp-directory';

const temp = tempDirectory();
afterEach(() => temp.clean());

it('a version-1 database migrates through versions 2 and 3 to the outbox', async () => {
  const filename = temp.file('v1.db');
  await createSqliteStore({ filename }).close();
  // Make it what version 1 left: no pack-version column (2), checkpoints (3), outbox (4) or assessment cells (5).
  const raw = new Database(filename);
  raw.exec('DROP TABLE assessment_cells; DROP INDEX cases_by_closed');
  raw.exec('ALTER TABLE cases DROP COLUMN closed_at; ALTER TABLE cases DROP COLUMN assessment_signature');
  raw.exec("DELETE FROM hazardflow_meta WHERE key = 'assessment_cells'");
  raw.exec('DROP TABLE outbox; DROP TABLE checkpoints; DROP INDEX cases_by_pack_version');
  raw.exec('ALTER TABLE cases DROP COLUMN pack_version');
  raw.prepare("UPDATE hazardflow_meta SET value = '1' WHERE key = 'schema_version'").run();
  raw.close();

  const store = createSqliteStore({ filename });
  expect(await store.deliveries?.({})).toEqual([]);
  await store.close();
  const after = new Database(filename, { readonly: true });
  expect(after.prepare("SELECT value FROM hazardflow_meta WHERE key = 'schema_version'").pluck().get()).toBe(
    String(SCHEMA_VERSION),
  );
  expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
  after.close();
});
