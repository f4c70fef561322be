import {
  DURATION_UNITS,
  durationSchema,
  elapsedMs,
  formatDuration,
  nominalHours,
  scaleDuration,
} from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

describe('durations', () => {
  it('formats each unit for people', () => {
    expect(formatDuration({ workingDays: 3 })).toBe('3 working days');
    expect(formatDuration({ days: 1 })).toBe('1 day');
    expect(formatDuration({ hours: 24 })).toBe('24 hours');
    expect(formatDuration({ minutes: 1 })).toBe('1 minute');
    expect(formatDuration({ minutes: 30 })).toBe('30 minutes');
  });

  it('rejects zero, negative and mixed units', () => {
    expect(durationSchema.safeParse({ workingDays: 0 }).success).toBe(false);
    expect(durationSchema.safeParse({ days: -1 }).success).toBe(false);
    expect(durationSchema.safeParse({ days: 1, hours: 2 }).success).toBe(false);
    expect(durationSchema.safeParse({ minutes: 0 }).success).toBe(false);
    expect(durationSchema.safeParse({ hours: 1, minutes: 30 }).success).toBe(false);
    expect(durationSchema.safeParse({ minutes: 30 }).data).toEqual({ minutes: 30 });
  });

  it('refuses fractions in every unit, naming the unit and a whole amount in a smaller one', () => {
    for (const [duration, message] of [
      [{ workingDays: 1.5 }, 'must be a whole number of working days, got 1.5'],
      [{ days: 0.5 }, 'must be a whole number of days, got 0.5 (write { hours: 12 })'],
      [{ hours: 1.5 }, 'must be a whole number of hours, got 1.5 (write { minutes: 90 })'],
      [{ hours: 0.01 }, 'must be a whole number of hours, got 0.01'],
      [{ minutes: 2.5 }, 'must be a whole number of minutes, got 2.5'],
    ] as const) {
      const result = durationSchema.safeParse(duration);
      expect(result.success).toBe(false);
      const [unit] = Object.keys(duration);
      expect(
        result.error?.issues
          .flatMap((issue) => (issue.code === 'invalid_union' ? issue.errors.flat() : [issue]))
          .filter((issue) => issue.path[0] === unit)
          .map((i) => [i.path.join('.'), i.message]),
      ).toEqual([[unit, message]]);
    }
  });

  it('counts elapsed units in milliseconds and leaves calendar units to the calendar', () => {
    expect(elapsedMs({ minutes: 30 })).toBe(1_800_000);
    expect(elapsedMs({ hours: 2 })).toBe(7_200_000);
    expect(elapsedMs({ workingDays: 1 })).toBeUndefined();
    expect(DURATION_UNITS).toEqual(['workingDays', 'days', 'hours', 'minutes']);
  });

  it('rejects durations longer than ten years, naming the unit and the limit', () => {
    expect(durationSchema.safeParse({ workingDays: 2_500 }).success).toBe(true);
    expect(durationSchema.safeParse({ days: 3_650 }).success).toBe(true);
    expect(durationSchema.safeParse({ hours: 87_600 }).success).toBe(true);
    expect(durationSchema.safeParse({ minutes: 5_256_000 }).success).toBe(true);
    for (const [duration, message] of [
      [{ workingDays: 2_501 }, 'must be at most 2500 working days (ten years), got 2501'],
      [{ days: 1e9 }, 'must be at most 3650 days (ten years), got 1000000000'],
      [{ hours: 1e12 }, 'must be at most 87600 hours (ten years), got 1000000000000'],
      [{ minutes: 5_256_001 }, 'must be at most 5256000 minutes (ten years), got 5256001'],
    ] as const) {
      const result = durationSchema.safeParse(duration);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
        [Object.keys(duration)[0], message],
      ]);
    }
  });

  it('compares units nominally and scales without reaching zero', () => {
    expect(nominalHours({ workingDays: 2 })).toBe(nominalHours({ days: 2 }));
    expect(scaleDuration({ days: 15 }, 0.5)).toEqual({ days: 8 });
    expect(scaleDuration({ workingDays: 1 }, 0.5)).toEqual({ workingDays: 1 });
    expect(nominalHours({ minutes: 90 })).toBe(1.5);
    expect(scaleDuration({ minutes: 45 }, 0.5)).toEqual({ minutes: 23 });
  });
});
