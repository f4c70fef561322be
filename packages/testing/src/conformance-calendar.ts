import { type BusinessCalendar, defaultCalendarFor } from '@hazardflow/core';

/**
 * The calendar a conformance run counts deadlines on: the one given, else the pack's default
 * (`defaultCalendarFor`), which counts weekends only past the last year China's bundled
 * schedules cover; long random runs reach past it.
 */
export function conformanceCalendar(timeZone: string, given?: BusinessCalendar): BusinessCalendar {
  return given ?? defaultCalendarFor(timeZone);
}
