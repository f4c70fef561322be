import { isAbsolute, resolve } from 'node:path';
import type { HazardStore } from '@hazardflow/engine';
import { createSqliteStore, SqliteStoreError } from '@hazardflow/store-sqlite';
import { CliError } from './cli-error';
import { assertFile, displayPath } from './load-pack';

/** An open cases database and the name to show for it. */
export interface CaseDatabase {
  readonly store: HazardStore;
  readonly shown: string;
}

/**
 * Opens an existing hazardflow SQLite database. A missing file is an error rather than a new,
 * empty database; a file that is not SQLite, belongs to another application, is damaged or
 * was written by a newer hazardflow is refused by the store before anything is written, and
 * becomes a `DATABASE_UNREADABLE` error saying which.
 */
export async function openCaseDatabase(spec: string, cwd: string): Promise<CaseDatabase> {
  const path = isAbsolute(spec) ? spec : resolve(cwd, spec);
  const shown = displayPath(spec, path, cwd);
  try {
    await assertFile(path, shown, { zh: '数据库', en: 'database' });
  } catch (error) {
    if (error instanceof CliError) throw new CliError('DATABASE_UNREADABLE', error.text);
    throw error;
  }
  try {
    return { store: createSqliteStore({ filename: path }), shown };
  } catch (error) {
    throw databaseError(error, shown);
  }
}

/**
 * A failure of the database as a `CliError`: the store's refusals at open time, and SQLite's
 * own errors (a damaged page found while reading). Anything else is rethrown as it is.
 */
export function databaseError(error: unknown, shown: string): unknown {
  if (error instanceof CliError) return error;
  if (error instanceof SqliteStoreError) {
    const detail = error.message.replace(/^\[[A-Z_]+\] [^:]*: /, '');
    return new CliError(
      'DATABASE_UNREADABLE',
      { zh: `${shown}：无法读取数据库：${detail}（${error.code}）`, en: `${shown}: ${detail} (${error.code})` },
      undefined,
      { cause: error },
    );
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    const message = error instanceof Error ? error.message : String(error);
    return new CliError(
      'DATABASE_UNREADABLE',
      { zh: `${shown}：数据库出错：${message}（${code}）`, en: `${shown}: ${message} (${code})` },
      undefined,
      { cause: error },
    );
  }
  return error;
}

/** Runs `work` on the open database and closes it however `work` ends. */
export async function withCaseDatabase<T>(
  spec: string,
  cwd: string,
  work: (database: CaseDatabase) => Promise<T>,
): Promise<T> {
  const database = await openCaseDatabase(spec, cwd);
  try {
    return await work(database);
  } catch (error) {
    throw databaseError(error, database.shown);
  } finally {
    await database.store.close();
  }
}
