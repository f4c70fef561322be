/**
 * @hazardflow/store-postgres — the store several engine processes share: cases, audit trail,
 * timers and idempotency keys in one PostgreSQL schema. Commits are version-guarded
 * transactions; due timers are claimed with `FOR UPDATE SKIP LOCKED` and leased, so a timer
 * whose worker died is fired by another once the lease expires.
 *
 * @example
 * ```ts
 * import { createEngine } from '@hazardflow/engine';
 * import { firePack } from '@hazardflow/policy-fire';
 * import { createPostgresStore } from '@hazardflow/store-postgres';
 *
 * // In every worker process, against the same database:
 * const store = createPostgresStore({ connectionString: process.env.DATABASE_URL!, schema: 'hazardflow' });
 * await store.ready(); // migrates once, whichever worker gets there first
 * const engine = createEngine({ packs: [firePack], store, workerId: `worker-${process.pid}`, timerLeaseMs: 60_000 });
 * engine.start({ pollMs: 1_000 }); // workers share the due timers; none fires one twice
 * // ... on shutdown:
 * await engine.stop(); // resolves once a running pass has finished
 * await store.close();
 * ```
 *
 * @packageDocumentation
 */
export { isPostgresStoreError, PostgresStoreError, type PostgresStoreErrorCode } from './errors';
export {
  checkPostgresSchema,
  DEFAULT_SCHEMA,
  MIGRATIONS,
  type Migration,
  migratePostgresSchema,
  SCHEMA_VERSION,
} from './migrations';
export { createPostgresStore, type PostgresStore, type PostgresStoreOptions } from './postgres-store';
