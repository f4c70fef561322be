import { findDangerousKeys } from './dangerous-keys';
import { deepMerge } from './deep-merge';
import { subjectOf } from './define-policy-pack';
import { type EffectivePolicy, packFieldsOf, packRefOf } from './effective-policy';
import { isPlainObject } from './plain-data';
import { PolicyPackError } from './policy-pack-error';
import { packIssue } from './policy-pack-issue';
import type { PolicyPack, PolicyPackInput } from './schema';
import { validatePolicyPack } from './validate-policy-pack';

/** Any part of a pack, at any depth. Items of id'd lists need their `id`; the result is validated. */
export type PolicyPackPatch = DeepPartial<PolicyPackInput>;

type DeepPartial<T> = T extends readonly (infer Item)[]
  ? readonly DeepPartial<Item>[]
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * An integrator's pack built on another (a shipped fire pack with the district's own
 * deadlines, say). The patch may change any field, including `id`, `version` and `name`
 * (it should: a changed pack is a different pack). Objects merge deeply; lists of objects
 * with an `id` (categories, severityRules, seasons, overrides) merge by id, so
 * `{ categories: [{ id: 'exits_blocked', deadlines: { … } }] }` changes that one category
 * and a new id adds one; every other list (the escalation ladder, place types, evidence,
 * roles) and every duration replaces the base's. To drop a category, build the input
 * yourself (`{ ...base, categories: base.categories.filter(…) }`) and call `definePolicyPack`.
 * Keys such as `__proto__` anywhere in the patch are rejected, never merged. The result is
 * validated like any pack; throws `PolicyPackError` otherwise.
 */
export function extendPolicyPack(base: PolicyPack | EffectivePolicy, patch: PolicyPackPatch): PolicyPack {
  const subject = `patch for ${subjectOf(base)}`;
  if (!isPlainObject(patch)) throw new PolicyPackError([packIssue([], 'invalid_type', 'must be an object')], subject);
  const dangerous = findDangerousKeys(patch);
  if (dangerous.length > 0) throw new PolicyPackError(dangerous, subject);

  const merged = deepMerge(packFieldsOf(base), patch, { mergeArraysById: true });
  const result = validatePolicyPack(merged);
  if (!result.success) throw new PolicyPackError(result.issues, `${subjectOf(merged)} extending ${packRefOf(base)}`);
  return result.pack;
}
