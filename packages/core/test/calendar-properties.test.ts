import { chinaCalendar, createBusinessCalendar } from '@hazardflow/core';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';

const DAY = 86_400_000;
const china = chinaCalendar();
const instant = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((ms) => new Date(ms));

/** Local wall time of an instant according to luxon, the oracle these properties compare against. */
const wall = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone });
/** The calendar date `n` days after `date`, stepped by luxon rather than by the code under test. */
const plusDays = (date: string, n: number) =>
  DateTime.fromISO(date, { zone: 'utc' }).plus({ days: n }).toISODate() as string;

describe('chinaCalendar properties (2004–2026)', () => {
  const starts = instant('2004-02-01T00:00:00+08:00', '2026-10-31T00:00:00+08:00');

  it('adding n working days lands at the end of a working day, n working days after the start date', () => {
    fc.assert(
      fc.property(starts, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const due = china.addDuration(start, { workingDays: n });
        expect(china.isWorkingDay(due)).toBe(true);
        expect(wall(due, 'Asia/Shanghai').toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
        const from = china.localDate(start);
        const to = china.localDate(due);
        let counted = 0;
        for (let date = plusDays(from, 1); date <= to; date = plusDays(date, 1)) {
          if (china.isWorkingDate(date)) counted++;
        }
        expect(counted).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  it('subtracting the same working days goes back to the last working day on or before the start date', () => {
    fc.assert(
      fc.property(starts, fc.integer({ min: 1, max: 30 }), (start, n) => {
        const back = china.subtractDuration(china.addDuration(start, { workingDays: n }), { workingDays: n });
        let expected = china.localDate(start);
        while (!china.isWorkingDate(expected)) expected = plusDays(expected, -1);
        expect(china.localDate(back)).toBe(expected);
        expect(wall(back, 'Asia/Shanghai').toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
      }),
      { numRuns: 200 },
    );
  });

  it('a period in calendar days ends on a working day, on or after the n-th day and before any later working day', () => {
    fc.assert(
      fc.property(starts, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const due = china.addDuration(start, { days: n });
        const nth = plusDays(china.localDate(start), n);
        expect(china.isWorkingDay(due)).toBe(true);
        expect(china.localDate(due) >= nth).toBe(true);
        for (let date = nth; date < china.localDate(due); date = plusDays(date, 1)) {
          expect(china.isWorkingDate(date)).toBe(false);
        }
      }),
    );
  });

  it('addWorkingTime inverts workingTimeBetween, forwards and backwards', () => {
    fc.assert(
      fc.property(
        instant('2004-04-01T00:00:00+08:00', '2026-06-30T00:00:00+08:00'),
        fc.integer({ min: 0, max: 60 * DAY }),
        (start, ms) => {
          expect(china.workingTimeBetween(start, china.addWorkingTime(start, ms))).toBe(ms);
          expect(china.workingTimeBetween(china.addWorkingTime(start, -ms), start)).toBe(ms);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on a working day, addWorkingTime moves exactly by ms within the day', () => {
    fc.assert(
      fc.property(starts, (start) => {
        fc.pre(china.isWorkingDay(start));
        const left = china.addDuration(start, { workingDays: 0 }).getTime() + 1 - start.getTime();
        expect(china.addWorkingTime(start, left).getTime()).toBe(start.getTime() + left);
      }),
    );
  });

  it('working time adds up over consecutive intervals, in any order', () => {
    fc.assert(
      fc.property(starts, starts, starts, (a, b, c) => {
        expect(china.workingTimeBetween(a, b) + china.workingTimeBetween(b, c)).toBe(china.workingTimeBetween(a, c));
      }),
    );
  });
});

describe('daylight saving time (Europe/Berlin, weekends only)', () => {
  const zone = 'Europe/Berlin';
  const berlin = createBusinessCalendar({ timeZone: zone });
  /** Instants within ten days of a DST change (last Sunday of March or October), 2000–2037. */
  const nearChange = fc
    .record({
      year: fc.integer({ min: 2000, max: 2037 }),
      month: fc.constantFrom(3, 10),
      offset: fc.integer({ min: -10 * DAY, max: 10 * DAY }),
    })
    .map(({ year, month, offset }) => {
      const lastSunday = DateTime.fromObject({ year, month, day: 31 }, { zone: 'utc' }).set({ weekday: 7 });
      const sunday = lastSunday.month === month ? lastSunday : lastSunday.minus({ weeks: 1 });
      return new Date(sunday.toMillis() + offset);
    });
  const weekdaysAfter = (date: string, n: number) => {
    let d = DateTime.fromISO(date, { zone: 'utc' });
    for (let counted = 0; counted < n; ) {
      d = d.plus({ days: 1 });
      if (d.weekday <= 5) counted++;
    }
    return d.toISODate();
  };

  it('n working days after any instant is 23:59:59.999 local on the right date', () => {
    fc.assert(
      fc.property(nearChange, fc.integer({ min: 1, max: 10 }), (start, n) => {
        const due = wall(berlin.addDuration(start, { workingDays: n }), zone);
        expect(due.toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
        expect(due.toISODate()).toBe(weekdaysAfter(wall(start, zone).toISODate() as string, n));
      }),
      { numRuns: 300 },
    );
  });

  it('n calendar days after any instant is 23:59:59.999 local on the n-th day, or the next weekday', () => {
    fc.assert(
      fc.property(nearChange, fc.integer({ min: 1, max: 10 }), (start, n) => {
        const due = wall(berlin.addDuration(start, { days: n }), zone);
        const nth = wall(start, zone).startOf('day').plus({ days: n });
        expect(due.toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
        expect(due.toISODate()).toBe(nth.weekday <= 5 ? nth.toISODate() : weekdaysAfter(nth.toISODate() as string, 1));
      }),
      { numRuns: 300 },
    );
  });

  it('subtracting working days keeps the local time of day', () => {
    fc.assert(
      fc.property(nearChange, fc.integer({ min: 1, max: 10 }), (end, n) => {
        const warn = wall(berlin.subtractDuration(end, { workingDays: n }), zone);
        expect(warn.toFormat('HH:mm:ss.SSS')).toBe(wall(end, zone).toFormat('HH:mm:ss.SSS'));
        // Counted from the end's date, or from the weekday before it when the end falls on a weekend.
        let base = wall(end, zone).startOf('day');
        while (base.weekday > 5) base = base.minus({ days: 1 });
        expect(warn.weekday).toBeLessThanOrEqual(5);
        expect(weekdaysAfter(warn.toISODate() as string, n)).toBe(base.toISODate());
      }),
      { numRuns: 300 },
    );
  });

  it('working time matches a day-by-day sum over luxon days of 23, 24 or 25 hours', () => {
    fc.assert(
      fc.property(nearChange, fc.integer({ min: 0, max: 20 * DAY }), (from, span) => {
        const to = new Date(from.getTime() + span);
        let expected = 0;
        for (let day = wall(from, zone).startOf('day'); day.toMillis() < to.getTime(); day = day.plus({ days: 1 })) {
          const start = Math.max(day.toMillis(), from.getTime());
          const end = Math.min(day.plus({ days: 1 }).toMillis(), to.getTime());
          if (day.weekday <= 5 && end > start) expected += end - start;
        }
        expect(berlin.workingTimeBetween(from, to)).toBe(expected);
        expect(berlin.workingTimeBetween(from, berlin.addWorkingTime(from, span))).toBe(span);
      }),
      { numRuns: 300 },
    );
  });
});

describe('local days in zones with unusual clock changes agree with luxon', () => {
  const zones = [
    'Asia/Shanghai',
    'Europe/Berlin',
    'Europe/Dublin',
    'America/Santiago',
    'America/Havana',
    'America/Sao_Paulo',
    'America/St_Johns',
    'Asia/Beirut',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Africa/Casablanca',
  ];
  const calendars = new Map(zones.map((timeZone) => [timeZone, createBusinessCalendar({ timeZone, weekend: [] })]));

  /** The date luxon shows at `at`, but the old date while the wall goes back across midnight. */
  const expectedDate = (at: Date, zone: string): string => {
    const date = wall(at, zone).toISODate() as string;
    const soonAfter = wall(new Date(at.getTime() + 59 * 60_000), zone).toISODate() as string;
    // biome-ignore lint/complexity/useMathMinMax: these are ISO date strings; Math.min would turn them into NaN
    return soonAfter < date ? soonAfter : date;
  };

  it('every clock change from 1950 to 2100: the instants around it fall on the dates luxon shows', () => {
    const offset = (zone: string, ms: number) => IANAZone.create(zone).offset(ms);
    let changes = 0;
    for (const zone of zones) {
      const calendar = calendars.get(zone)!;
      // Steps of 3 days: no zone here changes its clocks twice within 3 days.
      const STEP = 3 * DAY;
      for (let ms = Date.parse('1950-01-01T00:00:00Z'); ms < Date.parse('2100-01-01T00:00:00Z'); ms += STEP) {
        if (offset(zone, ms) === offset(zone, ms + STEP)) continue;
        let lo = ms;
        let hi = ms + STEP;
        while (hi - lo > 1) {
          const mid = lo + Math.floor((hi - lo) / 2);
          if (offset(zone, mid) === offset(zone, ms)) lo = mid;
          else hi = mid;
        }
        changes += 1;
        for (const delta of [-90, -61, -60, -59, -31, -30, -1, 0, 1, 29, 30, 59, 60, 61, 90].map((m) => m * 60_000)) {
          const at = new Date(hi + delta);
          expect(calendar.localDate(at), `${zone} ${at.toISOString()}`).toBe(expectedDate(at, zone));
        }
      }
    }
    expect(changes).toBeGreaterThan(1000);
  }, 60_000);

  it('localDate and the end of the next day match the tz database', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), instant('1950-01-01T00:00:00Z', '2100-01-01T00:00:00Z'), (zone, at) => {
        const calendar = calendars.get(zone)!;
        // Where clocks went back across midnight, the wall shows the new date for a moment and
        // then the old one again; a day is one stretch of time, so it starts at the second
        // midnight and that moment still belongs to the old date.
        const date = expectedDate(at, zone);
        expect(calendar.localDate(at)).toBe(date);
        const end = calendar.addDuration(at, { workingDays: 1 });
        expect(wall(end, zone).toISODate()).toBe(plusDays(date, 1));
        expect(wall(new Date(end.getTime() + 1), zone).toISODate()).toBe(plusDays(date, 2));
      }),
      { numRuns: 1000 },
    );
  });
});
