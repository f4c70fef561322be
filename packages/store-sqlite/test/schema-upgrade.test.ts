import { appendAuditEntry, type CaseView, computeAssessment } from '@hazardflow/engine';
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

describe('schema version 5: assessment aggregates', () => {
  /** Versions 1 to 4 of the schema, as those releases left a database, with `views` in it. */
  function versionFourDatabase(filename: string, views: ReturnType<typeof fixtureCaseView>[]): void {
    versionOneDatabase(filename, views);
    const db = new Database(filename);
    for (const migration of MIGRATIONS.filter((m) => m.version >= 2 && m.version <= 4)) db.exec(migration.sql);
    db.prepare("UPDATE hazardflow_meta SET value = '4' WHERE key = 'schema_version'").run();
    db.close();
  }

  const views = [
    fixtureCaseView('c-1', { territory: 'east', reportedAt: '2026-03-02T08:00:00.000Z' }),
    fixtureCaseView('c-2', {
      territory: 'east',
      reportedAt: '2026-03-03T08:00:00.000Z',
      status: 'closed',
      closedAt: '2026-03-06T10:00:00.000Z',
      closedOnTime: true,
      workingDaysToClose: 3,
      maxEscalationLevel: 2,
    }),
    fixtureCaseView('c-3', { territory: 'west', reportedAt: '2026-03-04T23:00:00.000Z', overdue: true }),
  ];

  it('upgrades a version 4 database: the cells are counted from the views it holds, then kept by commits', async () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    const filename = temp.file('v4.db');
    versionFourDatabase(filename, views);
    const store = createSqliteStore({ filename });
    const windows = [
      { groupBy: 'territory' as const },
      { groupBy: 'territory' as const, from: '2026-03-03T00:00:00.000Z', to: '2026-03-06T12:00:00.000Z' },
      { groupBy: 'regulator' as const, from: '2026-03-04T00:00:00.000Z' },
    ];
    for (const options of windows) expect(await store.assessment?.(options)).toEqual(computeAssessment(views, options));
    expect((await store.assessment?.({ groupBy: 'territory' }))?.map((r) => [r.group, r.found, r.byRung])).toEqual([
      ['east', 2, [1, 0, 1]],
      ['west', 1, [1]],
    ]);

    // A commit on an upgraded case takes its old figures out and puts the new ones in.
    const moved = { ...(views[0] as CaseView), version: 2, territory: 'west', updatedAt: '2026-03-07T00:00:00.000Z' };
    await store.commit({
      caseId: 'c-1',
      expectedVersion: 1,
      record: { view: moved, snapshot: {} },
      audit: appendAuditEntry(undefined, {
        caseId: 'c-1',
        at: moved.updatedAt,
        actor: { id: 'system', role: 'system' },
        command: 'COMMENT',
        fromStatus: moved.status,
        toStatus: moved.status,
        reasons: [],
        evidence: [],
      }),
      timers: { set: [], cancel: [] },
    });
    const now = [moved, views[1] as CaseView, views[2] as CaseView];
    for (const options of windows) expect(await store.assessment?.(options)).toEqual(computeAssessment(now, options));
    await store.close();

    const raw = new Database(filename, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM cases WHERE assessment_signature IS NULL').pluck().get()).toBe(0);
    raw.close();
  });
});
