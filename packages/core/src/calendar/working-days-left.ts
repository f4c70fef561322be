import type { BusinessCalendar } from './business-calendar';
import { formatCalendarDate, parseCalendarDate } from './calendar-date';
import { type Instant, instantToMs } from './instant';

/**
 * How many working days are left before a deadline, as a desk shows it ("剩余 N 个工作日 / N
 * working days left"), counted on `calendar` in its time zone:
 * - before the deadline: the working days after today's local date up to and including the
 *   deadline's date. Due at the end of tomorrow (a working day) is 1; due at the end of today
 *   is 0 (the last day). A weekend or holiday in between is not counted.
 * - past the deadline: minus the working days after the deadline's date up to and including
 *   today, so a deadline that ended last Friday is -1 on Monday; 0 on the deadline's own day.
 * Pure: `now` is given, never read from the wall clock.
 *
 * @example
 * ```ts
 * const cal = chinaCalendar();
 * // Monday 29 September 2025, due at the end of Thursday 9 October: 9-30 and 10-9 (National Day 10-1…10-8 is off)
 * workingDaysLeft('2025-10-09T15:59:59.999Z', '2025-09-29T02:00:00Z', cal); // 2
 * ```
 */
export function workingDaysLeft(deadline: Instant, now: Instant, calendar: BusinessCalendar): number {
  const today = parseCalendarDate(calendar.localDate(now));
  const due = parseCalendarDate(calendar.localDate(deadline));
  if (instantToMs(now) <= instantToMs(deadline)) return workingDatesIn(today, due, calendar);
  return -workingDatesIn(due, today, calendar) || 0;
}

/** Working dates `d` with `from < d <= to` (epoch days). */
function workingDatesIn(from: number, to: number, calendar: BusinessCalendar): number {
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (calendar.isWorkingDate(formatCalendarDate(day))) count++;
  return count;
}
