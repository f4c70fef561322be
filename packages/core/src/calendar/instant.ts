import { DateTime } from 'luxon';
import { daysInMonth } from './calendar-date';
import { CalendarError } from './calendar-error';

/** A point in time: a `Date`, or an ISO-8601 string with an offset (`Z` or `+08:00`). */
export type Instant = Date | string;

/** The common shape (what `Date#toISOString` writes, or with an offset), parsed without luxon. */
const COMMON_ISO = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Any other ISO-8601 form must still end in an offset, so the instant never depends on the host's zone. */
const TIME_WITH_OFFSET = /T[^+-]*\d(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/**
 * Epoch milliseconds of an instant. A string without an offset (`2026-10-01T09:00`) or a bare
 * date (`2026-10-01`) is rejected: its meaning would depend on the machine it runs on.
 */
export function instantToMs(at: Instant, path = 'instant'): number {
  if (at instanceof Date) {
    const ms = at.getTime();
    if (!Number.isNaN(ms)) return ms;
  } else if (typeof at === 'string') {
    const common = COMMON_ISO.exec(at);
    if (common) {
      // Date.parse accepts 2026-02-30 (rolling it into March), so the day is checked here.
      const ms = Date.parse(at);
      if (!Number.isNaN(ms) && Number(common[3]) <= daysInMonth(Number(common[1]), Number(common[2]))) return ms;
    } else if (TIME_WITH_OFFSET.test(at)) {
      const parsed = DateTime.fromISO(at, { setZone: true });
      if (parsed.isValid) return parsed.toMillis();
    }
  }
  throw new CalendarError(
    'INVALID_DATE',
    `${path}: ${describe(at)} is not an instant; pass a Date or an ISO-8601 string with an offset, e.g. 2026-10-01T09:00:00+08:00`,
    { path, value: at },
  );
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value instanceof Date) return 'an invalid Date';
  return String(value);
}
