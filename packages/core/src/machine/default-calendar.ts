import type { BusinessCalendar } from '../calendar/business-calendar';
import { createBusinessCalendar } from '../calendar/business-calendar';
import { chinaCalendar } from '../calendar/china-calendar';

const calendars = new Map<string, BusinessCalendar>();

/**
 * The calendar a pack's deadlines use when the application passes none: China's official
 * working-day calendar for Asia/Shanghai; for any other zone, weekends only, an explicit
 * choice the pack's docs must state (pass a calendar with that country's holidays instead).
 */
export function defaultCalendarFor(timeZone: string): BusinessCalendar {
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    calendar =
      timeZone === 'Asia/Shanghai'
        ? chinaCalendar()
        : createBusinessCalendar({ timeZone, outsideCoverage: 'weekends-only' });
    calendars.set(timeZone, calendar);
  }
  return calendar;
}
