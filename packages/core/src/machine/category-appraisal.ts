import type { CategoryAppraisal, PolicyPack } from '../pack/schema';

/** The appraisal a category asks for in a policy (`categories[].appraisal`), if any. */
export function appraisalOf(policy: PolicyPack, category: string): CategoryAppraisal | undefined {
  return policy.categories.find((c) => c.id === category)?.appraisal;
}
