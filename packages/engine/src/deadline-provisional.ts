import { type BusinessCalendar, deadlineCoverage } from '@hazardflow/core';

/**
 * The year a deadline falls in when the calendar has no holidays for it, or null.
 *
 * The rule is the deadline instant alone: a deadline whose local date lies outside the
 * calendar's `coveredYears` is provisional. Every day a working-day or calendar-day count
 * consults lies between its start and its end, so a deadline that ends in a covered year
 * was counted on covered days only; one that ends past them may have skipped a holiday. An
 * `{ hours }` or `{ minutes }` deadline in such a year is flagged too (it never consults
 * holidays and will not move): the view errs on the side of "check again", and
 * `repairDeadlines` confirms it.
 *
 * Cheap on the commit path: away from 31 December and 1 January (UTC) the local year is the
 * UTC year in every zone, so only those two days ask the calendar for the local date.
 * @internal
 */
export function provisionalYearOf(
  calendar: Pick<BusinessCalendar, 'coveredYears' | 'localDate'>,
  dueAt: string | null,
): number | null {
  const covered = calendar.coveredYears;
  if (dueAt === null || covered === undefined) return null;
  const monthDay = dueAt.slice(5, 10);
  if (monthDay !== '12-31' && monthDay !== '01-01' && dueAt.endsWith('Z')) {
    const year = Number(dueAt.slice(0, 4));
    return year >= covered.from && year <= covered.to ? null : year;
  }
  const coverage = deadlineCoverage(calendar, dueAt);
  return coverage.provisional ? coverage.year : null;
}
