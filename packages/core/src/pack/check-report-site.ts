import { closestMatch } from './closest-match';
import { type PolicyPackIssue, packIssue } from './policy-pack-issue';
import type { PolicyPack, Scalar } from './schema';

/** What `checkReportSite` finds: issues that refuse the report, warnings recorded with it. */
export interface ReportSiteCheck {
  readonly issues: readonly PolicyPackIssue[];
  readonly warnings: readonly PolicyPackIssue[];
}

type ReportCheckPolicy = Pick<PolicyPack, 'categories' | 'placeTypes' | 'severityRules'> &
  Partial<Pick<PolicyPack, 'reportChecks' | 'findingKeys'>>;

/** The findings keys a pack knows: the ones its rules read plus `findingKeys`. */
export function knownFindingKeys(policy: ReportCheckPolicy): Set<string> {
  const keys = new Set<string>(policy.findingKeys ?? []);
  for (const rule of policy.severityRules) {
    if (rule.kind === 'composite') for (const element of rule.elements) keys.add(element);
    else
      for (const condition of rule.all) if (condition.field.startsWith('findings.')) keys.add(condition.field.slice(9));
  }
  return keys;
}

const hint = (word: string, known: Iterable<string>) => {
  const guess = closestMatch(word, known);
  return guess !== undefined ? `; did you mean "${guess}"?` : '';
};

/**
 * Checks a new report's place type and findings against the pack (the category is checked by
 * `checkReportCategory`):
 * - a place type the pack does not list (when it lists any) is refused (`unknown_place_type`,
 *   on `site.placeType`, with a "did you mean" hint): a typo such as `hospitel` would
 *   otherwise grade the hazard by the wrong thresholds;
 * - a category reported at a place type it does not apply to (`place_type_not_applicable`)
 *   and findings keys the pack does not know (`unknown_finding`, only when the pack sets
 *   `findingKeys`) are refused, or returned as warnings when `reportChecks` is `warn`.
 */
export function checkReportSite(
  policy: ReportCheckPolicy,
  report: { category: string; site: { placeType?: string | undefined }; findings: Record<string, Scalar> },
): ReportSiteCheck {
  const issues: PolicyPackIssue[] = [];
  const soft: PolicyPackIssue[] = [];
  const placeType = report.site.placeType;
  if (placeType !== undefined && policy.placeTypes.length > 0 && !policy.placeTypes.includes(placeType)) {
    issues.push(
      packIssue(
        ['site', 'placeType'],
        'unknown_place_type',
        `unknown place type "${placeType}"${hint(placeType, policy.placeTypes) || `; the pack has ${policy.placeTypes.join(', ')}`}`,
      ),
    );
  }
  const category = policy.categories.find((candidate) => candidate.id === report.category);
  if (
    category !== undefined &&
    placeType !== undefined &&
    category.placeTypes.length > 0 &&
    !category.placeTypes.includes(placeType) &&
    issues.length === 0
  ) {
    soft.push(
      packIssue(
        ['site', 'placeType'],
        'place_type_not_applicable',
        `category "${category.id}" applies to ${category.placeTypes.join(', ')}, not to place type "${placeType}"`,
      ),
    );
  }
  if (policy.findingKeys !== undefined) {
    const known = knownFindingKeys(policy);
    for (const key of Object.keys(report.findings)) {
      if (!known.has(key)) {
        soft.push(packIssue(['findings', key], 'unknown_finding', `unknown finding "${key}"${hint(key, known)}`));
      }
    }
  }
  return policy.reportChecks === 'warn' ? { issues, warnings: soft } : { issues: [...issues, ...soft], warnings: [] };
}
