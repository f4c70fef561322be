import { type BusinessCalendar, chinaCalendar, defaultCalendarFor } from '@hazardflow/core';

let china: BusinessCalendar | undefined;

/**
 * The calendar a conformance run counts deadlines on: the one given, else the pack's
 * default (`defaultCalendarFor`), except that China's official calendar is taken with
 * `outsideCoverage: 'weekends-only'`. Long random runs reach past the last year the
 * bundled holidays cover (2026); inside the covered years nothing changes.
 */
export function conformanceCalendar(timeZone: string, given?: BusinessCalendar): BusinessCalendar {
  if (given) return given;
  if (timeZone !== 'Asia/Shanghai') return defaultCalendarFor(timeZone);
  china ??= chinaCalendar({ outsideCoverage: 'weekends-only' });
  return china;
}
