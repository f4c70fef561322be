import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { canonicalJson } from './canonical-json';
import type { EffectivePolicy } from './effective-policy';
import type { PolicyPack } from './schema';

/**
 * The content hash of a policy: lower-case hex SHA-256 of its canonical JSON
 * (`canonicalJson`: sorted keys, no `undefined`). A case pins the hash of the effective
 * policy it runs on (the pack with its applied overrides and their ids), so a pack
 * re-registered under the same `id@version` with other content is noticed. The hash covers
 * every field of the value given, defaults included: hash what `definePolicyPack`,
 * `validatePolicyPack` or `resolvePolicy` returned, never an author's raw input, and expect
 * a hazardflow release that adds a defaulted pack field to change the hash of every pack.
 * The key order of the input never matters; any changed value does. Pure: SHA-256 comes
 * from `@noble/hashes`, since core runs without Node's crypto (see README).
 */
export function policyHash(policy: EffectivePolicy | PolicyPack): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(policy))));
}
