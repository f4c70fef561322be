import { createSqliteStore, SCHEMA_VERSION } from '@hazardflow/store-sqlite';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureCaseView } from '../../testing/src/fixtures';
// The schema as version 1 of the package wrote it: the migration list is append-only, so
// its first entry is exactly what an old release applied.
import { HAZARDFLOW_APPLICATION_ID, MIGRATIONS } from '../src/migrations';
import { tempDirectory } from './support/temp-directory';

const temp = tempDirectory();
afterEach(() => temp.clean());

/** A database file as @hazardflow/store-sqlite wrote it at schema version 1, with `views` in it. */
function versionOneDatabase(filename: string, views: ReturnType<typeof fixtureCaseView>[]): void {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.exec((MIGRATIONS[0] as { sql: string }).sql);
  db.pragma(`application_id = ${HAZARDFLOW_APPLICATION_ID}`);
  const meta = db.prepare('INSERT INTO hazardflow_meta (key, value) VALUES (?, ?)');
  meta.run('application', 'hazardflow');
  meta.run('created_by', '@hazardflow/store-sqlite');
  meta.run('schema_version', '1');
  const insert = db.prepare(`INSERT INTO cases (id, version, pack_id, category, severity, status, territory,
    regulator, overdue, escalation_level, due_at, reported_at, updated_at, view, snapshot)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')`);
  for (const v of views) {
    insert.run(
      v.id,
      v.version,
      v.packId,
      v.category,
      v.severity,
      v.status,
      v.territory,
      v.regulator,
      0,
      v.escalationLevel,
      v.dueAt,
      v.reportedAt,
      v.updatedAt,
      JSON.stringify(v),
    );
  }
  db.close();
}

describe('schema version 2: the pack version of each case', () => {
  it('upgrades a version 1 database in place, and its cases are found by pack version', async () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    const filename = temp.file('v1.db');
    versionOneDatabase(filename, [
      fixtureCaseView('c-1', { packVersion: '1.0.0' }),
      fixtureCaseView('c-2', { packVersion: '1.1.0' }),
      fixtureCaseView('c-3', { packVersion: '1.0.0', packId: 'gas' }),
    ]);
    const store = createSqliteStore({ filename });
    const found = await store.query({ packId: 'fire', packVersion: '1.0.0' });
    expect(found.items.map((v) => v.id)).toEqual(['c-1']);
    await store.close();

    const raw = new Database(filename, { readonly: true });
    expect(raw.prepare("SELECT value FROM hazardflow_meta WHERE key = 'schema_version'").pluck().get()).toBe(
      String(SCHEMA_VERSION),
    );
    const plan = raw
      .prepare(
        'EXPLAIN QUERY PLAN SELECT view FROM cases WHERE pack_id = ? AND pack_version = ? ORDER BY reported_at, id',
      )
      .all('fire', '1.0.0') as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toContain('cases_by_pack_version');
    raw.close();
  });
});
