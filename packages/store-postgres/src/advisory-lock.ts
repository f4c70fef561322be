/**
 * The advisory locks a store takes, as the two int4 keys of `pg_advisory_xact_lock`: the
 * first names what is locked, the second is a hash of the schema name, so stores in other
 * schemas of one database never wait for each other.
 */
export const ADVISORY_LOCKS = {
  /** Applying migrations ('HzFl'): several workers starting at once migrate exactly once. */
  migrate: 0x487a466c,
  /**
   * Claiming timers ('HzFt'): claims run one at a time, so each sees the leases the one
   * before it took and a case's due timers are never split between two workers.
   */
  claimTimers: 0x487a4674,
} as const;

/** The `[class, schema]` keys for `SELECT pg_advisory_xact_lock($1, $2)`. */
export function advisoryLockKeys(lock: keyof typeof ADVISORY_LOCKS, schema: string): [number, number] {
  return [ADVISORY_LOCKS[lock], fnv1a32(schema)];
}

/** 32-bit FNV-1a as a signed int4, a stable advisory-lock key for a schema name. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}
