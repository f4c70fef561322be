import { createPrivateKey, createPublicKey, hash, type KeyObject, sign, verify } from 'node:crypto';
import { type AuditHasher, sha256Hasher } from './audit-hasher';
import { canonicalJson } from './canonical-json';

/**
 * A store-level record of every case's audit head at one instant, chained to the checkpoint
 * before it (检查点). What finds a case deleted together with its whole trail: the case is in
 * the last checkpoint and no longer in the store. `hash` is the engine's audit hasher (HMAC
 * under `audit.key`) over the canonical JSON of everything but `hash` and `signature`;
 * `signature`, when the engine has `audit.signingKey`, is Ed25519 over the canonical JSON of
 * everything but itself, so an auditor with only the public key can check it.
 */
export interface StoreCheckpoint {
  seq: number;
  at: string;
  caseCount: number;
  /** [caseId, audit seq, audit hash] of every case, by caseId. */
  heads: [string, number, string][];
  prevHash: string;
  hash: string;
  /** Base64 Ed25519 signature. */
  signature?: string;
}

export type CheckpointBody = Omit<StoreCheckpoint, 'hash' | 'signature'>;

/** The prevHash of a store's first checkpoint. */
export const CHECKPOINT_GENESIS = hash('sha256', 'hazardflow/checkpoint-genesis/v1', 'hex');

/** A private key as node:crypto takes it: a KeyObject or PEM text. */
export type SigningKeyInput = KeyObject | string;

export function toPrivateKey(key: SigningKeyInput): KeyObject {
  const k = typeof key === 'string' ? createPrivateKey(key) : key;
  if (k.type !== 'private' || k.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('audit.signingKey: an Ed25519 private key (KeyObject or PEM) is required');
  }
  return k;
}

export function toPublicKey(key: SigningKeyInput): KeyObject {
  const k = typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
  if (k.asymmetricKeyType !== 'ed25519') throw new TypeError('publicKey: an Ed25519 public key is required');
  return k;
}

/** Seals a checkpoint body: its hash, and its signature when a signing key is given. */
export function sealCheckpoint(body: CheckpointBody, hasher: AuditHasher, signingKey?: KeyObject): StoreCheckpoint {
  const sealed: StoreCheckpoint = { ...body, hash: hasher(canonical(body)) };
  if (signingKey) sealed.signature = sign(null, Buffer.from(canonical(sealed)), signingKey).toString('base64');
  return sealed;
}

export type CheckpointVerification =
  | { ok: true; checkpoints: number }
  | {
      ok: false;
      seq: number;
      reason: 'sequence_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'unsigned' | 'bad_signature';
      message: string;
    };

/**
 * Checks a store's checkpoint chain: sequence and links always; each hash when `hasher` is
 * given (the HMAC key holder, or anyone for plain SHA-256); each signature when `publicKey`
 * is (an auditor; then an unsigned checkpoint fails).
 */
export function verifyCheckpointChain(
  checkpoints: readonly StoreCheckpoint[],
  options: { hasher?: AuditHasher; publicKey?: KeyObject },
): CheckpointVerification {
  let previous = CHECKPOINT_GENESIS;
  for (let i = 0; i < checkpoints.length; i++) {
    const cp = checkpoints[i] as StoreCheckpoint;
    const fail = (reason: Extract<CheckpointVerification, { ok: false }>['reason'], message: string) =>
      ({ ok: false, seq: i + 1, reason, message }) as const;
    if (cp.seq !== i + 1) return fail('sequence_gap', `checkpoint ${i + 1} is missing (found ${cp.seq})`);
    if (cp.prevHash !== previous)
      return fail('prev_hash_mismatch', `checkpoint ${cp.seq} does not follow the one before`);
    const { hash: cpHash, signature, ...body } = cp;
    if (options.hasher && options.hasher(canonical(body)) !== cpHash) {
      return fail('hash_mismatch', `checkpoint ${cp.seq} was changed after it was written`);
    }
    if (options.publicKey) {
      if (signature === undefined) return fail('unsigned', `checkpoint ${cp.seq} is not signed`);
      const signed = { ...body, hash: cpHash };
      if (!verify(null, Buffer.from(canonical(signed)), options.publicKey, Buffer.from(signature, 'base64'))) {
        return fail('bad_signature', `checkpoint ${cp.seq}'s signature does not verify with this public key`);
      }
    }
    previous = cpHash;
  }
  return { ok: true, checkpoints: checkpoints.length };
}

export { sha256Hasher };

function canonical(value: unknown): string {
  const text = canonicalJson(value);
  if (text === undefined) throw new TypeError('checkpoint is not JSON-serialisable');
  return text;
}
