import { CalendarError, chinaCalendar, deadlineCoverage } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

const china = chinaCalendar();
/** The end of a local day in Beijing, as an instant. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

function thrown(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

describe('chinaCalendar: official data (chinese-days 1.5.7)', () => {
  it('is Asia/Shanghai and covers 2004–2026', () => {
    expect(china.timeZone).toBe('Asia/Shanghai');
    expect(china.coveredYears).toEqual({ from: 2004, to: 2026 });
  });

  it('knows National Day 2026: Oct 1–7 off, Oct 8 back at work, Sep 20 (Sun) and Oct 10 (Sat) made working days', () => {
    for (let day = 1; day <= 7; day++) expect(china.isWorkingDate(`2026-10-0${day}`)).toBe(false);
    expect(china.isWorkingDate('2026-10-08')).toBe(true);
    expect(china.isWorkingDate('2026-09-20')).toBe(true);
    expect(china.isWorkingDate('2026-10-10')).toBe(true);
    expect(china.isWorkingDate('2026-10-11')).toBe(false);
    // Mid-Autumn Festival 2026 falls on Friday 25 September.
    expect(china.isWorkingDate('2026-09-25')).toBe(false);
  });

  it('knows Spring Festival 2025: Jan 28 – Feb 4 off, Jan 26 (Sun) and Feb 8 (Sat) working', () => {
    expect(china.isWorkingDate('2025-01-27')).toBe(true);
    for (const date of ['2025-01-28', '2025-01-31', '2025-02-03', '2025-02-04'])
      expect(china.isWorkingDate(date)).toBe(false);
    expect(china.isWorkingDate('2025-02-05')).toBe(true);
    expect(china.isWorkingDate('2025-01-26')).toBe(true);
    expect(china.isWorkingDate('2025-02-08')).toBe(true);
    expect(china.isWorkingDate('2025-02-09')).toBe(false);
  });

  it('decides by the local date in Beijing, not in UTC', () => {
    // 2026-09-30T16:30Z is already 1 October (a holiday) in Beijing.
    expect(china.isWorkingDay('2026-09-30T15:59:59.999Z')).toBe(true);
    expect(china.isWorkingDay('2026-09-30T16:00:00Z')).toBe(false);
    expect(china.localDate('2026-09-30T16:00:00Z')).toBe('2026-10-01');
    expect(china.localDate(new Date('2026-10-08T00:00:00+08:00'))).toBe('2026-10-08');
  });
});

describe('chinaCalendar: deadlines around holidays', () => {
  it('counts working days after a Friday before National Day 2025 (make-up Sunday, Oct 1–8 off, make-up Saturday)', () => {
    const friday = '2025-09-26T15:00:00+08:00';
    const expected = ['2025-09-28', '2025-09-29', '2025-09-30', '2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13'];
    expected.forEach((date, i) => {
      expect(china.addDuration(friday, { workingDays: i + 1 })).toEqual(endOf(date));
    });
  });

  it('counts working days around National Day 2026', () => {
    expect(china.addDuration('2026-09-18T09:00:00+08:00', { workingDays: 1 })).toEqual(endOf('2026-09-20'));
    // Friday 25 September is Mid-Autumn, so Thursday + 1 working day is Monday.
    expect(china.addDuration('2026-09-24T09:00:00+08:00', { workingDays: 1 })).toEqual(endOf('2026-09-28'));
    expect(china.addDuration('2026-09-30T10:00:00+08:00', { workingDays: 1 })).toEqual(endOf('2026-10-08'));
    expect(china.addDuration('2026-09-30T10:00:00+08:00', { workingDays: 3 })).toEqual(endOf('2026-10-10'));
    expect(china.addDuration('2026-09-30T10:00:00+08:00', { workingDays: 4 })).toEqual(endOf('2026-10-12'));
    // Reported on a holiday: counting starts the day after, like any other day.
    expect(china.addDuration('2026-10-03T10:00:00+08:00', { workingDays: 1 })).toEqual(endOf('2026-10-08'));
  });

  it('counts working days across Spring Festival 2025', () => {
    expect(china.addDuration('2025-01-24T09:00:00+08:00', { workingDays: 1 })).toEqual(endOf('2025-01-26'));
    expect(china.addDuration('2025-01-24T09:00:00+08:00', { workingDays: 3 })).toEqual(endOf('2025-02-05'));
  });

  it('rolls a period in calendar days that ends on a holiday to the next working day', () => {
    expect(china.addDuration('2026-09-28T10:00:00+08:00', { days: 2 })).toEqual(endOf('2026-09-30'));
    expect(china.addDuration('2026-09-28T10:00:00+08:00', { days: 3 })).toEqual(endOf('2026-10-08'));
    expect(china.addDuration('2026-09-28T10:00:00+08:00', { days: 12 })).toEqual(endOf('2026-10-10'));
    // 15 days from 18 Jan 2025 lands on 2 Feb, inside Spring Festival.
    expect(china.addDuration('2025-01-18T10:00:00+08:00', { days: 15 })).toEqual(endOf('2025-02-05'));
  });

  it('adds hours as elapsed time, across midnight and into a holiday, without rolling', () => {
    expect(china.addDuration('2026-09-30T20:00:00+08:00', { hours: 6 })).toEqual(new Date('2026-10-01T02:00:00+08:00'));
    expect(china.addDuration('2026-09-30T20:00:00+08:00', { hours: 24 })).toEqual(
      new Date('2026-10-01T20:00:00+08:00'),
    );
    expect(china.addDuration('2026-09-30T20:00:00+08:00', { minutes: 90 })).toEqual(
      new Date('2026-09-30T21:30:00+08:00'),
    );
  });

  it('adds and subtracts minutes as elapsed time, across midnight into a holiday', () => {
    // A 30-minute entrapment rescue reported at 23:45 on the eve of National Day.
    expect(china.addDuration('2026-09-30T23:45:00+08:00', { minutes: 30 })).toEqual(
      new Date('2026-10-01T00:15:00+08:00'),
    );
    expect(china.subtractDuration('2026-10-01T00:15:00+08:00', { minutes: 20 })).toEqual(
      new Date('2026-09-30T23:55:00+08:00'),
    );
    expect(deadlineCoverage(china, '2031-10-01T00:15:00+08:00', { minutes: 30 })).toEqual({ provisional: false });
  });

  it('refuses fractional hours and minutes, as pack validation does', () => {
    expect(() => china.addDuration('2026-09-30T20:00:00+08:00', { hours: 1.5 })).toThrow(
      'duration.hours: must be a whole number of at least 0, got 1.5',
    );
    expect(() => china.subtractDuration('2026-09-30T20:00:00+08:00', { minutes: 0.5 })).toThrow(
      'duration.minutes: must be a whole number of at least 0, got 0.5',
    );
  });

  it('warns ahead of a deadline by subtracting working days at the same local time', () => {
    // Deadline at the end of 8 October: one working day earlier is the end of 30 September.
    expect(china.subtractDuration(endOf('2026-10-08'), { workingDays: 1 })).toEqual(endOf('2026-09-30'));
    expect(china.subtractDuration('2026-10-12T17:00:00+08:00', { workingDays: 2 })).toEqual(
      new Date('2026-10-09T17:00:00+08:00'),
    );
    expect(china.subtractDuration('2026-10-12T17:00:00+08:00', { workingDays: 4 })).toEqual(
      new Date('2026-09-30T17:00:00+08:00'),
    );
    // An end on a holiday counts from the working day before it (30 September).
    expect(china.subtractDuration('2026-10-05T12:00:00+08:00', { workingDays: 1 })).toEqual(
      new Date('2026-09-29T12:00:00+08:00'),
    );
    expect(china.subtractDuration('2026-10-05T12:00:00+08:00', { days: 5 })).toEqual(
      new Date('2026-09-30T12:00:00+08:00'),
    );
    expect(china.subtractDuration('2026-10-01T02:00:00+08:00', { hours: 6 })).toEqual(
      new Date('2026-09-30T20:00:00+08:00'),
    );
  });

  it('counts working time only on working days, and addWorkingTime inverts it', () => {
    const hour = 3_600_000;
    // 30 Sep 12:00 → 8 Oct 12:00: 12 h of 30 Sep plus 12 h of 8 Oct.
    expect(china.workingTimeBetween('2026-09-30T12:00:00+08:00', '2026-10-08T12:00:00+08:00')).toBe(24 * hour);
    expect(china.workingTimeBetween('2026-10-08T12:00:00+08:00', '2026-09-30T12:00:00+08:00')).toBe(-24 * hour);
    expect(china.workingTimeBetween('2026-10-02T00:00:00+08:00', '2026-10-06T00:00:00+08:00')).toBe(0);
    expect(china.addWorkingTime('2026-09-30T12:00:00+08:00', 24 * hour)).toEqual(new Date('2026-10-08T12:00:00+08:00'));
    expect(china.addWorkingTime('2026-10-08T12:00:00+08:00', -24 * hour)).toEqual(
      new Date('2026-09-30T12:00:00+08:00'),
    );
    // Exactly used up at the end of 30 September: the earliest such instant is midnight.
    expect(china.addWorkingTime('2026-09-30T12:00:00+08:00', 12 * hour)).toEqual(new Date('2026-10-01T00:00:00+08:00'));
    // Started during the holiday, the clock waits for 8 October.
    expect(china.addWorkingTime('2026-10-03T12:00:00+08:00', hour)).toEqual(new Date('2026-10-08T01:00:00+08:00'));
  });
});

describe('chinaCalendar: outside the covered years', () => {
  it('refuses to guess, naming the year and how to add it', () => {
    const error = thrown(() => china.isWorkingDate('2027-01-04'));
    expect(error.code).toBe('OUTSIDE_COVERAGE');
    expect(error.details).toMatchObject({ year: 2027, date: '2027-01-04', coveredYears: { from: 2004, to: 2026 } });
    expect(error.message).toContain('2027');
    expect(error.message).toContain('extraYears');
    expect(error.message).toContain("outsideCoverage: 'weekends-only'");
    expect(thrown(() => china.isWorkingDate('2003-12-31')).details.year).toBe(2003);
  });

  it('throws when a deadline runs past the last covered day, but not for hours', () => {
    const late = '2026-12-30T10:00:00+08:00';
    expect(china.addDuration(late, { workingDays: 1 })).toEqual(endOf('2026-12-31'));
    expect(thrown(() => china.addDuration(late, { workingDays: 2 })).details.date).toBe('2027-01-01');
    expect(thrown(() => china.addDuration(late, { days: 5 })).code).toBe('OUTSIDE_COVERAGE');
    expect(thrown(() => china.workingTimeBetween(late, '2027-01-02T00:00:00+08:00')).code).toBe('OUTSIDE_COVERAGE');
    expect(china.addDuration(late, { hours: 72 })).toEqual(new Date('2027-01-02T10:00:00+08:00'));
    // [from, to) ending exactly at 2027's first instant never looks at 2027.
    expect(china.workingTimeBetween(late, '2027-01-01T00:00:00+08:00')).toBe(38 * 3_600_000);
  });

  it('falls back to weekends only when the caller chose it', () => {
    const lenient = chinaCalendar({ outsideCoverage: 'weekends-only' });
    expect(lenient.coveredYears).toEqual({ from: 2004, to: 2026 });
    expect(lenient.isWorkingDate('2027-01-01')).toBe(true);
    expect(lenient.isWorkingDate('2027-01-02')).toBe(false);
    expect(lenient.isWorkingDate('2026-10-01')).toBe(false);
    expect(lenient.addDuration('2026-12-31T10:00:00+08:00', { workingDays: 2 })).toEqual(endOf('2027-01-04'));
  });
});

describe('chinaCalendar: adding a year the day it is announced', () => {
  // An illustrative 2027 schedule (not the official one): New Year and National Day.
  const schedule2027 = {
    year: 2027,
    holidays: [
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
      '2027-10-01',
      '2027-10-04',
      '2027-10-05',
      '2027-10-06',
      '2027-10-07',
    ],
    workdays: ['2027-09-26', '2027-10-09'],
  };

  it('extends coverage and applies the new days', () => {
    const calendar = chinaCalendar({ extraYears: [schedule2027] });
    expect(calendar.coveredYears).toEqual({ from: 2004, to: 2027 });
    expect(calendar.isWorkingDate('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDate('2027-09-26')).toBe(true);
    expect(calendar.isWorkingDate('2027-10-08')).toBe(true);
    expect(calendar.addDuration('2026-12-31T10:00:00+08:00', { workingDays: 1 })).toEqual(endOf('2027-01-04'));
    expect(calendar.addDuration('2027-09-30T10:00:00+08:00', { workingDays: 2 })).toEqual(endOf('2027-10-09'));
    expect(thrown(() => calendar.isWorkingDate('2028-01-03')).details.year).toBe(2028);
    // The built-in calendar is unchanged.
    expect(thrown(() => china.isWorkingDate('2027-01-04')).code).toBe('OUTSIDE_COVERAGE');
  });

  it('lets a covered year take short-notice changes, overriding the bundled days', () => {
    const calendar = chinaCalendar({
      extraYears: [{ year: 2026, holidays: ['2026-10-08'], workdays: ['2026-10-03'] }],
    });
    expect(calendar.coveredYears).toEqual({ from: 2004, to: 2026 });
    expect(calendar.isWorkingDate('2026-10-08')).toBe(false);
    expect(calendar.isWorkingDate('2026-10-03')).toBe(true);
  });

  it('rejects schedules with a gap, a mistyped year, a bad date or a day both off and on', () => {
    const gap = thrown(() => chinaCalendar({ extraYears: [{ year: 2028, holidays: [], workdays: [] }] }));
    expect(gap.code).toBe('OUTSIDE_COVERAGE');
    expect(gap.message).toContain('2027');
    const typo = thrown(() => chinaCalendar({ extraYears: [{ ...schedule2027, holidays: ['2072-10-01'] }] }));
    expect(typo).toMatchObject({ code: 'INVALID_DATE', details: { path: 'extraYears[0].holidays[0]' } });
    const bad = thrown(() => chinaCalendar({ extraYears: [{ ...schedule2027, workdays: ['2027-02-30'] }] }));
    expect(bad).toMatchObject({ code: 'INVALID_DATE', details: { path: 'extraYears[0].workdays[0]' } });
    const both = thrown(() =>
      chinaCalendar({ extraYears: [{ year: 2027, holidays: ['2027-10-09'], workdays: ['2027-10-09'] }] }),
    );
    expect(both).toMatchObject({ code: 'INVALID_DATE', details: { date: '2027-10-09' } });
    // A holiday straddling New Year may start in the December before.
    expect(
      chinaCalendar({ extraYears: [{ ...schedule2027, holidays: ['2026-12-31'] }] }).isWorkingDate('2026-12-31'),
    ).toBe(false);
  });
});
