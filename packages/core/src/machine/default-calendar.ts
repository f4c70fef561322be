import type { BusinessCalendar } from '../calendar/business-calendar';
import { createBusinessCalendar } from '../calendar/business-calendar';
import { chinaCalendar } from '../calendar/china-calendar';

const calendars = new Map<string, BusinessCalendar>();

/**
 * The calendar a pack's deadlines use when the application passes none: China's official
 * working-day calendar for Asia/Shanghai; for any other zone, weekends only, an explicit
 * choice the pack's docs must state (pass a calendar with that country's holidays instead).
 *
 * Outside the years the official schedules cover, this default counts weekends only. Every
 * autumn, deadlines, escalation rungs and follow-up windows start to fall in a year whose
 * schedule the State Council has not announced yet; a strict calendar would refuse those
 * commands and leave those timers unfired until a release or `extraYears` brings the year,
 * which stops cases from closing or escalating. An application that prefers the refusal
 * passes `chinaCalendar()` itself; one that knows the schedule passes it in `extraYears`.
 */
export function defaultCalendarFor(timeZone: string): BusinessCalendar {
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    calendar =
      timeZone === 'Asia/Shanghai'
        ? chinaCalendar({ outsideCoverage: 'weekends-only' })
        : createBusinessCalendar({ timeZone, outsideCoverage: 'weekends-only' });
    calendars.set(timeZone, calendar);
  }
  return calendar;
}
