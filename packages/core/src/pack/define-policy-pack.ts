import { PolicyPackError } from './policy-pack-error';
import type { PolicyPack, PolicyPackInput } from './schema';
import { validatePolicyPack } from './validate-policy-pack';

/**
 * Validates a pack written in TypeScript and returns it with defaults filled in,
 * permissions completed and everything frozen; throws `PolicyPackError` listing every
 * problem otherwise. Call it once at module load, so a broken pack fails at startup:
 *
 * ```ts
 * export const firePack = definePolicyPack({ id: 'fire', version: '1.0.0', ... });
 * ```
 */
export function definePolicyPack(input: PolicyPackInput): PolicyPack {
  const result = validatePolicyPack(input);
  if (!result.success) throw new PolicyPackError(result.issues, subjectOf(input));
  return result.pack;
}

/** `policy pack "fire@1.0.0"` when the input says who it is, else `policy pack`. */
export function subjectOf(input: unknown): string {
  try {
    if (typeof input !== 'object' || input === null) return 'policy pack';
    const { id, version } = input as { id?: unknown; version?: unknown };
    if (typeof id !== 'string') return 'policy pack';
    return typeof version === 'string' ? `policy pack "${id}@${version}"` : `policy pack "${id}"`;
  } catch {
    return 'policy pack';
  }
}
