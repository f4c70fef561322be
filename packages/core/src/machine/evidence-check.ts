import type { EvidenceRef } from '../evidence';
import type { EvidenceRequirement, PolicyPack } from '../pack/schema';
import type { RoleRef } from '../party';
import type { EvidenceStep } from '../vocabulary';

/** The evidence a step needs for a category: the pack's rules plus the category's own. */
export function evidenceRequirements(
  policy: Pick<PolicyPack, 'evidence' | 'categories'>,
  categoryId: string,
  step: EvidenceStep,
  actorRole?: RoleRef,
): EvidenceRequirement[] {
  const category = policy.categories.find((c) => c.id === categoryId);
  const all = [...(policy.evidence[step] ?? []), ...(category?.evidence?.[step] ?? [])];
  return all.filter((r) => actorRole === undefined || (r.roles ?? []).length === 0 || r.roles.includes(actorRole));
}

/**
 * What is missing for a step, one plain sentence per unmet requirement (empty when the step
 * may proceed), e.g. `rectification needs 1 more "after-photo" (have 0 of 1)`.
 */
export function missingEvidence(
  policy: Pick<PolicyPack, 'evidence' | 'categories'>,
  categoryId: string,
  step: EvidenceStep,
  items: readonly EvidenceRef[],
  actorRole?: RoleRef,
): string[] {
  const missing: string[] = [];
  for (const requirement of evidenceRequirements(policy, categoryId, step, actorRole)) {
    const ofKind = items.filter((item) => item.kind === requirement.kind);
    const have = requirement.distinctBy ? new Set(ofKind.map((item) => item.by)).size : ofKind.length;
    if (have < requirement.min) {
      const by = requirement.distinctBy ? ' by different people' : '';
      missing.push(
        `${step} needs ${requirement.min - have} more "${requirement.kind}"${by} (have ${have} of ${requirement.min})`,
      );
    }
  }
  return missing;
}
