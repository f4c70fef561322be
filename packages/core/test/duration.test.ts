import { durationSchema, formatDuration, nominalHours, scaleDuration } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';

describe('durations', () => {
  it('formats each unit for people', () => {
    expect(formatDuration({ workingDays: 3 })).toBe('3 working days');
    expect(formatDuration({ days: 1 })).toBe('1 day');
    expect(formatDuration({ hours: 24 })).toBe('24 hours');
  });

  it('rejects zero, negative and mixed units', () => {
    expect(durationSchema.safeParse({ workingDays: 0 }).success).toBe(false);
    expect(durationSchema.safeParse({ days: -1 }).success).toBe(false);
    expect(durationSchema.safeParse({ days: 1, hours: 2 }).success).toBe(false);
    expect(durationSchema.safeParse({ hours: 1.5 }).success).toBe(true);
  });

  it('rejects durations longer than ten years, naming the unit and the limit', () => {
    expect(durationSchema.safeParse({ workingDays: 2_500 }).success).toBe(true);
    expect(durationSchema.safeParse({ days: 3_650 }).success).toBe(true);
    expect(durationSchema.safeParse({ hours: 87_600 }).success).toBe(true);
    for (const [duration, message] of [
      [{ workingDays: 2_501 }, 'must be at most 2500 working days (ten years), got 2501'],
      [{ days: 1e9 }, 'must be at most 3650 days (ten years), got 1000000000'],
      [{ hours: 1e12 }, 'must be at most 87600 hours (ten years), got 1000000000000'],
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
  });
});
