import type { BusinessCalendar, CoveredYears, Instant } from './business-calendar';

/**
 * Whether a deadline was counted on official data: `provisional` when its local date falls
 * in a year the calendar has no holidays for (China announces next year's each November,
 * so a deadline in 2027 counted in October 2026 skips 2027's Spring Festival, and must be
 * counted again once the year is added). A calendar without `coveredYears` is
 * weekends-only by choice and never provisional.
 */
export type DeadlineCoverage =
  | { readonly provisional: false }
  | {
      readonly provisional: true;
      /** The year the deadline falls in, which the calendar does not cover. */
      readonly year: number;
      readonly coveredYears: CoveredYears;
    };

/**
 * Whether a deadline (`dueAt`) falls outside the calendar's covered years. Elapsed-hour
 * durations never consult holidays, so pass the duration when known: `{ hours }` or `{ minutes }` is never
 * provisional. Pure; throws `CalendarError` `INVALID_DATE` for an instant that is not one.
 */
export function deadlineCoverage(
  calendar: Pick<BusinessCalendar, 'coveredYears' | 'localDate'>,
  dueAt: Instant,
  duration?:
    | { readonly minutes: number }
    | { readonly hours: number }
    | { readonly days: number }
    | { readonly workingDays: number },
): DeadlineCoverage {
  const covered = calendar.coveredYears;
  const date = calendar.localDate(dueAt);
  if (covered === undefined || (duration !== undefined && ('hours' in duration || 'minutes' in duration)))
    return { provisional: false };
  const year = Number(date.slice(0, 4));
  if (year >= covered.from && year <= covered.to) return { provisional: false };
  return { provisional: true, year, coveredYears: covered };
}
