import { closestMatch } from './closest-match';
import { formatIssuePath, type IssuePath, type PolicyPackIssue, packIssue } from './policy-pack-issue';

/**
 * Small builders shared by the cross-field checks, so the same kind of mistake is always
 * worded the same way.
 */

/** Reports every item whose key was already used by an earlier item, e.g. a second category "exits". */
export function duplicateIds<T>(
  items: readonly T[],
  keyOf: (item: T) => string | number,
  path: IssuePath,
  field: string,
): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  const first = new Map<string | number, number>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else {
      issues.push(
        packIssue(
          [...path, index, field],
          'duplicate_id',
          `${JSON.stringify(key)} is already used by ${formatIssuePath([...path, earlier])}`,
        ),
      );
    }
  });
  return issues;
}

/** Reports repeated values in a list of scalars, e.g. `["seal", "seal"]`. */
export function duplicateValues(values: readonly (string | number)[], path: IssuePath): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  const seen = new Set<string | number>();
  values.forEach((value, index) => {
    if (seen.has(value))
      issues.push(packIssue([...path, index], 'duplicate_value', `${JSON.stringify(value)} is listed twice`));
    seen.add(value);
  });
  return issues;
}

/** Reports references to ids the pack does not declare, with a "did you mean" hint. */
export function unknownReferences(
  values: readonly string[],
  known: ReadonlySet<string>,
  path: IssuePath,
  code: 'unknown_category' | 'unknown_place_type',
): PolicyPackIssue[] {
  const noun = code === 'unknown_category' ? 'category' : 'place type';
  const issues: PolicyPackIssue[] = [];
  values.forEach((value, index) => {
    if (known.has(value)) return;
    const guess = closestMatch(value, known);
    const hint =
      guess !== undefined
        ? `; did you mean "${guess}"?`
        : known.size > 0 && known.size <= 12
          ? `; the pack declares ${[...known].join(', ')}`
          : '';
    issues.push(packIssue([...path, index], code, `unknown ${noun} "${value}"${hint}`));
  });
  return issues;
}
