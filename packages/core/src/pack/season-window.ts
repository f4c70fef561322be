import { DateTime } from 'luxon';
import { localDateFast } from './local-date-fast';
import type { PolicyPack, Season } from './schema';

/**
 * The local calendar date of an instant in the pack's time zone: a season window is a
 * range of local dates, and 2025-10-31T17:00Z is already 11-01 in Shanghai. Accepts an ISO
 * instant (what the engine puts on every event); a date or time without an offset is read
 * as local time in that zone. Throws RangeError for anything else, since a wrong date
 * here would silently pick the wrong deadline.
 */
export function localDateOf(at: string, timeZone: string): string {
  const fast = localDateFast(at, timeZone);
  if (fast !== undefined) return fast;
  const local = DateTime.fromISO(at, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`"at" must be an ISO 8601 instant, got ${JSON.stringify(at)}`);
  return local.toISODate();
}

/**
 * Whether a local date (`YYYY-MM-DD`) falls in one of the season's windows, both ends
 * included. `MM-DD` windows recur every year; one whose end comes before its start wraps
 * the new year (`11-01` to `03-31` covers 2025-12-31 and 2026-01-01).
 */
export function isInSeason(season: Pick<Season, 'windows'>, localDate: string): boolean {
  const monthDay = localDate.slice(5);
  return season.windows.some(({ from, to }) => {
    if (from.length === 10) return from <= localDate && localDate <= to;
    return from <= to ? from <= monthDay && monthDay <= to : monthDay >= from || monthDay <= to;
  });
}

/** The seasons in force at `at` for a category (a season with no categories affects all). */
export function activeSeasons(
  policy: Pick<PolicyPack, 'seasons' | 'timeZone'>,
  at: string,
  categoryId: string,
): Season[] {
  const localDate = localDateOf(at, policy.timeZone);
  return policy.seasons.filter(
    (season) =>
      (season.categories.length === 0 || season.categories.includes(categoryId)) && isInSeason(season, localDate),
  );
}
