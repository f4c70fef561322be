import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../src/group-commit';
import { tempDirectory } from './support/temp-directory';

/**
 * Group commit on its own, with a second connection as the outside observer: what it sees is
 * what a reader (or a process started after a crash) would find in the file.
 */
const temp = tempDirectory();
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  temp.clean();
});

function setup(apply: (db: Database.Database, item: string) => void) {
  const file = temp.file('group.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE items (id TEXT PRIMARY KEY)');
  const observer = new Database(file, { readonly: true });
  open.push(db, observer);
  const visible = () =>
    (observer.prepare('SELECT id FROM items ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const insert = db.prepare('INSERT INTO items (id) VALUES (?)');
  const group = createGroupCommit<string>(db, (item) => {
    apply(db, item);
    insert.run(item);
  });
  return { db, group, visible };
}

describe('createGroupCommit', () => {
  it('writes sent together share one transaction: none is visible until all are committed', async () => {
    const seen: string[][] = [];
    const { group, visible } = setup(() => seen.push(visible()));
    const written = await Promise.all(['a', 'b', 'c'].map((item) => group.write(item)));
    expect(written).toEqual([undefined, undefined, undefined]);
    // While b and c were applied, a was written but not yet committed: one transaction.
    expect(seen).toEqual([[], [], []]);
    expect(visible()).toEqual(['a', 'b', 'c']);
  });

  it('a write that fails is rolled back alone and rejects alone', async () => {
    const { group, visible } = setup((_, item) => {
      if (item === 'bad') throw new RangeError('refused by its checks');
    });
    const settled = await Promise.allSettled(['a', 'bad', 'a', 'c'].map((item) => group.write(item)));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(RangeError);
    expect(String((settled[2] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/); // the second 'a'
    expect(visible()).toEqual(['a', 'c']);
  });

  it('when the transaction itself ends, every write in it rejects and none is committed', async () => {
    const { group, visible } = setup((db, item) => {
      if (item === 'fatal') {
        db.exec('ROLLBACK'); // as SQLite does on a full disk or an I/O error, which then throws
        throw new Error('SQLITE_IOERR: disk I/O error');
      }
    });
    const settled = await Promise.allSettled(['a', 'fatal', 'c'].map((item) => group.write(item)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(visible()).toEqual([]);
    await group.write('after'); // the next batch starts clean
    expect(visible()).toEqual(['after']);
  });

  it('flush writes what is queued at once (before the database closes)', async () => {
    const { group, visible } = setup(() => {});
    const pending = group.write('queued');
    expect(visible()).toEqual([]);
    group.flush();
    expect(visible()).toEqual(['queued']);
    await pending;
  });

  it('more writes than one batch holds are all written, in order', async () => {
    const { group, visible } = setup(() => {});
    const items = Array.from({ length: 600 }, (_, i) => `item-${String(i).padStart(3, '0')}`);
    await Promise.all(items.map((item) => group.write(item)));
    expect(visible()).toEqual(items);
  });
});
