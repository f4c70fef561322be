import { DateTime } from 'luxon';
import { duplicateIds, unknownReferences } from './check-helpers';
import { type PolicyPackIssue, packIssue } from './policy-pack-issue';
import type { Escalation, Season } from './schema';

/**
 * Seasons must name real dates, do something, and affect categories the pack has.
 * A window `MM-DD` to `MM-DD` recurs every year and may wrap the new year (`11-01` to
 * `03-31`); `YYYY-MM-DD` to `YYYY-MM-DD` is one period and must not run backwards.
 *
 * In a pack that lists by decision (`escalation.listing: 'decision'`) a season must not set the
 * grade (`season_sets_grade`): a major accident hazard (重大事故隐患) is a legal category decided
 * by the rules of GB 35181-2025 and the departments' criteria under 《安全生产法》 Art. 118,
 * not by the calendar, so a season shortens deadlines and raises priority only. Packs without
 * the field are older published versions and keep validating as they were.
 */
export function checkSeasons(
  seasons: readonly Season[],
  categoryIds: ReadonlySet<string>,
  listing: Escalation['listing'] = undefined,
): PolicyPackIssue[] {
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
    if (listing === 'decision' && season.raiseSeverityTo === 'major') {
      issues.push(
        packIssue(
          [...path, 'raiseSeverityTo'],
          'season_sets_grade',
          'a season never sets the legal grade (重大事故隐患 is decided by the rules and confirmed by people); shorten deadlines with deadlineFactor instead',
        ),
      );
    } else if (season.raiseSeverityTo === 'general') {
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
