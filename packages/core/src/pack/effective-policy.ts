import type { PolicyPack } from './schema';

/**
 * The policy in force for one case: the pack with the site overrides that match it applied
 * (一企一策、一楼一策), re-validated and frozen. A case records it, so later edits to the
 * pack or its overrides do not silently change running cases. Its `overrides` list is
 * empty (they are applied, and resolving it again changes nothing); `appliedOverrides`
 * names them in the order applied, `packRef` is the pack's `id@version`.
 */
export type EffectivePolicy = PolicyPack & {
  readonly appliedOverrides: readonly string[];
  readonly packRef: string;
};

/** `fire@1.2.0` */
export function packRefOf(pack: Pick<PolicyPack, 'id' | 'version'>): string {
  return `${pack.id}@${pack.version}`;
}

/** The pack fields of a pack or an effective policy (what the pack schema accepts). */
export function packFieldsOf(policy: PolicyPack | EffectivePolicy): PolicyPack {
  const { appliedOverrides: _applied, packRef: _ref, ...pack } = policy as EffectivePolicy;
  return pack;
}
