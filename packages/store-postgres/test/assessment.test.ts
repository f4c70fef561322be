import {
  ASSESSMENT_GROUPS,
  type AssessmentOptions,
  type AuditEntry,
  type CaseView,
  computeAssessment,
} from '@hazardflow/engine';
import { ASSESSMENT_CELLS_REVISION } from '@hazardflow/engine/adapter';
import { createPostgresStore, MIGRATIONS, type PostgresStore } from '@hazardflow/store-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { at, commitOf } from './support/commits';
import { adminPool, describeWithServer, dropSchemas, freshSchema } from './support/database';

const WINDOWS: AssessmentOptions[] = [
  { groupBy: 'territory' },
  { groupBy: 'territory', from: at(60 * 24), to: at(60 * 24 * 3 + 90) },
  { groupBy: 'regulator', from: at(60 * 30) },
  { groupBy: 'pack', to: at(60 * 24 * 2 + 5) },
];

async function viewsOf(store: PostgresStore): Promise<CaseView[]> {
  const views: CaseView[] = [];
  for await (const view of store.allViews()) views.push(view);
  return views;
}

async function expectSameAsScan(store: PostgresStore): Promise<void> {
  const views = await viewsOf(store);
  const windows = [...WINDOWS, ...ASSESSMENT_GROUPS.map((groupBy) => ({ groupBy }))];
  for (const options of windows) {
    expect(await store.assessment(options), JSON.stringify(options)).toEqual(computeAssessment(views, options));
  }
}

describeWithServer('PostgreSQL store: assessment aggregates on a real server', (url) => {
  const schemas: string[] = [];
  const stores: PostgresStore[] = [];
  const openStore = (schema: string): PostgresStore => {
    if (!schemas.includes(schema)) schemas.push(schema);
    const store = createPostgresStore({ connectionString: url, schema, poolSize: 4 });
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    for (const store of stores) await store.close();
    await dropSchemas(url, schemas);
  });

  /** A case's life: reported on day `i % 4`, moved between territories, then closed (or left open). */
  async function driveCase(store: PostgresStore, caseId: string, i: number): Promise<void> {
    const reportedAt = at((i % 4) * 60 * 24 + (i % 7) * 37);
    const territory = (n: number) => `street-${String.fromCharCode(97 + ((i + n) % 3))}`;
    let previous: AuditEntry | undefined;
    const steps: Partial<CaseView>[] = [
      { reportedAt, territory: territory(0) },
      { reportedAt, territory: territory(1), escalationLevel: 1, overdue: i % 2 === 0 },
      { reportedAt, territory: territory(1), escalationLevel: 2, listedSupervision: i % 3 === 0 },
      ...(i % 4 === 3
        ? []
        : [
            {
              reportedAt,
              territory: territory(2),
              status: 'closed' as const,
              closedAt: at((i % 4) * 60 * 24 + 60 * 24 + (i % 5) * 53),
              closedOnTime: i % 2 === 1,
              workingDaysToClose: 1,
            },
          ]),
    ];
    for (const [version, view] of steps.entries()) {
      const commit = commitOf(caseId, version, { previous, view: { ...view, updatedAt: at(10_000 + version) } });
      await store.commit(commit);
      previous = commit.audit;
    }
  }

  it('two stores committing different cases at once keep exact counts', async () => {
    const schema = freshSchema('hfagg');
    const first = openStore(schema);
    const second = openStore(schema);
    await Promise.all([first.ready(), second.ready()]);
    await Promise.all(Array.from({ length: 40 }, (_, i) => driveCase(i % 2 === 0 ? first : second, `case-${i}`, i)));
    await expectSameAsScan(first);
    await expectSameAsScan(second);
    const admin = adminPool(url);
    try {
      const empty = await admin.query(
        `SELECT count(*)::integer AS n FROM "${schema}".assessment_cells WHERE count <= 0`,
      );
      expect(empty.rows[0]?.n).toBe(0);
    } finally {
      await admin.end();
    }
  }, 60_000);

  it('a version 4 schema holding cases is migrated, its cells counted from the views, then kept by commits', async () => {
    const schema = freshSchema('hfagg');
    schemas.push(schema);
    const admin = adminPool(url);
    const firsts = [
      commitOf('old-1', 0, { view: { territory: 'east', reportedAt: at(60) } }),
      commitOf('old-2', 0, {
        view: {
          territory: 'east',
          reportedAt: at(60 * 25),
          status: 'closed',
          closedAt: at(60 * 24 * 3 + 10),
          closedOnTime: true,
          workingDaysToClose: 2,
          escalationLevel: 2,
        },
      }),
      commitOf('old-3', 0, { view: { territory: 'west', reportedAt: at(60 * 49), overdue: true } }),
    ];
    const views = firsts.map((commit) => commit.record.view);
    try {
      // What version 4 of the package left: migrations 1 to 4, and rows its commit_case() wrote.
      const s = `"${schema}"`;
      await admin.query(`CREATE SCHEMA ${s}`);
      await admin.query(
        `CREATE TABLE ${s}.schema_migrations (version integer PRIMARY KEY, description text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      for (const migration of MIGRATIONS.filter((m) => m.version <= 4)) {
        await admin.query(migration.sql(s));
        await admin.query(`INSERT INTO ${s}.schema_migrations (version, description) VALUES ($1, $2)`, [
          migration.version,
          migration.description,
        ]);
      }
      for (const view of views) {
        await admin.query(
          `INSERT INTO ${s}.cases (id, version, pack_id, category, severity, status, territory, regulator, overdue,
             escalation_level, due_at, reported_at, updated_at, view, snapshot)
           VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '{}')`,
          [
            view.id,
            view.packId,
            view.category,
            view.severity,
            view.status,
            view.territory,
            view.regulator,
            view.overdue,
            view.escalationLevel,
            view.dueAt,
            view.reportedAt,
            view.updatedAt,
            JSON.stringify(view),
          ],
        );
      }
      const store = openStore(schema);
      await expectSameAsScan(store);
      expect((await store.assessment({ groupBy: 'territory' })).map((r) => [r.group, r.found, r.closed])).toEqual([
        ['east', 2, 1],
        ['west', 1, 0],
      ]);
      // A commit on an upgraded case takes its counted cells out and puts the new ones in.
      await store.commit(
        commitOf('old-1', 1, { previous: firsts[0]?.audit, view: { territory: 'west', reportedAt: at(60) } }),
      );
      await expectSameAsScan(store);
      const uncounted = await admin.query(
        `SELECT count(*)::integer AS n FROM ${s}.cases WHERE assessment_signature IS NULL OR assessment_cells IS NULL`,
      );
      expect(uncounted.rows[0]?.n).toBe(0);
    } finally {
      await admin.end();
    }
  });

  describe('a schema whose cells another revision counted', () => {
    it('is recounted from the views once, though three workers open it at once', async () => {
      const schema = freshSchema('hfagg');
      const writer = openStore(schema);
      await Promise.all(Array.from({ length: 12 }, (_, i) => driveCase(writer, `case-${i}`, i)));
      const admin = adminPool(url);
      try {
        const cellsOf = async () =>
          (
            await admin.query(
              `SELECT group_by, day, grp, figure, bin, count FROM "${schema}".assessment_cells ORDER BY 1, 2, 3, 4, 5`,
            )
          ).rows;
        const kept = await cellsOf();
        expect(kept.length).toBeGreaterThan(0);
        // Another revision's cells: wrong counts, a stray cell, and no signatures.
        await admin.query(`UPDATE "${schema}".assessment_cells SET count = count + 5`);
        await admin.query(
          `INSERT INTO "${schema}".assessment_cells VALUES ('territory', '2026-01-01', 'x', 'found', '', 3)`,
        );
        await admin.query(`UPDATE "${schema}".cases SET assessment_signature = NULL, assessment_cells = NULL`);
        await admin.query(`UPDATE "${schema}".assessment_revision SET revision = 'an older revision'`);

        const openers = [openStore(schema), openStore(schema), openStore(schema)];
        await Promise.all(openers.map((store) => store.ready()));
        expect(await cellsOf()).toEqual(kept);
        const revision = await admin.query(`SELECT revision FROM "${schema}".assessment_revision`);
        expect(revision.rows).toEqual([{ revision: ASSESSMENT_CELLS_REVISION }]);
        await expectSameAsScan(openers[0] as PostgresStore);

        // Commits after the recount take out what the recount put in.
        await Promise.all(
          Array.from({ length: 6 }, (_, i) => driveCase(openers[i % 3] as PostgresStore, `new-${i}`, i)),
        );
        await expectSameAsScan(openers[1] as PostgresStore);
      } finally {
        await admin.end();
      }
    }, 60_000);
  });
});
