import { chinaCalendar, createBusinessCalendar, workingDaysLeft } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

describe('workingDaysLeft', () => {
  const china = chinaCalendar();
  const weekends = createBusinessCalendar({ timeZone: 'Asia/Shanghai', outsideCoverage: 'weekends-only' });
  // End of a local day in Shanghai.
  const endOf = (date: string) => new Date(Date.parse(`${date}T23:59:59.999+08:00`)).toISOString();
  const at = (local: string) => new Date(Date.parse(`${local}+08:00`)).toISOString();

  it('counts the working days after today up to the deadline, skipping weekends and holidays', () => {
    // Monday 2025-09-29 to the end of Thursday 2025-10-09: 9-30 and 10-9 (National Day is off).
    expect(workingDaysLeft(endOf('2025-10-09'), at('2025-09-29T10:00:00'), china)).toBe(2);
    // The same span on a weekends-only calendar: 9-30 … 10-3 and 10-6 … 10-9.
    expect(workingDaysLeft(endOf('2025-10-09'), at('2025-09-29T10:00:00'), weekends)).toBe(8);
    // A make-up working day (Saturday 2025-10-11) counts.
    expect(workingDaysLeft(endOf('2025-10-11'), at('2025-10-10T09:00:00'), china)).toBe(1);
  });

  it('is 0 on the last day, and negative once the deadline has passed', () => {
    expect(workingDaysLeft(endOf('2026-03-04'), at('2026-03-04T08:00:00'), china)).toBe(0);
    expect(workingDaysLeft(endOf('2026-03-05'), at('2026-03-04T08:00:00'), china)).toBe(1);
    // Due at the end of Friday 2026-03-06: Monday is one working day over, Tuesday two.
    expect(workingDaysLeft(endOf('2026-03-06'), at('2026-03-07T10:00:00'), china)).toBe(0);
    expect(workingDaysLeft(endOf('2026-03-06'), at('2026-03-09T10:00:00'), china)).toBe(-1);
    expect(workingDaysLeft(endOf('2026-03-06'), at('2026-03-10T10:00:00'), china)).toBe(-2);
    // An hours deadline earlier the same day: past, but no working day over yet.
    expect(Object.is(workingDaysLeft(at('2026-03-04T10:00:00'), at('2026-03-04T15:00:00'), china), 0)).toBe(true);
  });

  it("reads dates in the calendar's time zone, not UTC", () => {
    // 2026-03-05T17:00Z is already Friday 6 March in Shanghai: due at the end of that Friday.
    expect(workingDaysLeft(endOf('2026-03-06'), '2026-03-05T17:00:00.000Z', china)).toBe(0);
    expect(workingDaysLeft(endOf('2026-03-06'), '2026-03-05T15:00:00.000Z', china)).toBe(1);
  });
});
