import type { PolicyPack } from './schema';

/**
 * The packs `validatePolicyPack` (and so `definePolicyPack`) returned. A runtime given a pack
 * can ask whether it is one, and validate only objects that were never checked: a hand-made
 * object is refused when it is registered, not with a TypeError on the first report.
 */
const validated = new WeakSet<object>();

/** @internal called by validatePack on what it returns. */
export function markValidated(pack: PolicyPack): PolicyPack {
  validated.add(pack);
  return pack;
}

/** Whether `pack` came out of `validatePolicyPack` / `definePolicyPack` (in this copy of core). */
export function isValidatedPack(pack: unknown): pack is PolicyPack {
  return typeof pack === 'object' && pack !== null && validated.has(pack);
}
