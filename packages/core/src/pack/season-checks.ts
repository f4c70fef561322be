import { DateTime } from 'luxon';
import { duplicateIds, unknownReferences } from './check-helpers';
import { type PolicyPackIssue, packIssue } from './policy-pack-issue';
import type { Season } from './schema';

/**
 * Seasons must name real dates, do something, and affect categories the pack has.
 * A window `MM-DD` to `MM-DD` recurs every year and may wrap the new year (`11-01` to
 * `03-31`); `YYYY-MM-DD` to `YYYY-MM-DD` is one period and must not run backwards.
 */
export function checkSeasons(seasons: readonly Season[], categoryIds: ReadonlySet<string>): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [...duplicateIds(seasons, (season) => season.id, ['seasons'], 'id')];
  seasons.forEach((season, index) => {
    const path = ['seasons', index];
    issues.push(...unknownReferences(season.categories, categoryIds, [...path, 'categories'], 'unknown_category'));
    season.windows.forEach((window, w) => {
      issues.push(...checkWindow(window, [...path, 'windows', w]));
    });
    if (season.deadlineFactor === undefined && season.raiseSeverityTo === undefined) {
      issues.push(packIssue(path, 'no_effect', 'changes nothing: set deadlineFactor, raiseSeverityTo or both'));
    }
    if (season.raiseSeverityTo === 'general') {
      issues.push(
        packIssue(
          [...path, 'raiseSeverityTo'],
          'no_effect',
          '"general" changes nothing: a season raises general hazards, so only "major" has an effect',
        ),
      );
    }
  });
  return issues;
}

function checkWindow(window: Season['windows'][number], path: readonly PropertyKey[]): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  for (const end of ['from', 'to'] as const) {
    if (!isRealDate(window[end])) {
      issues.push(packIssue([...path, end], 'invalid_date', `"${window[end]}" is not a date on the calendar`));
    }
  }
  if (issues.length > 0) return issues;
  const fromYearly = window.from.length === 5;
  const toYearly = window.to.length === 5;
  if (fromYearly !== toYearly) {
    issues.push(
      packIssue(
        path,
        'invalid_date',
        `from and to must both be MM-DD (every year) or both YYYY-MM-DD (one period), got "${window.from}" and "${window.to}"`,
      ),
    );
  } else if (!fromYearly && window.to < window.from) {
    issues.push(
      packIssue([...path, 'to'], 'invalid_date', `must not be before from (${window.from}), got ${window.to}`),
    );
  }
  return issues;
}

/** MM-DD is checked in a leap year, so `02-29` is allowed in a recurring window. */
function isRealDate(text: string): boolean {
  const iso = text.length === 5 ? `2024-${text}` : text;
  return DateTime.fromISO(iso, { zone: 'UTC' }).isValid;
}
