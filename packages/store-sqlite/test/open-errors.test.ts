import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createSqliteStore,
  HAZARDFLOW_APPLICATION_ID,
  SCHEMA_VERSION,
  SqliteStoreError,
} from '@hazardflow/store-sqlite';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCommitBuilder, fixtureInstant } from '../../testing/src/fixtures';
import { tempDirectory } from './support/temp-directory';

/** Every file in the directory with a hash of its bytes: "nothing changed on disk" made checkable. */
function diskState(directory: string): Record<string, string> {
  const state: Record<string, string> = {};
  for (const name of readdirSync(directory).sort()) {
    state[name] = createHash('sha256')
      .update(readFileSync(join(directory, name)))
      .digest('hex');
  }
  return state;
}

function refusal(open: () => unknown): SqliteStoreError {
  try {
    open();
  } catch (error) {
    if (error instanceof SqliteStoreError) return error;
    throw error;
  }
  throw new Error('expected the store to refuse to open');
}

describe('opening: refusals are typed, name the file, and change nothing on disk', () => {
  const temp = tempDirectory();
  afterEach(() => temp.clean());

  it('a file that is not SQLite at all', () => {
    const filename = temp.file('notes.db');
    writeFileSync(filename, 'case notes, not a database\n'.repeat(20));
    const before = diskState(temp.path);
    const error = refusal(() => createSqliteStore({ filename }));
    expect(error).toMatchObject({ code: 'NOT_A_DATABASE', path: filename });
    expect(error.message).toContain(`[NOT_A_DATABASE] ${filename}`);
    expect(diskState(temp.path)).toEqual(before);
  });

  it('an SQLite database of another application, in rollback or WAL mode', () => {
    for (const walMode of [false, true]) {
      const filename = temp.file(`other-${walMode}.db`);
      const other = new Database(filename);
      if (walMode) other.pragma('journal_mode = WAL');
      other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)');
      other.close();
      const before = diskState(temp.path);
      const error = refusal(() => createSqliteStore({ filename }));
      expect(error).toMatchObject({ code: 'FOREIGN_DATABASE', path: filename, details: { tables: ['invoices'] } });
      expect(error.message).toContain('hazardflow will not touch it');
      expect(diskState(temp.path)).toEqual(before);
    }
  });

  it('an empty SQLite database of another application that set its user_version', () => {
    const filename = temp.file('tagged.db');
    const other = new Database(filename);
    other.pragma('user_version = 7');
    other.close();
    expect(refusal(() => createSqliteStore({ filename })).code).toBe('FOREIGN_DATABASE');
  });

  it('a hazardflow database written by a newer schema version', async () => {
    const filename = temp.file('future.db');
    await createSqliteStore({ filename }).close();
    const raw = new Database(filename);
    raw.prepare("UPDATE hazardflow_meta SET value = '99' WHERE key = 'schema_version'").run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = diskState(temp.path);
    const error = refusal(() => createSqliteStore({ filename }));
    expect(error).toMatchObject({
      code: 'SCHEMA_TOO_NEW',
      path: filename,
      details: { found: 99, supported: SCHEMA_VERSION },
    });
    expect(error.message).toContain('schema version 99');
    expect(diskState(temp.path)).toEqual(before);
  });

  it('a read-only database file', async () => {
    const filename = temp.file('archived.db');
    await createSqliteStore({ filename }).close();
    chmodSync(filename, 0o444);
    const before = diskState(temp.path);
    const error = refusal(() => createSqliteStore({ filename }));
    expect(error).toMatchObject({ code: 'READ_ONLY', path: filename });
    expect(error.message).toContain('read-only');
    expect(diskState(temp.path)).toEqual(before);
  });

  it('a directory that cannot be written (the write-ahead log lives there)', () => {
    chmodSync(temp.path, 0o555);
    const filename = temp.file('cases.db');
    const error = refusal(() => createSqliteStore({ filename }));
    expect(error).toMatchObject({ code: 'READ_ONLY', path: filename });
    expect(error.message).toContain(`directory ${temp.path} is not writable`);
    chmodSync(temp.path, 0o700);
    expect(readdirSync(temp.path)).toEqual([]);
  });

  it('a directory that does not exist, which is not created', () => {
    const filename = join(temp.path, 'missing', 'cases.db');
    const error = refusal(() => createSqliteStore({ filename }));
    expect(error).toMatchObject({ code: 'DIRECTORY_MISSING', path: filename });
    expect(error.message).toContain(`[DIRECTORY_MISSING] ${filename}: directory ${join(temp.path, 'missing')}`);
    expect(existsSync(join(temp.path, 'missing'))).toBe(false);
  });

  it('a store used after close', async () => {
    const store = createSqliteStore({ filename: temp.file('closed.db') });
    await store.close();
    await store.close(); // closing twice is harmless
    await expect(store.getCase('x')).rejects.toMatchObject({ code: 'STORE_CLOSED' });
    await expect(store.nextTimerDueAt()).rejects.toBeInstanceOf(SqliteStoreError);
  });
});

describe('opening: what a new database looks like', () => {
  const temp = tempDirectory();
  afterEach(() => temp.clean());

  it('is in WAL mode, marked as hazardflow, at the current schema version, with the chosen durability', async () => {
    for (const durability of ['full', 'normal', undefined] as const) {
      const filename = temp.file(`new-${durability}.db`);
      const store = createSqliteStore({ filename, ...(durability ? { durability } : {}) });
      expect(store.durability).toBe(durability ?? 'full');
      await store.close();
      const raw = new Database(filename, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('application_id', { simple: true })).toBe(HAZARDFLOW_APPLICATION_ID);
      expect(
        Object.fromEntries(raw.prepare('SELECT key, value FROM hazardflow_meta').raw().all() as string[][]),
      ).toMatchObject({
        application: 'hazardflow',
        schema_version: String(SCHEMA_VERSION),
        created_by: '@hazardflow/store-sqlite',
      });
      raw.close();
    }
  });

  it('an empty file becomes a hazardflow database', async () => {
    const filename = temp.file('empty.db');
    writeFileSync(filename, '');
    const store = createSqliteStore({ filename });
    expect(store.filename).toBe(filename);
    expect(await store.nextTimerDueAt()).toBeNull();
    await store.close();
    expect(readFileSync(filename).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('opening an up-to-date database twice at once is fine (the second sees the first)', async () => {
    const filename = temp.file('shared.db');
    const a = createSqliteStore({ filename });
    const b = createSqliteStore({ filename });
    const commits = createCommitBuilder();
    const committed = await commits.commit(a, 'shared-1', { set: [{ timerId: 'ack', dueAt: fixtureInstant(60) }] });
    // Each store reads the other's writes: one database, not two copies of it.
    expect(await b.getCase('shared-1')).toEqual(committed.record);
    expect(await b.history('shared-1')).toEqual([committed.audit]);
    expect(await b.nextTimerDueAt()).toBe(fixtureInstant(60));
    await commits.commit(b, 'shared-1');
    expect((await a.getCase('shared-1'))?.view.version).toBe(2);
    await a.close();
    await b.close();
  });
});
