import { z } from 'zod';
import { type IssuePath, type PolicyPackIssue, packIssue } from '../pack/policy-pack-issue';
import { createZodIssueReader } from '../pack/zod-issues';
import { epochDay, formatCalendarDate, parseCalendarDate } from './calendar-date';
import { CalendarError } from './calendar-error';
import type { ChinaYearSchedule } from './china-calendar';

/**
 * A holidays file: one year's schedule as the State Council announces it each November
 * (国务院办公厅关于…部分节假日安排的通知), written as JSON so an application can add next
 * year without a new release of hazardflow:
 *
 * ```json
 * { "year": 2027,
 *   "holidays": ["2027-01-01", { "from": "2027-02-06", "to": "2027-02-12", "name": "春节" }],
 *   "workdays": ["2027-02-14"] }
 * ```
 *
 * `holidays` lists days off, one date or an inclusive range each; `workdays` the make-up
 * working days on weekends (调休), likewise. Dates fall in the year, or in the December
 * before or January after it (a New Year holiday can straddle the turn of the year).
 * `parseCalendarYear` turns it into the `ChinaYearSchedule` that
 * `chinaCalendar({ extraYears })` takes.
 */
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const dayOrRange = z.union([
  dateText,
  z.strictObject({ from: dateText, to: dateText, name: z.string().min(1).optional() }),
]);

export const calendarYearSchema = z.strictObject({
  /** For editors: the JSON Schema the file is checked against. */
  $schema: z.string().optional(),
  year: z.number().int().min(1).max(9999),
  /** Where the schedule comes from, e.g. 国办发明电〔2026〕N号. */
  source: z.string().optional(),
  holidays: z.array(dayOrRange),
  workdays: z.array(dayOrRange).default([]),
});

/** What a holidays file holds, as written. */
export type CalendarYearInput = z.input<typeof calendarYearSchema>;

/** The outcome of `parseCalendarYear`: the schedule, or every problem with the field it is in. */
export type CalendarYearValidation =
  | { readonly success: true; readonly schedule: ChinaYearSchedule }
  | { readonly success: false; readonly issues: readonly PolicyPackIssue[] };

/** Ranges longer than this are a typo: the longest holiday (Spring Festival) is 8 or 9 days. */
const MAX_RANGE_DAYS = 31;

/**
 * Validates a parsed holidays file and expands it into a `ChinaYearSchedule` (ranges become
 * single dates, sorted). Never throws: each problem is an issue naming its field
 * (`holidays[2].to`) with `invalid_date` for a date that does not exist, lies outside the
 * year, or ends a range before it starts, and `inconsistent` for a day listed both as a
 * holiday and as a make-up working day. `chinaCalendar` checks the same again when it is
 * given the schedule.
 */
export function parseCalendarYear(input: unknown): CalendarYearValidation {
  const reader = createZodIssueReader();
  const parsed = calendarYearSchema.safeParse(input, { error: reader.errorMap, reportInput: true });
  if (!parsed.success) return { success: false, issues: reader.toPackIssues(parsed.error.issues) };
  const { year } = parsed.data;
  const issues: PolicyPackIssue[] = [];
  const holidays = expand(parsed.data.holidays, ['holidays'], year, issues);
  const workdays = expand(parsed.data.workdays, ['workdays'], year, issues);
  const off = new Set(holidays);
  workdays.forEach((date) => {
    if (off.has(date)) {
      issues.push(
        packIssue(['workdays'], 'inconsistent', `${date} is listed both as a holiday and as a make-up working day`),
      );
    }
  });
  if (issues.length > 0) return { success: false, issues };
  return { success: true, schedule: { year, holidays, workdays } };
}

function expand(
  entries: readonly z.output<typeof dayOrRange>[],
  path: IssuePath,
  year: number,
  issues: PolicyPackIssue[],
): string[] {
  const first = epochDay(year - 1, 12, 1);
  const last = epochDay(year + 1, 1, 31);
  const days = new Set<number>();
  const day = (text: string, at: IssuePath): number | undefined => {
    let value: number;
    try {
      value = parseCalendarDate(text);
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      issues.push(packIssue(at, 'invalid_date', `"${text}" is not a date on the calendar`));
      return undefined;
    }
    if (value < first || value > last) {
      issues.push(
        packIssue(
          at,
          'invalid_date',
          `${text} is not part of ${year}'s schedule (dates fall in ${year}, or the December before or January after)`,
        ),
      );
      return undefined;
    }
    return value;
  };
  entries.forEach((entry, index) => {
    if (typeof entry === 'string') {
      const one = day(entry, [...path, index]);
      if (one !== undefined) days.add(one);
      return;
    }
    const from = day(entry.from, [...path, index, 'from']);
    const to = day(entry.to, [...path, index, 'to']);
    if (from === undefined || to === undefined) return;
    if (to < from) {
      issues.push(
        packIssue([...path, index, 'to'], 'invalid_date', `must not be before from (${entry.from}), got ${entry.to}`),
      );
    } else if (to - from + 1 > MAX_RANGE_DAYS) {
      issues.push(
        packIssue([...path, index, 'to'], 'too_big', `a range of at most ${MAX_RANGE_DAYS} days, got ${to - from + 1}`),
      );
    } else for (let d = from; d <= to; d += 1) days.add(d);
  });
  return [...days].sort((a, b) => a - b).map(formatCalendarDate);
}
