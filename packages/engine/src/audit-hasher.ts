import { createHmac, hash } from 'node:crypto';

/** Hashes an audit entry's or checkpoint's canonical JSON to 64 hex digits. */
export type AuditHasher = (canonical: string) => string;

/** Plain SHA-256: finds accidental corruption and edits by anyone who does not recompute hashes. */
export const sha256Hasher: AuditHasher = (canonical) => hash('sha256', canonical, 'hex');

/**
 * HMAC-SHA256 under a key the application holds outside the database: someone who can write
 * the database but does not have the key cannot produce a hash that verifies.
 */
export function hmacHasher(key: string | Uint8Array): AuditHasher {
  if ((typeof key === 'string' && key.length === 0) || (typeof key !== 'string' && key.byteLength === 0)) {
    throw new TypeError('audit.key: an HMAC key must not be empty');
  }
  return (canonical) => createHmac('sha256', key).update(canonical).digest('hex');
}

/** The hasher of an engine's `audit.key` option, or plain SHA-256 without one. */
export function auditHasherOf(key: string | Uint8Array | undefined): AuditHasher {
  return key === undefined ? sha256Hasher : hmacHasher(key);
}
