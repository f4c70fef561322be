import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { CliError } from './cli-error';

async function readKeyFile(spec: string, cwd: string, what: string): Promise<Buffer> {
  try {
    return await readFile(isAbsolute(spec) ? spec : resolve(cwd, spec));
  } catch (error) {
    throw new CliError('FILE_NOT_FOUND', `${spec}: cannot read the ${what} (${(error as Error).message})`);
  }
}

/**
 * The HMAC key of `--key-file`: the file's bytes, one trailing newline removed (so
 * `echo secret > key` works), the same key the application passes as `audit.key`.
 */
export async function readAuditKey(spec: string, cwd: string): Promise<Buffer> {
  const bytes = await readKeyFile(spec, cwd, 'audit key');
  const end = bytes.at(-1) === 0x0a ? (bytes.at(-2) === 0x0d ? bytes.length - 2 : bytes.length - 1) : bytes.length;
  if (end === 0) throw new CliError('PARSE_FAILED', `${spec}: the audit key file is empty`);
  return bytes.subarray(0, end);
}

/** The Ed25519 public key (PEM) of `--public-key`. */
export async function readPublicKey(spec: string, cwd: string): Promise<KeyObject> {
  const pem = await readKeyFile(spec, cwd, 'public key');
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key, not Ed25519`);
    return key;
  } catch (error) {
    throw new CliError('PARSE_FAILED', `${spec}: not an Ed25519 public key in PEM (${(error as Error).message})`);
  }
}
