import { brandError } from '@hazardflow/core';

/** Why a PostgreSQL store refused to open or to run. Domain outcomes use the engine's errors instead. */
export type PostgresStoreErrorCode =
  /** The `schema` option is not a plain lower-case SQL identifier. */
  | 'INVALID_SCHEMA_NAME'
  /** The schema was migrated by a newer version of this package: it is never touched. */
  | 'SCHEMA_TOO_NEW'
  /** `migrate: false` and the schema is missing or behind this package: run the migrations first. */
  | 'SCHEMA_OUTDATED'
  /** The store was closed. */
  | 'STORE_CLOSED';

export class PostgresStoreError extends Error {
  constructor(
    readonly code: PostgresStoreErrorCode,
    /** The PostgreSQL schema the store works in. */
    readonly schema: string,
    detail: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(`[${code}] schema ${schema}: ${detail}`, options);
    this.name = 'PostgresStoreError';
  }
}

/** True for a `PostgresStoreError` from any copy of `@hazardflow/store-postgres` (ESM or CJS build); `instanceof` agrees. */
export const isPostgresStoreError = brandError(PostgresStoreError, '@hazardflow/store-postgres/PostgresStoreError');
