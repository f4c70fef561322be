import type { Duration } from '../duration';
import { epochDay, formatCalendarDate, isoWeekday, parseCalendarDate, yearOf } from './calendar-date';
import { CalendarError } from './calendar-error';
import { type Instant, instantToMs } from './instant';
import { zoneDaysFor } from './zone-days';

export type { Instant } from './instant';

/** An inclusive range of years, e.g. `{ from: 2004, to: 2026 }`. */
export interface CoveredYears {
  readonly from: number;
  readonly to: number;
}

/**
 * What a calendar does for a date in a year it has no official data for: `'error'` throws
 * `CalendarError` `OUTSIDE_COVERAGE` (the default: never guess a country's holidays);
 * `'weekends-only'` treats such years as having no holidays, a choice the caller makes.
 */
export type OutsideCoverage = 'error' | 'weekends-only';

export interface BusinessCalendarOptions {
  /** IANA time zone the working days are counted in, e.g. `Asia/Shanghai`. */
  timeZone: string;
  /** 'YYYY-MM-DD' days off that would otherwise be working days (public holidays). */
  holidays?: Iterable<string>;
  /** 'YYYY-MM-DD' make-up working days (调休) that fall on the weekend. */
  workdays?: Iterable<string>;
  /** ISO weekdays off (1 = Monday … 7 = Sunday); default `[6, 7]`. */
  weekend?: number[];
  /**
   * Years the holidays and workdays are complete for. Outside them the calendar throws
   * `OUTSIDE_COVERAGE` unless `outsideCoverage` is `'weekends-only'`. Leave it out for a
   * calendar that is weekends-only (plus the given days) by choice, with no year limit.
   */
  coveredYears?: CoveredYears;
  outsideCoverage?: OutsideCoverage;
}

/**
 * Turns policy durations into instants on working days in one time zone. Every operation
 * works on the *local* date of an instant in `timeZone`; results are `Date`s.
 *
 * Deadline semantics follow Chinese administrative practice: a period starts the day after
 * the event and ends at the end of its last day, and a period whose last day is a holiday
 * ends at the end of the first working day after it (期间届满的最后一日是节假日的，以节假日后的第一日为期间届满的日期).
 */
export interface BusinessCalendar {
  readonly timeZone: string;
  /** Years with official data, e.g. `{ from: 2004, to: 2026 }`; undefined when the calendar is weekends-only by choice. */
  readonly coveredYears: CoveredYears | undefined;
  /** Whether the local date of `at` in `timeZone` is a working day. */
  isWorkingDay(at: Instant): boolean;
  /** Whether a calendar date 'YYYY-MM-DD' is a working day. */
  isWorkingDate(date: string): boolean;
  /**
   * The deadline `d` after `start`:
   * - `{ workingDays: n }`: the end (23:59:59.999 local) of the n-th working day strictly
   *   after the local date of `start`, so always on a working day; `0` means the end of
   *   `start`'s own date if it is a working day, else of the next working day.
   * - `{ days: n }`: the end of the n-th calendar day after the local date of `start`; if
   *   that day is not a working day, the end of the next working day.
   * - `{ hours: n }` / `{ minutes: n }`: exactly that much elapsed time later, never rolled
   *   (urgent steps such as a 24 h verification or a 30-minute entrapment rescue), and so
   *   never limited by `coveredYears`, across midnight and days off alike.
   * Amounts are whole numbers of their unit (`{ minutes: 90 }`, not `{ hours: 1.5 }`).
   */
  addDuration(start: Instant, d: Duration): Date;
  /**
   * The instant `d` before `end`, used for warnings ahead of a deadline:
   * - `{ workingDays: n }`: the same local time of day n working days earlier, counting only
   *   working days; if `end` falls on a non-working day, counting starts from the working
   *   day before it. An `end` at the very end of its day maps to the end of the earlier day.
   * - `{ days: n }`: the same local time of day n calendar days earlier.
   * - `{ hours: n }` / `{ minutes: n }`: exactly that much elapsed time earlier.
   * Only `workingDays` consults holidays, so only it can throw `OUTSIDE_COVERAGE`.
   * A local time that does not exist on the earlier day (DST gap) moves forward by the gap;
   * one that occurs twice means the earlier instant.
   */
  subtractDuration(end: Instant, d: Duration): Date;
  /**
   * Milliseconds of `[from, to)` that fall on working days (a working day counts all of its
   * 24 h, or 23/25 h on DST change days); negative when `to` is before `from`. Used to pause
   * a deadline's clock and to report working time taken.
   */
  workingTimeBetween(from: Instant, to: Instant): number;
  /**
   * The earliest instant with `ms` of working-day time between `start` and it: the inverse
   * of `workingTimeBetween`. A negative `ms` moves backwards. Used to resume a paused clock.
   */
  addWorkingTime(start: Instant, ms: number): Date;
  /** The local date 'YYYY-MM-DD' of `at` in `timeZone`. */
  localDate(at: Instant): string;
}

/** Builds a calendar from a time zone, weekend days and the holidays and make-up days of some years. */
export function createBusinessCalendar(options: BusinessCalendarOptions): BusinessCalendar {
  return buildBusinessCalendar(
    options,
    (year) =>
      `Pass ${year}'s holidays and make-up working days (holidays, workdays) and extend coveredYears to include it, or choose outsideCoverage: 'weekends-only' explicitly.`,
  );
}

/** @internal `coverageHint` tells people how to add a missing year, in terms of the factory they called. */
export function buildBusinessCalendar(
  options: BusinessCalendarOptions,
  coverageHint: (year: number) => string,
): BusinessCalendar {
  const zone = zoneDaysFor(options.timeZone);
  const timeZone = options.timeZone;
  const weekend = weekendMask(options.weekend ?? [6, 7]);
  const holidays = dateSet(options.holidays, 'holidays');
  const workdays = dateSet(options.workdays, 'workdays');
  for (const day of holidays) {
    if (workdays.has(day)) {
      const date = formatCalendarDate(day);
      throw new CalendarError('INVALID_DATE', `${date} is listed both as a holiday and as a make-up working day`, {
        date,
        path: 'workdays',
        value: date,
      });
    }
  }
  const coveredYears = checkCoveredYears(options.coveredYears);
  // Without coveredYears there is nothing to be outside of: weekends-only (plus the given days) by choice.
  const enforcedCoverage = (options.outsideCoverage ?? 'error') === 'error' ? coveredYears : undefined;
  const firstCovered = coveredYears ? epochDay(coveredYears.from, 1, 1) : -Infinity;
  const lastCovered = coveredYears ? epochDay(coveredYears.to, 12, 31) : Infinity;

  const isWorking = (day: number): boolean => {
    if (enforcedCoverage && (day < firstCovered || day > lastCovered)) throw outsideCoverage(day, enforcedCoverage);
    if (holidays.has(day)) return false;
    if (workdays.has(day)) return true;
    return !weekend[isoWeekday(day)];
  };

  const outsideCoverage = (day: number, range: CoveredYears): CalendarError => {
    const year = yearOf(day);
    const date = formatCalendarDate(day);
    return new CalendarError(
      'OUTSIDE_COVERAGE',
      `The ${timeZone} calendar has no holiday data for ${year} (it covers ${range.from}–${range.to}), so it cannot tell whether ${date} is a working day. ${coverageHint(year)}`,
      { date, year, coveredYears: range, timeZone },
    );
  };

  /**
   * A working day a deadline can count and end on. A date the zone skipped entirely (Samoa
   * jumped from 29 to 31 December 2011) has no instants, so it cannot.
   */
  const counts = (day: number): boolean => isWorking(day) && zone.startOf(day + 1) !== zone.startOf(day);

  /** The n-th working day strictly after `day` (n = 0: `day` itself or the next working day). */
  const nthWorkingDayAfter = (day: number, n: number): number => {
    let d = day;
    if (n === 0) {
      while (!counts(d)) d += 1;
      return d;
    }
    for (let counted = 0; counted < n; ) {
      d += 1;
      if (counts(d)) counted += 1;
    }
    return d;
  };

  const endOf = (day: number): Date => new Date(zone.startOf(day + 1) - 1);

  /** Same local time of day on `day` as `ms` has on its own date; the last instant of a day stays the last. */
  const sameTimeOn = (ms: number, ownDay: number, day: number): Date => {
    if (ms === zone.startOf(ownDay + 1) - 1) return endOf(day);
    return new Date(zone.instantAt(day, zone.timeOfDay(ms)));
  };

  const workingTimeBetween = (fromMs: number, toMs: number): number => {
    if (toMs < fromMs) {
      const back = workingTimeBetween(toMs, fromMs);
      return back === 0 ? 0 : -back; // never -0
    }
    const first = zone.dayOf(fromMs);
    const last = zone.dayOf(toMs);
    if (first === last) return fromMs < toMs && isWorking(first) ? toMs - fromMs : 0;
    let total = isWorking(first) ? zone.startOf(first + 1) - fromMs : 0;
    for (let d = first + 1; d < last; d += 1) {
      if (isWorking(d)) total += zone.startOf(d + 1) - zone.startOf(d);
    }
    const lastStart = zone.startOf(last);
    if (toMs > lastStart && isWorking(last)) total += toMs - lastStart;
    return total;
  };

  const addWorkingTime = (startMs: number, ms: number): number => {
    let remaining = Math.abs(ms);
    let t = startMs;
    if (ms >= 0) {
      for (let d = zone.dayOf(t); remaining > 0; d += 1) {
        const end = zone.startOf(d + 1);
        if (isWorking(d)) {
          if (remaining <= end - t) return t + remaining;
          remaining -= end - t;
        }
        t = end;
      }
      return t;
    }
    // Backwards: the day holding the instant just before `t` is the one time is taken from.
    for (let d = zone.dayOf(t - 1); remaining > 0; d -= 1) {
      const start = zone.startOf(d);
      if (isWorking(d)) {
        if (remaining <= t - start) return t - remaining;
        remaining -= t - start;
      }
      t = start;
    }
    return t;
  };

  const calendar: BusinessCalendar = {
    timeZone,
    coveredYears,
    isWorkingDay: (at) => isWorking(zone.dayOf(instantToMs(at, 'at'))),
    isWorkingDate: (date) => isWorking(parseCalendarDate(date)),
    localDate: (at) => formatCalendarDate(zone.dayOf(instantToMs(at, 'at'))),
    addDuration(start, d) {
      const ms = instantToMs(start, 'start');
      if ('workingDays' in d) return endOf(nthWorkingDayAfter(zone.dayOf(ms), count(d.workingDays, 'workingDays')));
      if ('days' in d) return endOf(nthWorkingDayAfter(zone.dayOf(ms) + count(d.days, 'days'), 0));
      return new Date(ms + elapsed(d));
    },
    subtractDuration(end, d) {
      const ms = instantToMs(end, 'end');
      if ('workingDays' in d) {
        const own = zone.dayOf(ms);
        let day = own;
        while (!counts(day)) day -= 1;
        for (let counted = 0, n = count(d.workingDays, 'workingDays'); counted < n; ) {
          day -= 1;
          if (counts(day)) counted += 1;
        }
        return sameTimeOn(ms, own, day);
      }
      if ('days' in d) {
        const own = zone.dayOf(ms);
        return sameTimeOn(ms, own, own - count(d.days, 'days'));
      }
      return new Date(ms - elapsed(d));
    },
    workingTimeBetween: (from, to) => workingTimeBetween(instantToMs(from, 'from'), instantToMs(to, 'to')),
    addWorkingTime(start, ms) {
      if (!Number.isFinite(ms)) throw invalidAmount('ms', ms, 'a finite number of milliseconds');
      return new Date(addWorkingTime(instantToMs(start, 'start'), ms));
    },
  };
  return Object.freeze(calendar);
}

function count(n: number, unit: 'workingDays' | 'days'): number {
  if (Number.isSafeInteger(n) && n >= 0) return n;
  throw invalidAmount(`duration.${unit}`, n, 'a whole number of at least 0');
}

/** The milliseconds of an elapsed-time duration: a whole number of hours or minutes, at least 0. */
function elapsed(d: { hours: number } | { minutes: number }): number {
  const [unit, n, ms] =
    'hours' in d ? (['hours', d.hours, 3_600_000] as const) : (['minutes', d.minutes, 60_000] as const);
  if (Number.isSafeInteger(n) && n >= 0) return n * ms;
  throw invalidAmount(`duration.${unit}`, n, 'a whole number of at least 0');
}

function invalidAmount(path: string, value: unknown, expected: string): CalendarError {
  return new CalendarError('INVALID_DATE', `${path}: must be ${expected}, got ${String(value)}`, { path, value });
}

function weekendMask(days: readonly number[]): boolean[] {
  const mask = new Array<boolean>(8).fill(false);
  days.forEach((day, i) => {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      throw new CalendarError(
        'INVALID_DATE',
        `weekend[${i}]: ${String(day)} is not an ISO weekday (1 = Monday … 7 = Sunday)`,
        {
          path: `weekend[${i}]`,
          value: day,
        },
      );
    }
    mask[day] = true;
  });
  if (mask.every((off, day) => day === 0 || off)) {
    throw new CalendarError('INVALID_DATE', 'weekend: at least one weekday must be a working day', {
      path: 'weekend',
      value: days,
    });
  }
  return mask;
}

function dateSet(dates: Iterable<string> | undefined, path: string): Set<number> {
  const set = new Set<number>();
  if (dates === undefined) return set;
  let i = 0;
  for (const date of dates) {
    set.add(parseCalendarDate(date, `${path}[${i}]`));
    i += 1;
  }
  return set;
}

function checkCoveredYears(years: CoveredYears | undefined): CoveredYears | undefined {
  if (years === undefined) return undefined;
  const { from, to } = years;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > 9999 || from > to) {
    throw new CalendarError(
      'INVALID_DATE',
      `coveredYears: must be whole years with from <= to, got ${String(from)}–${String(to)}`,
      { path: 'coveredYears', value: years },
    );
  }
  return Object.freeze({ from, to });
}
