import { chinaCalendar, defaultCalendarFor } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

describe('defaultCalendarFor', () => {
  it('Asia/Shanghai: the official schedules where they exist, weekends only past them', () => {
    const calendar = defaultCalendarFor('Asia/Shanghai');
    expect(calendar.coveredYears).toEqual(chinaCalendar().coveredYears);
    // Covered: National Day 2026 and its make-up Saturday.
    expect(calendar.isWorkingDate('2026-10-01')).toBe(false);
    expect(calendar.isWorkingDate('2026-10-10')).toBe(true);
    // Not covered yet: a follow-up window from December 2026 still has an end.
    expect(calendar.addDuration('2026-12-30T10:00:00+08:00', { workingDays: 3 }).toISOString()).toBe(
      '2027-01-04T15:59:59.999Z',
    );
    // The strict calendar refuses the same question.
    expect(() => chinaCalendar().addDuration('2026-12-30T10:00:00+08:00', { workingDays: 3 })).toThrow(
      /no holiday data for 2027/,
    );
  });

  it('is one calendar per zone', () => {
    expect(defaultCalendarFor('Asia/Shanghai')).toBe(defaultCalendarFor('Asia/Shanghai'));
    expect(defaultCalendarFor('Europe/Berlin').isWorkingDate('2026-12-25')).toBe(true); // weekends only
  });
});
