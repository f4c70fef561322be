import { CalendarError } from './calendar-error';

/** Milliseconds in a nominal 24-hour day. */
export const DAY_MS = 86_400_000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Calendar dates as "epoch days": whole days since 1970-01-01 in the proleptic Gregorian
 * calendar, with no time zone attached. Working-day stepping is then integer arithmetic and
 * Set lookups, which keeps deadline computation cheap on every command.
 */
export function parseCalendarDate(text: string, path = 'date'): number {
  const match = DATE_PATTERN.exec(text);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return epochDay(year, month, day);
  }
  throw new CalendarError('INVALID_DATE', `${path}: "${String(text)}" is not a calendar date in the form YYYY-MM-DD`, {
    path,
    value: text,
  });
}

/** The epoch day of a year, month (1–12) and day of month; years below 100 are taken literally. */
export function epochDay(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

/** 'YYYY-MM-DD' for an epoch day. */
export function formatCalendarDate(day: number): string {
  const date = new Date(day * DAY_MS);
  const month = date.getUTCMonth() + 1;
  const dayOfMonth = date.getUTCDate();
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}

/** The Gregorian year an epoch day falls in. */
export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
