import { brandError } from '@hazardflow/core';

/**
 * Why a SQLite store refused to open or to run. Every refusal at open time happens before
 * anything is written, so the file on disk is exactly as it was.
 */
export type SqliteStoreErrorCode =
  /** The file exists but is not an SQLite database at all. */
  | 'NOT_A_DATABASE'
  /** An SQLite database, but not one hazardflow created: it is never touched. */
  | 'FOREIGN_DATABASE'
  /** A hazardflow database written by a newer version of this package. */
  | 'SCHEMA_TOO_NEW'
  /** SQLite reports the database file as damaged. */
  | 'CORRUPT'
  /** The file, or the directory that must hold its write-ahead log, cannot be written. */
  | 'READ_ONLY'
  /** The directory the file should live in does not exist. */
  | 'DIRECTORY_MISSING'
  /** The store was closed. */
  | 'STORE_CLOSED';

export class SqliteStoreError extends Error {
  constructor(
    readonly code: SqliteStoreErrorCode,
    /** Absolute path of the database file (or `:memory:`). */
    readonly path: string,
    detail: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(`[${code}] ${path}: ${detail}`, options);
    this.name = 'SqliteStoreError';
  }
}

/** True for a `SqliteStoreError` from any copy of `@hazardflow/store-sqlite` (ESM or CJS build); `instanceof` agrees. */
export const isSqliteStoreError = brandError(SqliteStoreError, '@hazardflow/store-sqlite/SqliteStoreError');
