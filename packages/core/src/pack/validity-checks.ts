import { daysInMonth } from '../calendar/calendar-date';
import { unknownReferences } from './check-helpers';
import { formatIssuePath, type IssuePath, type PolicyPackIssue, packIssue } from './policy-pack-issue';
import { describeWindow, type Validity, windowsOverlap } from './rule-validity';
import type { DatedDeadlines, PolicyPack } from './schema';

/**
 * The validity windows of a pack: each date must exist, `validFrom` must not come after
 * `validTo`, and two dated deadlines must never both set one step of one category on the
 * same day (which would win is not something an author should have to look up).
 */
export function checkValidity(pack: PolicyPack): PolicyPackIssue[] {
  const categoryIds = new Set(pack.categories.map((category) => category.id));
  const issues: PolicyPackIssue[] = [];
  pack.categories.forEach((category, index) => {
    issues.push(...checkWindow(category, ['categories', index], `category "${category.id}"`));
  });
  pack.severityRules.forEach((rule, index) => {
    issues.push(...checkWindow(rule, ['severityRules', index], `rule "${rule.id}"`));
  });
  const windowsValid = pack.datedDeadlines.map((dated, index) => {
    const path = ['datedDeadlines', index];
    const found = checkWindow(dated, path, `dated deadlines "${dated.id}"`);
    issues.push(...found);
    issues.push(...unknownReferences(dated.categories, categoryIds, [...path, 'categories'], 'unknown_category'));
    if (deadlineKeys(dated).length === 0) {
      issues.push(packIssue([...path, 'deadlines'], 'no_effect', 'changes nothing: set at least one step'));
    }
    return found.length === 0;
  });
  issues.push(...overlappingDeadlines(pack.datedDeadlines, windowsValid));
  return issues;
}

/** Malformed or impossible dates, and a window that ends before it starts. */
export function checkWindow(item: Validity, path: IssuePath, what: string): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  for (const end of ['validFrom', 'validTo'] as const) {
    const date = item[end];
    if (date !== undefined && !isRealDate(date)) {
      issues.push(packIssue([...path, end], 'invalid_date', `${what}: "${date}" is not a date on the calendar`));
    }
  }
  if (issues.length > 0) return issues;
  if (item.validFrom !== undefined && item.validTo !== undefined && item.validFrom > item.validTo) {
    issues.push(
      packIssue(
        [...path, 'validTo'],
        'invalid_date',
        `${what}: must not be before validFrom (${item.validFrom}), got ${item.validTo}; the rule would never be in force`,
      ),
    );
  }
  return issues;
}

/** `triage`, `rectify.general`, … : the step keys a dated entry sets. */
export function deadlineKeys(dated: Pick<DatedDeadlines, 'deadlines'>): string[] {
  const keys: string[] = [];
  for (const [step, value] of Object.entries(dated.deadlines)) {
    if (value === undefined) continue;
    if (step !== 'rectify') keys.push(step);
    else {
      const rectify = value as { general?: unknown; major?: unknown };
      if (rectify.general !== undefined) keys.push('rectify.general');
      if (rectify.major !== undefined) keys.push('rectify.major');
    }
  }
  return keys;
}

/**
 * Two entries clash when their windows share a day, both set a step, and they apply to the
 * same categories: both to every category, or both naming one. One for every category and
 * one naming a category do not clash: the named one wins for its category.
 */
function overlappingDeadlines(entries: readonly DatedDeadlines[], valid: readonly boolean[]): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  entries.forEach((later, j) => {
    for (let i = 0; i < j; i += 1) {
      const earlier = entries[i] as DatedDeadlines;
      if (!valid[i] || !valid[j] || !windowsOverlap(earlier, later)) continue;
      const shared = sharedScope(earlier.categories, later.categories);
      if (shared === undefined) continue;
      const steps = deadlineKeys(earlier).filter((key) => deadlineKeys(later).includes(key));
      if (steps.length === 0) continue;
      issues.push(
        packIssue(
          ['datedDeadlines', j],
          'overlapping_validity',
          `dated deadlines "${later.id}" (${describeWindow(later)}) and ${formatIssuePath(['datedDeadlines', i])} "${earlier.id}" (${describeWindow(earlier)}) both set ${steps.join(', ')} for ${shared} on the same days; end one before the other starts, or name different categories`,
        ),
      );
    }
  });
  return issues;
}

/** What two category lists both cover, in words, or undefined when nothing. */
function sharedScope(a: readonly string[], b: readonly string[]): string | undefined {
  if (a.length === 0 && b.length === 0) return 'every category';
  if (a.length === 0 || b.length === 0) return undefined;
  const common = a.filter((id) => b.includes(id));
  return common.length === 0 ? undefined : `category ${common.map((id) => `"${id}"`).join(', ')}`;
}

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}
