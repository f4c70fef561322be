import { DateTime } from 'luxon';

/** `YYYY-MM-DDTHH:mm[:ss[.sss]]` with `Z` or `±HH:MM`: what the engine writes on every event. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Hours kept per zone before the cache starts over: a year of hours, far more than a run of commands touches. */
const MAX_HOURS = 8_784;

/** Per zone: hour index since the epoch → UTC offset in minutes for that whole hour, or null when it changes inside the hour. */
const offsets = new Map<string, Map<number, number | null>>();

/**
 * The offset of `timeZone` (minutes east of UTC) throughout the hour holding `ms`, or
 * undefined when the offset changes inside that hour or the zone is not one luxon can
 * resolve once for good (an invalid zone, or the process's own zone).
 */
function offsetInHour(ms: number, timeZone: string): number | undefined {
  const hour = Math.floor(ms / HOUR_MS);
  let zone = offsets.get(timeZone);
  const cached = zone?.get(hour);
  if (cached !== undefined) return cached === null ? undefined : cached;
  const start = DateTime.fromMillis(hour * HOUR_MS, { zone: timeZone });
  if (!start.isValid || start.zone.type === 'system') return undefined;
  const end = DateTime.fromMillis(hour * HOUR_MS + HOUR_MS - 1, { zone: timeZone });
  const offset = start.offset === end.offset ? start.offset : null;
  if (zone === undefined || zone.size >= MAX_HOURS) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  zone.set(hour, offset);
  return offset === null ? undefined : offset;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * The local date (`YYYY-MM-DD`) of an ISO instant with an explicit offset in `timeZone`,
 * without luxon's parse: the instant is read by hand and the zone's offset is looked up
 * once per hour. `undefined` for anything else (no offset, out-of-range fields, years
 * before 1000, an hour in which the zone's offset changes), which the caller hands to
 * luxon; `localDateOf` is property-tested against luxon over random instants and zones.
 * [default] a cache of ours, not a rule.
 */
export function localDateFast(at: string, timeZone: string): string | undefined {
  const m = INSTANT.exec(at);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const fields = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(fields).getUTCDate() !== day) return undefined; // 02-30 and the like
  let ms = fields;
  if (m[8] === undefined) {
    const offHours = Number(m[10]);
    const offMinutes = Number(m[11]);
    if (offHours > 14 || offMinutes > 59) return undefined;
    const sign = m[9] === '-' ? -1 : 1;
    ms -= sign * (offHours * 60 + offMinutes) * 60_000;
  }
  const offset = offsetInHour(ms, timeZone);
  if (offset === undefined) return undefined;
  const local = new Date(ms + offset * 60_000);
  const localYear = local.getUTCFullYear();
  if (localYear < 1000 || localYear > 9999 || !Number.isFinite(ms) || Math.abs(ms) > 8.64e15 - DAY_MS) return undefined;
  return `${localYear}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)}`;
}
