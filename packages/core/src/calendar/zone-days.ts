import { IANAZone } from 'luxon';
import { DAY_MS } from './calendar-date';
import { CalendarError } from './calendar-error';

/** Day starts kept per zone before the cache is emptied (about 55 years of days). */
const MAX_CACHED_DAYS = 20_000;

/**
 * Where local days begin and end in one IANA time zone, the only place calendars meet time
 * zones. Offsets come from luxon (the runtime's tz database); nothing here hard-codes one.
 *
 * Asking luxon for an offset costs microseconds, too slow to do several times per command,
 * so the first instant of each local day is computed once and kept, and the day of the last
 * instant looked up is remembered. Everything else is integer arithmetic on epoch days.
 *
 * Assumes at most one offset change within any 48 hours, true of every zone in the tz
 * database's modern history (Temporal polyfills assume the same).
 */
export class ZoneDays {
  readonly timeZone: string;
  readonly #zone: IANAZone;
  readonly #starts = new Map<number, number>();
  #lastDay = 0;
  #lastStart = Number.NaN;
  #lastEnd = Number.NaN;
  /** Offset (ms) near the last lookup: a first guess of the local day of the next instant. */
  #offsetGuess: number | undefined;

  constructor(timeZone: string, zone: IANAZone) {
    this.timeZone = timeZone;
    this.#zone = zone;
  }

  /** The local date (as an epoch day) of an instant. */
  dayOf(ms: number): number {
    if (ms >= this.#lastStart && ms < this.#lastEnd) return this.#lastDay;
    let day = Math.floor((ms + (this.#offsetGuess ?? this.#offsetMs(ms))) / DAY_MS);
    let start = this.startOf(day);
    while (ms < start) {
      day -= 1;
      start = this.startOf(day);
    }
    let end = this.startOf(day + 1);
    while (ms >= end) {
      day += 1;
      start = end;
      end = this.startOf(day + 1);
    }
    this.#lastDay = day;
    this.#lastStart = start;
    this.#lastEnd = end;
    this.#offsetGuess = day * DAY_MS - start;
    return day;
  }

  /**
   * The first instant of a local day: local midnight, or, when midnight is skipped by a DST
   * change (America/Santiago), the instant of the change. When clocks go back across
   * midnight, so that midnight comes twice (America/St_Johns fell back at 00:01 until 2011),
   * the day starts at the second one: the date on the wall does not go back after it. The
   * day ends at `startOf(day + 1)`.
   */
  startOf(day: number): number {
    let start = this.#starts.get(day);
    if (start === undefined) {
      if (this.#starts.size >= MAX_CACHED_DAYS) this.#starts.clear();
      start = this.#resolve(day * DAY_MS, 'transition');
      this.#starts.set(day, start);
    }
    return start;
  }

  /** Milliseconds since the start of the instant's local day, as a wall clock shows them. */
  timeOfDay(ms: number): number {
    const day = this.dayOf(ms);
    if (this.#isPlainDay(day)) return ms - this.startOf(day);
    return ms + this.#offsetMs(ms) - day * DAY_MS;
  }

  /**
   * The instant a wall clock in this zone shows `timeOfDay` on `day`, resolved as Temporal's
   * `disambiguation: 'compatible'` does: a time repeated when clocks go back means the
   * earlier instant; a time skipped when clocks go forward moves forward by the gap
   * (02:30 on the spring-forward day in Berlin is 03:30 CEST).
   */
  instantAt(day: number, timeOfDay: number): number {
    if (this.#isPlainDay(day)) return this.startOf(day) + timeOfDay;
    return this.#resolve(day * DAY_MS + timeOfDay, 'shift');
  }

  /** A day of exactly 24 h starting at local midnight has one offset throughout. */
  #isPlainDay(day: number): boolean {
    return this.startOf(day + 1) - this.startOf(day) === DAY_MS;
  }

  /**
   * The instant of wall time `wall` (local time written as if it were UTC ms). Overlaps pick
   * the earlier instant, except for a day's start (`transition`) when the clocks went back
   * across midnight. Gaps either shift forward by the gap (`shift`) or give the instant the
   * clocks changed (`transition`, the first instant at or after `wall` in local time).
   */
  #resolve(wall: number, gap: 'shift' | 'transition'): number {
    const before = this.#offsetMs(wall - DAY_MS);
    const after = this.#offsetMs(wall + DAY_MS);
    if (before === after) return wall - before;
    const early = wall - before;
    const late = wall - after;
    const earlyValid = this.#offsetMs(early) === before;
    const lateValid = this.#offsetMs(late) === after;
    if (earlyValid && lateValid) {
      const first = Math.min(early, late);
      const second = Math.max(early, late);
      // A day starts at its second midnight only if the wall showed the day before just
      // before it (the clocks went back across midnight), not when the repeated hour is
      // 00:00–01:00 of the day itself (America/Havana).
      if (gap === 'transition' && this.#offsetMs(second - 1) === after) return second;
      return first;
    }
    if (earlyValid) return early;
    if (lateValid) return late;
    if (gap === 'shift') return early;
    // In a gap `late` still has the old offset and `early` the new one: find the change,
    // to the second (tz data has whole-second transitions), by bisection.
    let lo = late;
    let hi = early;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (this.#offsetMs(mid) === before) lo = mid;
      else hi = mid;
    }
    return hi;
  }

  #offsetMs(ms: number): number {
    return Math.round(this.#zone.offset(ms) * 60_000);
  }
}

const registry = new Map<string, ZoneDays>();

/**
 * The shared `ZoneDays` of a zone, so every calendar in that zone reuses the same cache.
 * Throws `INVALID_TIME_ZONE` for names the runtime's tz database does not know.
 */
export function zoneDaysFor(timeZone: string): ZoneDays {
  let days = registry.get(timeZone);
  if (!days) {
    const zone = typeof timeZone === 'string' && timeZone !== '' ? IANAZone.create(timeZone) : undefined;
    if (!zone?.isValid) {
      throw new CalendarError(
        'INVALID_TIME_ZONE',
        `timeZone: "${String(timeZone)}" is not an IANA time zone this runtime knows, e.g. Asia/Shanghai or Europe/Berlin`,
        { path: 'timeZone', value: timeZone },
      );
    }
    days = new ZoneDays(timeZone, zone);
    registry.set(timeZone, days);
  }
  return days;
}
