// Official schedule from the chinese-days package (MIT, https://github.com/vsme/chinese-days),
// which transcribes the State Council General Office's yearly notices (国务院办公厅关于…部分节假日安排的通知).
// tsup inlines the two tables at build time, so the published package carries only this data.
import { holidays as officialHolidays, workdays as officialWorkdays } from 'chinese-days/dist/chinese-days.json';
import {
  type BusinessCalendar,
  buildBusinessCalendar,
  type CoveredYears,
  type OutsideCoverage,
} from './business-calendar';
import { epochDay, formatCalendarDate, parseCalendarDate, yearOf } from './calendar-date';
import { CalendarError } from './calendar-error';

/** One year's schedule as announced: the days off and the make-up working days (调休). */
export interface ChinaYearSchedule {
  year: number;
  /** Days off, 'YYYY-MM-DD'; listing weekend days of a holiday too is harmless. */
  holidays: string[];
  /** Make-up working days on weekends, 'YYYY-MM-DD'. */
  workdays: string[];
}

export interface ChinaCalendarOptions {
  /**
   * Schedules to add to the bundled data, e.g. next year's the day it is announced, with no
   * new release. A year already covered may be given to add short-notice changes (as the
   * Spring Festival extension of 2020); its days override the bundled ones. Years must
   * continue the covered range without a gap.
   */
  extraYears?: ChinaYearSchedule[];
  outsideCoverage?: OutsideCoverage;
}

const TIME_ZONE = 'Asia/Shanghai';

interface OfficialData {
  holidays: readonly string[];
  workdays: readonly string[];
  /** The years the bundled table covers (2004–2026 in chinese-days 1.5.7), read from the data itself. */
  years: CoveredYears;
}
let official: OfficialData | undefined;

/** The bundled tables, read on first use so importing core stays cheap. */
function officialData(): OfficialData {
  if (!official) {
    const holidays = Object.keys(officialHolidays);
    const workdays = Object.keys(officialWorkdays);
    official = { holidays, workdays, years: yearsOf([...holidays, ...workdays]) };
  }
  return official;
}

/**
 * China's working-day calendar in Asia/Shanghai: weekends, public holidays and make-up
 * working days (调休) from the official schedules. Outside the covered years it throws
 * `CalendarError` `OUTSIDE_COVERAGE` (the message says how to add the year) unless
 * `outsideCoverage: 'weekends-only'` is chosen.
 *
 * Note that the last days of a covered December can still change when the next year's
 * schedule is announced (the 2008 New Year holiday began on 2007-12-30).
 *
 * @example
 * ```ts
 * const calendar = chinaCalendar();
 * calendar.isWorkingDate('2026-10-10'); // true: a Saturday made a working day for National Day
 * calendar.addDuration('2026-09-30T10:00:00+08:00', { workingDays: 1 }); // 2026-10-08T23:59:59.999+08:00
 * ```
 */
export function chinaCalendar(options: ChinaCalendarOptions = {}): BusinessCalendar {
  const official = officialData();
  const holidays = new Set(official.holidays);
  const workdays = new Set(official.workdays);
  const years = new Set<number>();
  for (let year = official.years.from; year <= official.years.to; year += 1) years.add(year);
  (options.extraYears ?? []).forEach((schedule, i) => {
    addSchedule(schedule, `extraYears[${i}]`, holidays, workdays);
    years.add(schedule.year);
  });
  return buildBusinessCalendar(
    {
      timeZone: TIME_ZONE,
      holidays,
      workdays,
      coveredYears: contiguous(years, official.years),
      ...(options.outsideCoverage !== undefined ? { outsideCoverage: options.outsideCoverage } : {}),
    },
    (year) =>
      `Add ${year}'s schedule the day the State Council announces it, with chinaCalendar({ extraYears: [{ year: ${year}, holidays: [...], workdays: [...] }] }) (see docs/calendar.md), or choose outsideCoverage: 'weekends-only' explicitly.`,
  );
}

/** Adds one announced schedule; its days win over the bundled ones for the same dates. */
function addSchedule(schedule: ChinaYearSchedule, path: string, holidays: Set<string>, workdays: Set<string>): void {
  const year = schedule.year;
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new CalendarError('INVALID_DATE', `${path}.year: must be a whole year, got ${String(year)}`, {
      path: `${path}.year`,
      value: year,
    });
  }
  const off = scheduleDays(schedule.holidays, `${path}.holidays`, year);
  const on = scheduleDays(schedule.workdays, `${path}.workdays`, year);
  for (const date of off) {
    if (on.includes(date)) {
      throw new CalendarError(
        'INVALID_DATE',
        `${path}: ${date} is listed both as a holiday and as a make-up working day`,
        {
          date,
          path,
          value: date,
        },
      );
    }
    holidays.add(date);
    workdays.delete(date);
  }
  for (const date of on) {
    workdays.add(date);
    holidays.delete(date);
  }
}

/** The covered range, refusing a gap: a year without its schedule would silently be weekends only. */
function contiguous(years: ReadonlySet<number>, bundled: CoveredYears): CoveredYears {
  const sorted = [...years].sort((a, b) => a - b);
  const range = { from: sorted[0] ?? bundled.from, to: sorted.at(-1) ?? bundled.to };
  const missing: number[] = [];
  for (let year = range.from; year <= range.to; year += 1) if (!years.has(year)) missing.push(year);
  const first = missing[0];
  if (first !== undefined) {
    throw new CalendarError(
      'OUTSIDE_COVERAGE',
      `extraYears: the covered years would have a gap at ${missing.join(', ')}; add the schedule for ${missing.length === 1 ? 'that year' : 'those years'} too (the bundled data covers ${bundled.from}–${bundled.to})`,
      { path: 'extraYears', year: first, coveredYears: bundled },
    );
  }
  return range;
}

/**
 * Validates one list of an announced schedule. Dates must fall in its year, or in the
 * December before or the January after (holidays can straddle New Year), which catches a
 * mistyped year such as 2072 for 2027.
 */
function scheduleDays(dates: readonly string[], path: string, year: number): string[] {
  const first = epochDay(year - 1, 12, 1);
  const last = epochDay(year + 1, 1, 31);
  return dates.map((date, i) => {
    const day = parseCalendarDate(date, `${path}[${i}]`);
    if (day < first || day > last) {
      throw new CalendarError(
        'INVALID_DATE',
        `${path}[${i}]: ${date} is not part of ${year}'s schedule (dates fall in ${year}, or the December before or January after)`,
        { date, path: `${path}[${i}]`, value: date },
      );
    }
    return formatCalendarDate(day);
  });
}

function yearsOf(dates: readonly string[]): CoveredYears {
  let from = Infinity;
  let to = -Infinity;
  for (const date of dates) {
    const year = yearOf(parseCalendarDate(date));
    if (year < from) from = year;
    if (year > to) to = year;
  }
  return Object.freeze({ from, to });
}
