import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { CliError } from './cli-error';

async function readKeyFile(spec: string, cwd: string, what: { zh: string; en: string }): Promise<Buffer> {
  try {
    return await readFile(isAbsolute(spec) ? spec : resolve(cwd, spec));
  } catch (error) {
    const reason = (error as Error).message;
    throw new CliError('FILE_NOT_FOUND', {
      zh: `${spec}：无法读取${what.zh}（${reason}）`,
      en: `${spec}: cannot read the ${what.en} (${reason})`,
    });
  }
}

/**
 * The HMAC key of `--key-file`: the file's bytes, one trailing newline removed (so
 * `echo secret > key` works), the same key the application passes as `audit.key`.
 */
export async function readAuditKey(spec: string, cwd: string): Promise<Buffer> {
  const bytes = await readKeyFile(spec, cwd, { zh: '审计密钥', en: 'audit key' });
  const end = bytes.at(-1) === 0x0a ? (bytes.at(-2) === 0x0d ? bytes.length - 2 : bytes.length - 1) : bytes.length;
  if (end === 0)
    throw new CliError('PARSE_FAILED', { zh: `${spec}：审计密钥文件为空`, en: `${spec}: the audit key file is empty` });
  return bytes.subarray(0, end);
}

/** The Ed25519 public key (PEM) of `--public-key`. */
export async function readPublicKey(spec: string, cwd: string): Promise<KeyObject> {
  const pem = await readKeyFile(spec, cwd, { zh: '公钥', en: 'public key' });
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key, not Ed25519`);
    return key;
  } catch (error) {
    const reason = (error as Error).message;
    throw new CliError('PARSE_FAILED', {
      zh: `${spec}：不是 PEM 格式的 Ed25519 公钥（${reason}）`,
      en: `${spec}: not an Ed25519 public key in PEM (${reason})`,
    });
  }
}
