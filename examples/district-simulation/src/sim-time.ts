import type { BusinessCalendar } from '@hazardflow/core';
import { addDays } from './options';

/**
 * Local times of the four moments of a working day when people act (Asia/Shanghai has had no
 * daylight saving since 1991, so a fixed +08:00 offset is exact).
 */
export const SLOTS = ['09:00', '11:00', '14:30', '16:30'] as const;
export const LAST_SLOT = SLOTS.length - 1;

/** A point on the simulation's agenda: a day index from the start and a slot of that day. */
export interface Moment {
  day: number;
  slot: number;
}

/** Day indexes, local dates and instants of one run, on the engine's working-day calendar. */
export interface SimTime {
  readonly start: string;
  readonly days: number;
  dateOf(day: number): string;
  /** The instant of a slot of a day, as an ISO string (UTC). */
  instantOf(moment: Moment): string;
  /** Local midnight that starts a day. */
  midnightOf(day: number): string;
  /** The day index of an instant's local date (may be negative or past the run). */
  dayOfInstant(iso: string): number;
  isWorkingDay(day: number): boolean;
  /** The n-th working day after `day`; n = 0 is `day` itself when it is a working day, else the next one. */
  workingDayAfter(day: number, n: number): number;
}

export function createSimTime(start: string, days: number, calendar: BusinessCalendar): SimTime {
  const startMs = Date.parse(`${start}T00:00:00+08:00`);
  const working = new Map<number, boolean>();
  const isWorkingDay = (day: number) => {
    let known = working.get(day);
    if (known === undefined) {
      known = calendar.isWorkingDate(addDays(start, day));
      working.set(day, known);
    }
    return known;
  };
  return {
    start,
    days,
    dateOf: (day) => addDays(start, day),
    instantOf: ({ day, slot }) => new Date(`${addDays(start, day)}T${SLOTS[slot] ?? SLOTS[0]}:00+08:00`).toISOString(),
    midnightOf: (day) => new Date(`${addDays(start, day)}T00:00:00+08:00`).toISOString(),
    dayOfInstant: (iso) => Math.floor((Date.parse(iso) - startMs) / 86_400_000),
    isWorkingDay,
    workingDayAfter(day, n) {
      let current = day;
      while (!isWorkingDay(current)) current += 1;
      for (let left = n; left > 0; left--) {
        current += 1;
        while (!isWorkingDay(current)) current += 1;
      }
      return current;
    },
  };
}
