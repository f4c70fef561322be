import { closestMatch } from './closest-match';
import { type PolicyPackIssue, packIssue } from './policy-pack-issue';
import { describeWindow, isInForce } from './rule-validity';
import type { PolicyPack } from './schema';
import { localDateOf } from './season-window';

/**
 * Whether a new report may use a category at `at` (ISO instant, the report's time): the
 * category must exist and be in force on that local date in the pack's time zone. Returns
 * the problems as issues on the report's `category` field (`unknown_category`,
 * `category_not_in_force`), empty when the report may go ahead. Only new reports are
 * checked this way: a running case keeps its category after the category's `validTo`.
 * Throws RangeError for an `at` that is not an ISO instant.
 */
export function checkReportCategory(
  policy: Pick<PolicyPack, 'categories' | 'timeZone'>,
  categoryId: string,
  at: string,
): PolicyPackIssue[] {
  const category = policy.categories.find((candidate) => candidate.id === categoryId);
  if (category === undefined) {
    const known = policy.categories.map((candidate) => candidate.id);
    const guess = closestMatch(categoryId, known);
    const hint = guess !== undefined ? `; did you mean "${guess}"?` : `; the pack has ${known.join(', ')}`;
    return [packIssue(['category'], 'unknown_category', `unknown category "${categoryId}"${hint}`)];
  }
  const localDate = localDateOf(at, policy.timeZone);
  if (isInForce(category, localDate)) return [];
  return [
    packIssue(
      ['category'],
      'category_not_in_force',
      `category "${categoryId}" is in force ${describeWindow(category)}, not on ${localDate} (${policy.timeZone}); cases already reported keep it, new reports need another category`,
    ),
  ];
}
