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

  it('compares units nominally and scales without reaching zero', () => {
    expect(nominalHours({ workingDays: 2 })).toBe(nominalHours({ days: 2 }));
    expect(scaleDuration({ days: 15 }, 0.5)).toEqual({ days: 8 });
    expect(scaleDuration({ workingDays: 1 }, 0.5)).toEqual({ workingDays: 1 });
  });
});
