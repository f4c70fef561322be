import { existsSync } from 'node:fs';
import { verifyAuditChain } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { notice, people, reportInput, testEngine } from '../../engine/test/support';
import { tempDirectory } from './support/temp-directory';

/** A few cases with history, pending timers and idempotency keys. */
async function populate(filename: string) {
  const store = createSqliteStore({ filename });
  const { engine, clock } = testEngine(store);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await engine.report(reportInput(), { actor: people.gridWorker, commandId: `report-${i}` });
    if (!r.ok) throw new Error(r.error.message);
    ids.push(r.case.id);
    await engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector, commandId: `triage-${i}` });
    await engine.send(r.case.id, notice, { actor: people.inspector });
  }
  clock.set('2026-09-09T00:00:00.000Z');
  await engine.runDueTimers();
  return { store, engine, ids };
}

/** Everything a reader can see of the cases. */
async function contents(store: ReturnType<typeof createSqliteStore>, ids: string[]) {
  return {
    cases: await Promise.all(ids.map((id) => store.getCase(id))),
    histories: await Promise.all(ids.map((id) => store.history(id))),
    timers: await Promise.all(ids.map((id) => store.timersOf(id))),
    next: await store.nextTimerDueAt(),
    keys: await Promise.all(['report-0', 'triage-2', 'missing'].map((k) => store.getIdempotentResult(k))),
    page: await store.query({ status: 'notice_issued' }, { limit: 2 }),
  };
}

describe('reopening and backups', () => {
  const temp = tempDirectory();
  afterEach(() => temp.clean());

  it('a closed store reopens with everything, and closing leaves no -wal or -shm file behind', async () => {
    const filename = temp.file('cases.db');
    const { store, ids } = await populate(filename);
    const before = await contents(store, ids);
    expect(before.timers.flat().length).toBeGreaterThan(0);
    expect(existsSync(`${filename}-wal`)).toBe(true);
    await store.close();
    expect(existsSync(`${filename}-wal`)).toBe(false);
    expect(existsSync(`${filename}-shm`)).toBe(false);
    const reopened = createSqliteStore({ filename });
    expect(await contents(reopened, ids)).toEqual(before);
    await reopened.close();
  });

  it('store.backup() copies a consistent, openable hazardflow database while the store stays open', async () => {
    const { store, engine, ids } = await populate(temp.file('live.db'));
    const copy = temp.file('backup.db');
    const backup = store.backup(copy);
    // a commit while the backup runs lands in the copy or not, whole either way
    const more = await engine.send(
      ids[0] as string,
      { type: 'COMMENT', text: 'during backup' },
      {
        actor: people.inspector,
      },
    );
    expect(more.ok).toBe(true);
    await backup;
    const restored = createSqliteStore({ filename: copy });
    for (const id of ids) {
      const history = await restored.history(id);
      expect(history.length).toBeGreaterThan(2);
      expect(verifyAuditChain(history)).toMatchObject({ ok: true });
      expect((await restored.getCase(id))?.view.version).toBe(history.length);
    }
    await restored.close();
    await store.close();
  });

  it('VACUUM INTO from another connection makes a copy the store opens', async () => {
    const filename = temp.file('vacuum.db');
    const { store, ids } = await populate(filename);
    const before = await contents(store, ids);
    const copy = temp.file('vacuumed.db');
    const other = new Database(filename);
    other.prepare('VACUUM INTO ?').run(copy);
    other.close();
    await store.close();
    const restored = createSqliteStore({ filename: copy });
    expect(await contents(restored, ids)).toEqual(before);
    await restored.close();
  });
});
