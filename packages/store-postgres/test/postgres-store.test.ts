import {
  createEngine,
  createManualClock,
  DuplicateCommandError,
  type HazardStore,
  TimerGoneError,
  VersionConflictError,
  verifyAuditChain,
} from '@hazardflow/engine';
import {
  createPostgresStore,
  MIGRATIONS,
  migratePostgresSchema,
  type PostgresStore,
  PostgresStoreError,
  SCHEMA_VERSION,
} from '@hazardflow/store-postgres';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pack, people, reportInput } from '../../engine/test/support';
import { at, commitOf, timer } from './support/commits';
import { adminPool, describeWithServer, dropSchemas, freshSchema } from './support/database';

describeWithServer('PostgreSQL store on a real server', (url) => {
  const schemas: string[] = [];
  const stores: HazardStore[] = [];
  const openStore = (schema = freshSchema(), poolSize = 4): PostgresStore => {
    if (!schemas.includes(schema)) schemas.push(schema);
    const store = createPostgresStore({ connectionString: url, schema, poolSize });
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    for (const store of stores) await store.close();
    await dropSchemas(url, schemas);
  });

  describe('migrations', () => {
    it('creates its schema and records the version; five workers opening at once migrate it once', async () => {
      const schema = freshSchema();
      await Promise.all(Array.from({ length: 5 }, () => openStore(schema).ready()));
      const admin = adminPool(url);
      try {
        const { rows } = await admin.query(
          `SELECT version, description FROM "${schema}".schema_migrations ORDER BY version`,
        );
        expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, description: m.description })));
        expect(rows.at(-1)?.version).toBe(SCHEMA_VERSION);
        const tables = await admin.query('SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1', [schema]);
        expect(tables.rows.map((r) => r.tablename)).toEqual([
          'assessment_cells',
          'assessment_revision',
          'audit',
          'cases',
          'checkpoints',
          'idempotency',
          'outbox',
          'schema_migrations',
          'timers',
        ]);
      } finally {
        await admin.end();
      }
    });

    it('refuses a schema migrated by a newer version of the package, and touches nothing', async () => {
      const schema = freshSchema();
      await openStore(schema).ready();
      const admin = adminPool(url);
      try {
        await admin.query(`INSERT INTO "${schema}".schema_migrations (version, description) VALUES (99, 'future')`);
        await expect(openStore(schema).getCase('x')).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });
      } finally {
        await admin.end();
      }
    });

    it('with migrate: false only checks, and names the fix when the schema is missing', async () => {
      const schema = freshSchema();
      schemas.push(schema);
      const checking = createPostgresStore({ connectionString: url, schema, migrate: false });
      stores.push(checking);
      const error = await checking.ready().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PostgresStoreError);
      expect(error).toMatchObject({ code: 'SCHEMA_OUTDATED', details: { version: 0 } });
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        expect(await migratePostgresSchema(pool, schema)).toBe(SCHEMA_VERSION);
      } finally {
        await pool.end();
      }
      // A failed open is retried by the next call rather than remembered.
      await expect(checking.ready()).resolves.toBeUndefined();
    });

    it('rejects a schema name that is not a plain identifier before connecting', () => {
      expect(() => createPostgresStore({ connectionString: url, schema: 'x"; DROP TABLE y; --' })).toThrow(
        expect.objectContaining({ code: 'INVALID_SCHEMA_NAME' }),
      );
    });
  });

  describe('commits racing on the server', () => {
    it('of twenty writers at the same version exactly one commits; the others get the actual version', async () => {
      const store = openStore(undefined, 10);
      const first = commitOf('race-1', 0);
      await store.commit(first);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.commit(
            commitOf('race-1', 1, {
              previous: first.audit,
              payload: { writer: i },
              set: [timer('race-1', `t${i}`, 5)],
            }),
          ),
        ),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(19);
      for (const error of lost) expect(error).toEqual(new VersionConflictError('race-1', 1, 2));
      expect(await store.history('race-1')).toHaveLength(2);
      expect(verifyAuditChain(await store.history('race-1'))).toEqual({ ok: true, length: 2 });
      // Only the winner's timer exists: the losers' writes were rolled back whole.
      expect(await store.timersOf('race-1')).toHaveLength(1);
    });

    it('of ten creators of one id one wins, and the others see a version conflict', async () => {
      const store = openStore(undefined, 10);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => store.commit(commitOf('created-once', 0, { payload: { writer: i } }))),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes) {
        if (o.status === 'rejected') expect(o.reason).toEqual(new VersionConflictError('created-once', 0, 1));
      }
    });

    it('one idempotency key on two cases at once commits once; the other case stays unwritten', async () => {
      const store = openStore(undefined, 10);
      const outcomes = await Promise.allSettled([
        store.commit(commitOf('key-a', 0, { key: 'cmd-1' })),
        store.commit(commitOf('key-b', 0, { key: 'cmd-1' })),
      ]);
      const rejected = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
      expect(rejected).toEqual([new DuplicateCommandError('cmd-1')]);
      const written = [await store.getCase('key-a'), await store.getCase('key-b')].filter(Boolean);
      expect(written).toHaveLength(1);
      expect(await store.getIdempotentResult('cmd-1')).toEqual({ ok: true, version: 1 });
    });

    it('a commit that fails on its last check leaves no trace of its earlier writes', async () => {
      const store = openStore();
      const first = commitOf('atomic', 0, { set: [timer('atomic', 'deadline', 10)] });
      await store.commit(first);
      const failing = commitOf('atomic', 1, {
        previous: first.audit,
        key: 'never',
        set: [timer('atomic', 'warning', 20)],
        cancel: ['deadline'],
        firedTimer: { timerId: 'deadline', dueAt: at(11), leaseOwner: 'w1' },
      });
      await expect(store.commit(failing)).rejects.toEqual(new TimerGoneError('atomic', 'deadline'));
      expect((await store.getCase('atomic'))?.view.version).toBe(1);
      expect(await store.history('atomic')).toHaveLength(1);
      expect(await store.getIdempotentResult('never')).toBeUndefined();
      expect(await store.timersOf('atomic')).toEqual([timer('atomic', 'deadline', 10)]);
    });
  });

  describe('timers shared by several workers', () => {
    it('four workers claiming at once split the due timers between them, none twice', async () => {
      const schema = freshSchema();
      const workers = Array.from({ length: 4 }, () => openStore(schema));
      const seed = workers[0] as PostgresStore;
      for (let c = 0; c < 50; c++) {
        const caseId = `case-${String(c).padStart(2, '0')}`;
        const set = [0, 1, 2, 3].map((t) => timer(caseId, `t${t}`, (c + t) % 30));
        await seed.commit(commitOf(caseId, 0, { set: [...set, timer(caseId, 'later', 600)] }));
      }
      await Promise.all(workers.map((store) => store.ready()));
      // Rounds of four simultaneous claims: SKIP LOCKED hands each worker different rows.
      const all: string[] = [];
      const perWorker = [0, 0, 0, 0];
      for (;;) {
        const batches = await Promise.all(
          workers.map((store, w) => store.claimDueTimers(at(30), { limit: 7, owner: `w${w}`, leaseMs: 60_000 })),
        );
        if (batches.every((batch) => batch.length === 0)) break;
        batches.forEach((batch, w) => {
          perWorker[w] = (perWorker[w] ?? 0) + batch.length;
          all.push(...batch.map((t) => `${t.caseId}/${t.timerId}`));
        });
      }
      expect(all).toHaveLength(200);
      expect(new Set(all).size).toBe(200);
      expect(all.some((key) => key.endsWith('/later'))).toBe(false);
      expect(perWorker.filter((n) => n > 0).length).toBeGreaterThan(1);
    });

    it('a lapsed lease goes to the next worker; the first can then no longer fire the timer', async () => {
      const schema = freshSchema();
      const [w1, w2] = [openStore(schema), openStore(schema)] as const;
      const first = commitOf('lease', 0, { set: [timer('lease', 'deadline', 10)] });
      await w1.commit(first);
      expect(await w1.claimDueTimers(at(10), { limit: 10, owner: 'w1', leaseMs: 5 * 60_000 })).toHaveLength(1);
      expect(await w2.claimDueTimers(at(14), { limit: 10, owner: 'w2', leaseMs: 5 * 60_000 })).toEqual([]);
      expect(await w2.claimDueTimers(at(15), { limit: 10, owner: 'w2', leaseMs: 5 * 60_000 })).toEqual([
        timer('lease', 'deadline', 10),
      ]);
      const fire = (owner: string) =>
        commitOf('lease', 1, {
          previous: first.audit,
          firedTimer: { timerId: 'deadline', dueAt: at(10), leaseOwner: owner },
        });
      await expect(w1.commit(fire('w1'))).rejects.toBeInstanceOf(TimerGoneError);
      await w2.commit(fire('w2'));
      expect(await w2.timersOf('lease')).toEqual([]);
    });

    it('re-arming a timer drops its lease, so the new deadline can be claimed at once', async () => {
      const store = openStore();
      const first = commitOf('rearm', 0, { set: [timer('rearm', 'deadline', 10)] });
      await store.commit(first);
      await store.claimDueTimers(at(10), { limit: 10, owner: 'w1', leaseMs: 60 * 60_000 });
      await store.commit(commitOf('rearm', 1, { previous: first.audit, set: [timer('rearm', 'deadline', 12)] }));
      expect(await store.claimDueTimers(at(12), { limit: 10, owner: 'w2', leaseMs: 60_000 })).toEqual([
        timer('rearm', 'deadline', 12),
      ]);
    });
  });

  describe('documents', () => {
    it('keep NUL, astral and lone-surrogate characters byte for byte, and the audit chain verifies', async () => {
      const store = openStore();
      const text = 'exit\u0000chained 🔥 \ud800 末尾';
      const commit = commitOf('odd-text', 0, {
        payload: { description: text, n: 1e21, small: 5e-7 },
        view: { siteName: text },
      });
      await store.commit(commit);
      expect(await store.getCase('odd-text')).toEqual(commit.record);
      const history = await store.history('odd-text');
      expect(history).toEqual([commit.audit]);
      expect(verifyAuditChain(history)).toEqual({ ok: true, length: 1 });
    });
  });

  describe('idempotency through an engine', () => {
    it('a second engine on the schema replays a retry and refuses the key with another payload or actor', async () => {
      const schema = freshSchema();
      const engineOn = () =>
        createEngine({
          packs: [pack],
          store: openStore(schema, 2),
          clock: createManualClock('2026-09-07T02:00:00.000Z'),
        });
      const first = engineOn();
      const filed = await first.report(reportInput(), { actor: people.gridWorker, commandId: 'intake-1' });
      if (!filed.ok) throw new Error(filed.error.message);
      const id = filed.case.id;
      const comment = { type: 'COMMENT', text: 'called the owner' } as const;
      const commented = await first.send(id, comment, { actor: people.inspector, commandId: 'c-1' });
      expect(commented.ok).toBe(true);

      const second = engineOn();
      const history = await second.history(id);
      expect(await second.send(id, comment, { actor: people.inspector, commandId: 'c-1' })).toEqual({
        ...commented,
        replayed: true,
      });
      for (const refused of [
        await second.send(id, { ...comment, text: 'did not call' }, { actor: people.inspector, commandId: 'c-1' }),
        await second.send(id, comment, { actor: people.secondInspector, commandId: 'c-1' }),
        await second.report(reportInput({ territory: 'street-b' }), {
          actor: people.gridWorker,
          commandId: 'intake-1',
        }),
      ]) {
        expect(refused).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
      }
      expect(await second.history(id)).toEqual(history);
      expect((await second.query({})).items).toHaveLength(1);
    });
  });

  describe('closing', () => {
    it('ends the pool it made, leaves alone a pool it was given, and refuses work afterwards', async () => {
      const schema = freshSchema();
      schemas.push(schema);
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      const given = createPostgresStore({ pool, schema });
      await given.ready();
      await given.close();
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      await pool.end();
      await expect(given.getCase('x')).rejects.toMatchObject({ code: 'STORE_CLOSED' });

      const owned = createPostgresStore({ connectionString: url, schema });
      await owned.ready();
      await owned.close();
      expect(owned.pool.ended).toBe(true);
    });
  });
});
