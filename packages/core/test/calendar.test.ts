import { CalendarError, createBusinessCalendar } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

const HOUR = 3_600_000;

function thrown(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error('expected a CalendarError');
}

describe('createBusinessCalendar', () => {
  const calendar = createBusinessCalendar({
    timeZone: 'Asia/Tokyo',
    holidays: ['2026-05-04', '2026-05-05', '2026-05-06'],
    workdays: ['2026-05-09'],
    coveredYears: { from: 2026, to: 2026 },
  });

  it('combines weekends, holidays and make-up working days', () => {
    expect(calendar.isWorkingDate('2026-05-01')).toBe(true); // Friday
    expect(calendar.isWorkingDate('2026-05-02')).toBe(false); // Saturday
    expect(calendar.isWorkingDate('2026-05-05')).toBe(false); // holiday
    expect(calendar.isWorkingDate('2026-05-09')).toBe(true); // make-up Saturday
    expect(calendar.coveredYears).toEqual({ from: 2026, to: 2026 });
  });

  it('adds working days to the end of the n-th working day after the start date', () => {
    expect(calendar.addDuration('2026-05-01T09:00:00+09:00', { workingDays: 1 })).toEqual(
      new Date('2026-05-07T23:59:59.999+09:00'),
    );
    expect(calendar.addDuration('2026-05-01T09:00:00+09:00', { workingDays: 3 })).toEqual(
      new Date('2026-05-09T23:59:59.999+09:00'),
    );
    // The start's own date never counts, even when the start is at its first instant.
    expect(calendar.addDuration('2026-05-07T00:00:00+09:00', { workingDays: 1 })).toEqual(
      new Date('2026-05-08T23:59:59.999+09:00'),
    );
    // Zero working days: the end of today if working, else of the next working day.
    expect(calendar.addDuration('2026-05-07T09:00:00+09:00', { workingDays: 0 })).toEqual(
      new Date('2026-05-07T23:59:59.999+09:00'),
    );
    expect(calendar.addDuration('2026-05-03T09:00:00+09:00', { workingDays: 0 })).toEqual(
      new Date('2026-05-07T23:59:59.999+09:00'),
    );
  });

  it('adds calendar days, rolling a non-working last day forward', () => {
    expect(calendar.addDuration('2026-04-30T09:00:00+09:00', { days: 1 })).toEqual(
      new Date('2026-05-01T23:59:59.999+09:00'),
    );
    expect(calendar.addDuration('2026-04-30T09:00:00+09:00', { days: 2 })).toEqual(
      new Date('2026-05-07T23:59:59.999+09:00'),
    );
    expect(calendar.addDuration('2026-05-02T09:00:00+09:00', { days: 7 })).toEqual(
      new Date('2026-05-09T23:59:59.999+09:00'),
    );
    expect(calendar.addDuration('2026-05-03T09:00:00+09:00', { days: 7 })).toEqual(
      new Date('2026-05-11T23:59:59.999+09:00'),
    );
  });

  it('takes the local date in its own zone, whatever offset the instant is written with', () => {
    // 2026-05-01T20:00Z is already Saturday 2 May in Tokyo.
    expect(calendar.localDate('2026-05-01T20:00:00Z')).toBe('2026-05-02');
    expect(calendar.isWorkingDay('2026-05-01T20:00:00Z')).toBe(false);
    expect(calendar.isWorkingDay(new Date('2026-05-01T14:59:59.999Z'))).toBe(true);
    expect(calendar.addDuration('2026-05-01T20:00:00Z', { workingDays: 1 })).toEqual(
      new Date('2026-05-07T23:59:59.999+09:00'),
    );
  });

  it('accepts other ISO-8601 forms as long as they carry an offset', () => {
    expect(calendar.localDate('2026-05-01T23:30:00.123456+09:00')).toBe('2026-05-01');
    expect(calendar.localDate('20260501T233000+0900')).toBe('2026-05-01');
    expect(calendar.localDate('2026-05-01T15:00Z')).toBe('2026-05-02');
  });

  it('rejects instants whose meaning would depend on the host, and impossible ones', () => {
    for (const bad of [
      '2026-05-01',
      '2026-05-01T09:00:00',
      '2026-02-30T09:00:00Z',
      'yesterday',
      new Date(Number.NaN),
    ]) {
      expect(thrown(() => calendar.localDate(bad)).code).toBe('INVALID_DATE');
    }
  });

  it('rejects malformed dates and options with the path at fault', () => {
    expect(thrown(() => calendar.isWorkingDate('2026-5-1'))).toMatchObject({ code: 'INVALID_DATE' });
    expect(thrown(() => calendar.isWorkingDate('2026-02-29')).code).toBe('INVALID_DATE');
    expect(createBusinessCalendar({ timeZone: 'UTC' }).isWorkingDate('2028-02-29')).toBe(true);
    expect(
      thrown(() => createBusinessCalendar({ timeZone: 'UTC', holidays: ['2026-01-01', '2026-13-01'] })),
    ).toMatchObject({
      code: 'INVALID_DATE',
      details: { path: 'holidays[1]' },
    });
    expect(
      thrown(() => createBusinessCalendar({ timeZone: 'UTC', holidays: ['2026-01-03'], workdays: ['2026-01-03'] })),
    ).toMatchObject({ code: 'INVALID_DATE', details: { date: '2026-01-03' } });
    expect(thrown(() => createBusinessCalendar({ timeZone: 'UTC', weekend: [0] })).details.path).toBe('weekend[0]');
    expect(thrown(() => createBusinessCalendar({ timeZone: 'UTC', weekend: [1, 2, 3, 4, 5, 6, 7] })).code).toBe(
      'INVALID_DATE',
    );
    expect(thrown(() => createBusinessCalendar({ timeZone: 'UTC', coveredYears: { from: 2027, to: 2026 } })).code).toBe(
      'INVALID_DATE',
    );
    expect(thrown(() => calendar.addDuration('2026-05-01T09:00:00Z', { workingDays: 1.5 })).details.path).toBe(
      'duration.workingDays',
    );
    expect(thrown(() => calendar.addDuration('2026-05-01T09:00:00Z', { days: -1 })).code).toBe('INVALID_DATE');
    expect(thrown(() => calendar.subtractDuration('2026-05-01T09:00:00Z', { hours: Number.NaN })).code).toBe(
      'INVALID_DATE',
    );
    expect(thrown(() => calendar.addWorkingTime('2026-05-01T09:00:00Z', Number.POSITIVE_INFINITY)).code).toBe(
      'INVALID_DATE',
    );
  });

  it('rejects unknown time zones', () => {
    for (const timeZone of ['Mars/Olympus_Mons', '+08:00', '']) {
      const error = thrown(() => createBusinessCalendar({ timeZone }));
      expect(error.code).toBe('INVALID_TIME_ZONE');
      expect(error.details.value).toBe(timeZone);
    }
  });

  it('throws OUTSIDE_COVERAGE with a hint for its own options, unless weekends-only was chosen', () => {
    const error = thrown(() => calendar.isWorkingDate('2027-05-05'));
    expect(error.code).toBe('OUTSIDE_COVERAGE');
    expect(error.message).toContain('2027');
    expect(error.message).toContain('coveredYears');
    const lenient = createBusinessCalendar({
      timeZone: 'Asia/Tokyo',
      coveredYears: { from: 2026, to: 2026 },
      outsideCoverage: 'weekends-only',
    });
    expect(lenient.isWorkingDate('2027-05-05')).toBe(true);
    expect(lenient.isWorkingDate('2027-05-08')).toBe(false);
  });

  it('is weekends-only with no year limit when no coverage is given', () => {
    const plain = createBusinessCalendar({ timeZone: 'UTC' });
    expect(plain.coveredYears).toBeUndefined();
    expect(plain.isWorkingDate('1900-01-01')).toBe(true); // Monday
    expect(plain.isWorkingDate('2999-12-31')).toBe(true); // Tuesday
    expect(plain.isWorkingDate('2999-12-28')).toBe(false); // Saturday
  });

  it('honours another weekend, e.g. Friday and Saturday', () => {
    const gulf = createBusinessCalendar({ timeZone: 'Asia/Riyadh', weekend: [5, 6] });
    expect(gulf.isWorkingDate('2026-05-01')).toBe(false); // Friday
    expect(gulf.isWorkingDate('2026-05-03')).toBe(true); // Sunday
    expect(gulf.addDuration('2026-04-30T10:00:00+03:00', { workingDays: 1 })).toEqual(
      new Date('2026-05-03T23:59:59.999+03:00'),
    );
  });

  it('is frozen data plus functions that do not need `this`', () => {
    const { addDuration, localDate } = calendar;
    expect(localDate('2026-05-01T00:00:00+09:00')).toBe('2026-05-01');
    expect(addDuration('2026-05-01T00:00:00+09:00', { hours: 2 })).toEqual(new Date('2026-05-01T02:00:00+09:00'));
    expect(Object.isFrozen(calendar)).toBe(true);
  });

  it('measures working time between instants within one day, across days and backwards', () => {
    expect(calendar.workingTimeBetween('2026-05-01T09:00:00+09:00', '2026-05-01T17:30:00+09:00')).toBe(8.5 * HOUR);
    expect(calendar.workingTimeBetween('2026-05-02T09:00:00+09:00', '2026-05-02T17:30:00+09:00')).toBe(0);
    expect(calendar.workingTimeBetween('2026-05-01T12:00:00+09:00', '2026-05-07T12:00:00+09:00')).toBe(24 * HOUR);
    expect(calendar.workingTimeBetween('2026-05-07T12:00:00+09:00', '2026-05-01T12:00:00+09:00')).toBe(-24 * HOUR);
    expect(calendar.workingTimeBetween('2026-05-01T12:00:00+09:00', '2026-05-01T12:00:00+09:00')).toBe(0);
  });
});

describe('daylight saving time (Europe/Berlin)', () => {
  // Weekends only, by choice; DST begins Sunday 2026-03-29 and ends Sunday 2026-10-25.
  const berlin = createBusinessCalendar({ timeZone: 'Europe/Berlin' });
  // Sunday working, so the 23 h and 25 h days themselves are working days.
  const sundays = createBusinessCalendar({ timeZone: 'Europe/Berlin', weekend: [5, 6] });

  it('ends working days at 23:59:59.999 local on either side of the change', () => {
    expect(berlin.addDuration('2026-03-27T10:00:00+01:00', { workingDays: 1 })).toEqual(
      new Date('2026-03-30T23:59:59.999+02:00'),
    );
    expect(berlin.addDuration('2026-10-23T10:00:00+02:00', { workingDays: 1 })).toEqual(
      new Date('2026-10-26T23:59:59.999+01:00'),
    );
    expect(sundays.addDuration('2026-03-28T10:00:00+01:00', { workingDays: 1 })).toEqual(
      new Date('2026-03-29T23:59:59.999+02:00'),
    );
    expect(berlin.addDuration('2026-03-28T12:00:00+01:00', { days: 1 })).toEqual(
      new Date('2026-03-30T23:59:59.999+02:00'),
    );
  });

  it('adds hours as elapsed time, so the wall clock moves by 23 or 25', () => {
    expect(berlin.addDuration('2026-03-28T12:00:00+01:00', { hours: 24 })).toEqual(
      new Date('2026-03-29T13:00:00+02:00'),
    );
    expect(berlin.addDuration('2026-10-24T12:00:00+02:00', { hours: 24 })).toEqual(
      new Date('2026-10-25T11:00:00+01:00'),
    );
  });

  it('counts a working day as its real length: 23 h in spring, 25 h in autumn', () => {
    expect(sundays.workingTimeBetween('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toBe(23 * HOUR);
    expect(sundays.workingTimeBetween('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')).toBe(25 * HOUR);
    expect(berlin.workingTimeBetween('2026-03-27T12:00:00+01:00', '2026-03-30T12:00:00+02:00')).toBe(24 * HOUR);
    expect(sundays.addWorkingTime('2026-03-29T00:00:00+01:00', 23 * HOUR)).toEqual(
      new Date('2026-03-30T00:00:00+02:00'),
    );
  });

  it('subtracts to the same local time, moving a skipped time forward and taking the first of a repeated one', () => {
    expect(berlin.subtractDuration('2026-03-30T09:00:00+02:00', { workingDays: 1 })).toEqual(
      new Date('2026-03-27T09:00:00+01:00'),
    );
    expect(berlin.subtractDuration('2026-03-30T09:00:00+02:00', { days: 1 })).toEqual(
      new Date('2026-03-29T09:00:00+02:00'),
    );
    expect(berlin.subtractDuration('2026-03-30T02:30:00+02:00', { days: 1 })).toEqual(
      new Date('2026-03-29T03:30:00+02:00'),
    );
    expect(berlin.subtractDuration('2026-10-26T02:30:00+01:00', { days: 1 })).toEqual(
      new Date('2026-10-25T02:30:00+02:00'),
    );
    expect(berlin.subtractDuration('2026-03-30T23:59:59.999+02:00', { days: 2 })).toEqual(
      new Date('2026-03-28T23:59:59.999+01:00'),
    );
  });
});

describe('zones whose day starts or ends at a clock change', () => {
  it('America/Santiago: the day DST begins starts at 01:00, midnight being skipped', () => {
    const santiago = createBusinessCalendar({ timeZone: 'America/Santiago', weekend: [5] });
    // Clocks went from 24:00 on Saturday 2024-09-07 (-04:00) to 01:00 on Sunday 2024-09-08 (-03:00).
    expect(santiago.localDate('2024-09-08T04:00:00Z')).toBe('2024-09-08');
    expect(santiago.localDate('2024-09-08T03:59:59.999Z')).toBe('2024-09-07');
    expect(santiago.addDuration('2024-09-05T12:00:00-04:00', { workingDays: 1 })).toEqual(
      new Date('2024-09-08T03:59:59.999Z'),
    );
    expect(santiago.addDuration('2024-09-05T12:00:00-04:00', { workingDays: 2 })).toEqual(
      new Date('2024-09-08T23:59:59.999-03:00'),
    );
    expect(santiago.subtractDuration('2024-09-09T00:30:00-03:00', { days: 1 })).toEqual(
      new Date('2024-09-08T01:30:00-03:00'),
    );
    expect(santiago.workingTimeBetween('2024-09-08T04:00:00Z', '2024-09-09T03:00:00Z')).toBe(23 * HOUR);
  });

  it('America/St_Johns: when clocks go back across midnight, the day starts at the second midnight', () => {
    // At 00:01 NDT (-02:30) on Sunday 2001-10-28 clocks went back to 23:01 NST (-03:30) on the 27th:
    // the 28th showed for one minute, then the 27th again for an hour.
    const stJohns = createBusinessCalendar({ timeZone: 'America/St_Johns', weekend: [] });
    expect(stJohns.localDate('2001-10-28T02:30:30Z')).toBe('2001-10-27');
    expect(stJohns.localDate('2001-10-28T02:31:00Z')).toBe('2001-10-27');
    expect(stJohns.localDate('2001-10-28T03:29:59.999Z')).toBe('2001-10-27');
    expect(stJohns.localDate('2001-10-28T03:30:00Z')).toBe('2001-10-28');
    expect(stJohns.addDuration('2001-10-28T02:31:00Z', { workingDays: 1 })).toEqual(
      new Date('2001-10-28T23:59:59.999-03:30'),
    );
  });

  it('America/Havana: a repeated first hour of the day does not move its start', () => {
    // At 01:00 CDT (-04:00) on Sunday 2065-11-01 clocks go back to 00:00 CST (-05:00): midnight
    // comes twice, both times on the 1st; the day starts at the first.
    const havana = createBusinessCalendar({ timeZone: 'America/Havana', weekend: [] });
    expect(havana.localDate('2065-11-01T03:59:59.999Z')).toBe('2065-10-31');
    expect(havana.localDate('2065-11-01T04:00:00Z')).toBe('2065-11-01');
    expect(havana.addDuration('2065-10-30T04:00:00Z', { workingDays: 1 })).toEqual(
      new Date('2065-10-31T23:59:59.999-04:00'),
    );
  });

  it('Pacific/Apia: a skipped date is never counted or landed on', () => {
    // Samoa jumped from Thursday 29 December 2011 straight to Saturday 31 December.
    const apia = createBusinessCalendar({ timeZone: 'Pacific/Apia', weekend: [] });
    expect(apia.localDate('2011-12-30T09:59:59.999Z')).toBe('2011-12-29');
    expect(apia.localDate('2011-12-30T10:00:00Z')).toBe('2011-12-31');
    expect(apia.addDuration('2011-12-29T12:00:00-10:00', { workingDays: 1 })).toEqual(
      new Date('2011-12-31T23:59:59.999+14:00'),
    );
    expect(apia.addDuration('2011-12-29T12:00:00-10:00', { days: 1 })).toEqual(
      new Date('2011-12-31T23:59:59.999+14:00'),
    );
    expect(apia.subtractDuration('2012-01-01T12:00:00+14:00', { workingDays: 2 })).toEqual(
      new Date('2011-12-29T12:00:00-10:00'),
    );
  });

  it('Asia/Beirut: the day DST ends runs to the second 23:59:59.999', () => {
    // Clocks went back from 24:00 to 23:00 at the end of Saturday 2024-10-26.
    const beirut = createBusinessCalendar({ timeZone: 'Asia/Beirut', weekend: [7] });
    expect(beirut.addDuration('2024-10-25T12:00:00+03:00', { workingDays: 1 })).toEqual(
      new Date('2024-10-26T23:59:59.999+02:00'),
    );
    expect(beirut.localDate('2024-10-26T21:30:00Z')).toBe('2024-10-26');
    expect(beirut.subtractDuration('2024-10-26T23:59:59.999+02:00', { days: 1 })).toEqual(
      new Date('2024-10-25T23:59:59.999+03:00'),
    );
    // The end of a day stays the end of a day, even where 23:59:59.999 happens twice.
    expect(beirut.subtractDuration('2024-10-27T23:59:59.999+02:00', { days: 1 })).toEqual(
      new Date('2024-10-26T23:59:59.999+02:00'),
    );
    expect(beirut.subtractDuration('2024-10-27T22:00:00+02:00', { days: 1 })).toEqual(
      new Date('2024-10-26T22:00:00+03:00'),
    );
  });
});
