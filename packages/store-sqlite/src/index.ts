/**
 * @hazardflow/store-sqlite — the embedded durable store: cases, audit trail and timers in one
 * SQLite file (WAL, versioned schema, one transaction per command) that survives restarts and
 * crashes.
 *
 * @example
 * ```ts
 * import { createEngine } from '@hazardflow/engine';
 * import { firePack } from '@hazardflow/policy-fire';
 * import { createSqliteStore } from '@hazardflow/store-sqlite';
 *
 * const store = createSqliteStore({ filename: '/var/lib/hazards/cases.db' });
 * const engine = createEngine({ packs: [firePack], store });
 * engine.start({ pollMs: 1_000 }); // fires timers that fell due while the process was down
 * // ... on shutdown:
 * await engine.stop(); // resolves once a running pass has finished
 * await store.close();
 * ```
 *
 * @packageDocumentation
 */
export { isSqliteStoreError, SqliteStoreError, type SqliteStoreErrorCode } from './errors';
export { HAZARDFLOW_APPLICATION_ID, SCHEMA_VERSION } from './migrations';
export type { Durability } from './open-database';
export { createSqliteStore, type SqliteStore, type SqliteStoreOptions } from './sqlite-store';
