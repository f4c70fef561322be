import { accessSync, closeSync, constants, openSync, readSync, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStoreError } from './errors';
import { HAZARDFLOW_APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Durability = 'full' | 'normal';

export interface OpenOptions {
  durability: Durability;
  busyTimeoutMs: number;
}

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const CREATED_BY = '@hazardflow/store-sqlite';

/**
 * Opens (creating if needed) a hazardflow database and brings its schema up to date.
 * Everything that can refuse — a missing or read-only place, a file that is not SQLite, a
 * database of another application or of a newer hazardflow — is checked before the first
 * write, so a refusal leaves the file exactly as it was.
 */
export function openDatabase(filename: string, options: OpenOptions): { db: Database.Database; path: string } {
  const inMemory = filename === ':memory:';
  const path = inMemory ? filename : resolve(filename);
  if (!inMemory) checkPlace(path);

  let db: Database.Database;
  try {
    db = new Database(path, { timeout: options.busyTimeoutMs });
  } catch (error) {
    throw translate(error, path);
  }
  try {
    const found = inspect(db, path);
    if (found > SCHEMA_VERSION) throw tooNew(path, found);
    // First writes: WAL turns one commit into one append plus (for 'full') one fsync.
    if (!inMemory) {
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new Error(`${path}: SQLite refused WAL mode (journal_mode is ${String(mode)})`);
    }
    const synchronous = options.durability === 'full' ? 2 : 1; // FULL : NORMAL
    db.pragma(`synchronous = ${synchronous}`);
    if (db.pragma('synchronous', { simple: true }) !== synchronous) {
      throw new Error(`${path}: SQLite did not accept synchronous = ${synchronous}`);
    }
    if (found < SCHEMA_VERSION) migrate(db, path);
    return { db, path };
  } catch (error) {
    db.close();
    throw translate(error, path);
  }
}

/** The directory must exist and be writable (WAL files live beside the database); so must the file. */
function checkPlace(path: string): void {
  const directory = dirname(path);
  let directoryStats: Stats;
  try {
    directoryStats = statSync(directory);
  } catch {
    throw new SqliteStoreError('DIRECTORY_MISSING', path, `directory ${directory} does not exist`);
  }
  if (!directoryStats.isDirectory()) {
    throw new SqliteStoreError('DIRECTORY_MISSING', path, `${directory} is not a directory`);
  }
  if (!writable(directory, directoryStats)) {
    throw new SqliteStoreError(
      'READ_ONLY',
      path,
      `directory ${directory} is not writable (SQLite keeps its write-ahead log beside the database)`,
    );
  }
  let fileStats: Stats;
  try {
    fileStats = statSync(path);
  } catch {
    return; // a new database
  }
  if (!fileStats.isFile()) throw new SqliteStoreError('NOT_A_DATABASE', path, 'not a regular file');
  if (!writable(path, fileStats)) throw new SqliteStoreError('READ_ONLY', path, 'the database file is read-only');
  if (fileStats.size > 0 && readHeader(path) !== SQLITE_MAGIC) {
    throw new SqliteStoreError('NOT_A_DATABASE', path, 'not an SQLite database (no SQLite header)');
  }
}

/**
 * Write permission as the owner meant it: the mode's write bits, then access(2). The first
 * matters for root, whom access(2) lets write anything, yet a file marked read-only is a choice.
 */
function writable(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return buffer.subarray(0, read).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/** The schema version of a hazardflow database, 0 for an empty one; throws for anything else. Reads only. */
function inspect(db: Database.Database, path: string): number {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  if (applicationId === 0 && userVersion === 0 && tables.length === 0) return 0;
  if (applicationId !== HAZARDFLOW_APPLICATION_ID) {
    const shown = tables.slice(0, 8).join(', ') + (tables.length > 8 ? ', …' : '');
    throw new SqliteStoreError(
      'FOREIGN_DATABASE',
      path,
      `an SQLite database of another application (application_id ${hex(applicationId)}, tables: ${shown || 'none'}); hazardflow will not touch it`,
      { applicationId, tables },
    );
  }
  if (!tables.includes('hazardflow_meta')) {
    throw new SqliteStoreError('CORRUPT', path, 'marked as a hazardflow database but has no hazardflow_meta table');
  }
  return readSchemaVersion(db, path);
}

function readSchemaVersion(db: Database.Database, path: string): number {
  const raw = db.prepare("SELECT value FROM hazardflow_meta WHERE key = 'schema_version'").pluck().get();
  const version = Number(raw);
  if (!Number.isInteger(version) || version < 1) {
    throw new SqliteStoreError('CORRUPT', path, `hazardflow_meta.schema_version is ${String(raw)}`);
  }
  return version;
}

/** Applies every pending migration in one immediate transaction; another process may race us here. */
function migrate(db: Database.Database, path: string): void {
  db.transaction(() => {
    const fresh = (db.pragma('application_id', { simple: true }) as number) === 0;
    const current = fresh ? 0 : readSchemaVersion(db, path);
    if (current > SCHEMA_VERSION) throw tooNew(path, current);
    for (const migration of MIGRATIONS) {
      if (migration.version > current) db.exec(migration.sql);
    }
    const setMeta = db.prepare(
      'INSERT INTO hazardflow_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    if (fresh) {
      db.pragma(`application_id = ${HAZARDFLOW_APPLICATION_ID}`);
      setMeta.run('application', 'hazardflow');
      setMeta.run('created_by', CREATED_BY);
      setMeta.run('created_at', new Date().toISOString());
    }
    setMeta.run('schema_version', String(SCHEMA_VERSION));
  }).immediate();
}

function tooNew(path: string, found: number): SqliteStoreError {
  return new SqliteStoreError(
    'SCHEMA_TOO_NEW',
    path,
    `written by a newer hazardflow (schema version ${found}; this package knows up to ${SCHEMA_VERSION}); upgrade @hazardflow/store-sqlite`,
    { found, supported: SCHEMA_VERSION },
  );
}

/** SQLite's own errors at open time, as data. */
function translate(error: unknown, path: string): unknown {
  if (error instanceof SqliteStoreError) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB') {
    return new SqliteStoreError('NOT_A_DATABASE', path, `not an SQLite database (${message})`, {}, { cause: error });
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) {
    return new SqliteStoreError('CORRUPT', path, message, {}, { cause: error });
  }
  if (typeof code === 'string' && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'))) {
    return new SqliteStoreError('READ_ONLY', path, `cannot open for writing (${message})`, {}, { cause: error });
  }
  return error;
}

function hex(n: number): string {
  return `0x${(n >>> 0).toString(16).padStart(8, '0')}`;
}
