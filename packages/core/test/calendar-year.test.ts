import { chinaCalendar, createBusinessCalendar, deadlineCoverage, parseCalendarYear } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

/** The 2027 schedule as an application would write it the day it is announced [illustrative dates]. */
const file2027 = {
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知 [illustrative]',
  holidays: ['2027-01-01', { from: '2027-02-06', to: '2027-02-13', name: '春节' }],
  workdays: ['2027-02-14'],
};

function issuesOf(input: unknown): string[] {
  const result = parseCalendarYear(input);
  return result.success ? [] : result.issues.map((issue) => `${issue.path} [${issue.code}]: ${issue.message}`);
}

describe('parseCalendarYear', () => {
  it('expands ranges into the schedule chinaCalendar takes', () => {
    const result = parseCalendarYear(file2027);
    expect(result).toEqual({
      success: true,
      schedule: {
        year: 2027,
        holidays: [
          '2027-01-01',
          '2027-02-06',
          '2027-02-07',
          '2027-02-08',
          '2027-02-09',
          '2027-02-10',
          '2027-02-11',
          '2027-02-12',
          '2027-02-13',
        ],
        workdays: ['2027-02-14'],
      },
    });
    if (!result.success) return;
    const calendar = chinaCalendar({ extraYears: [result.schedule] });
    expect(calendar.coveredYears?.to).toBe(2027);
    expect(calendar.isWorkingDate('2027-02-10')).toBe(false);
    expect(calendar.isWorkingDate('2027-02-14')).toBe(true); // a Sunday made a working day
  });

  it('names the field of each malformed, impossible or out-of-year date', () => {
    expect(
      issuesOf({
        ...file2027,
        holidays: ['2027-02-30', '27-01-01', { from: '2027-02-13', to: '2027-02-06' }, '2072-10-01'],
      }),
    ).toEqual(['holidays[1] [invalid_format]: must be a date YYYY-MM-DD, got "27-01-01"']);
    expect(
      issuesOf({ ...file2027, holidays: ['2027-02-30', { from: '2027-02-13', to: '2027-02-06' }, '2072-10-01'] }),
    ).toEqual([
      'holidays[0] [invalid_date]: "2027-02-30" is not a date on the calendar',
      'holidays[1].to [invalid_date]: must not be before from (2027-02-13), got 2027-02-06',
      "holidays[2] [invalid_date]: 2072-10-01 is not part of 2027's schedule (dates fall in 2027, or the December before or January after)",
    ]);
  });

  it('refuses a day that is both a holiday and a working day, a missing year and unknown fields', () => {
    expect(issuesOf({ ...file2027, workdays: ['2027-02-08'] })).toEqual([
      'workdays [inconsistent]: 2027-02-08 is listed both as a holiday and as a make-up working day',
    ]);
    const { year: _year, ...noYear } = file2027;
    expect(issuesOf({ ...noYear, holiday: [] })).toEqual([
      'year [required]: is required',
      'holiday [unknown_field]: unknown field; did you mean "holidays"?',
    ]);
    expect(issuesOf({ ...file2027, holidays: [{ from: '2027-01-01', to: '2027-03-31' }] })).toEqual([
      'holidays[0].to [too_big]: a range of at most 31 days, got 90',
    ]);
  });
});

describe('deadlineCoverage', () => {
  const calendar = chinaCalendar({ outsideCoverage: 'weekends-only' });
  const lastCovered = calendar.coveredYears?.to ?? 0;

  it('marks a deadline in a year the calendar has no schedule for as provisional', () => {
    expect(deadlineCoverage(calendar, `${lastCovered}-12-31T15:59:59.999Z`)).toEqual({ provisional: false });
    expect(deadlineCoverage(calendar, `${lastCovered}-12-31T16:00:00.000Z`)).toEqual({
      provisional: true,
      year: lastCovered + 1,
      coveredYears: calendar.coveredYears,
    });
    // Elapsed hours never consult holidays.
    expect(deadlineCoverage(calendar, `${lastCovered + 1}-02-01T00:00:00Z`, { hours: 24 })).toEqual({
      provisional: false,
    });
  });

  it('is never provisional on a calendar that is weekends-only by choice', () => {
    const plain = createBusinessCalendar({ timeZone: 'Europe/Berlin' });
    expect(deadlineCoverage(plain, '2099-01-01T00:00:00Z')).toEqual({ provisional: false });
  });

  it('stops being provisional once the year is added', () => {
    const result = parseCalendarYear(file2027);
    if (!result.success) throw new Error('the file is valid');
    const years = [];
    for (let year = lastCovered + 1; year < 2027; year += 1) years.push({ year, holidays: [], workdays: [] });
    const extended = chinaCalendar({ extraYears: [...years, result.schedule] });
    expect(deadlineCoverage(extended, '2027-02-20T00:00:00Z')).toEqual({ provisional: false });
  });
});
