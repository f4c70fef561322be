import { createManualClock, systemClock } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';

const START = '2026-03-02T01:00:00.000Z';

describe('clocks', () => {
  it('a manual clock starts where told, from an ISO string or a Date, and stands still', () => {
    const fromString = createManualClock(START);
    const fromDate = createManualClock(new Date(START));
    expect(fromString.now().toISOString()).toBe(START);
    expect(fromDate.now().toISOString()).toBe(START);
    expect(fromString.now().toISOString()).toBe(START);
  });

  it('moves forward by set and advanceBy; setting the same instant is allowed', () => {
    const clock = createManualClock(START);
    clock.advanceBy(90_000);
    expect(clock.now().toISOString()).toBe('2026-03-02T01:01:30.000Z');
    clock.set('2026-03-03T00:00:00.000Z');
    clock.set(new Date('2026-03-03T00:00:00.000Z'));
    clock.advanceBy(0);
    expect(clock.now().toISOString()).toBe('2026-03-03T00:00:00.000Z');
    // Offsets other than Z name the same instant.
    clock.set('2026-03-03T09:00:00.001+08:00');
    expect(clock.now().toISOString()).toBe('2026-03-03T01:00:00.001Z');
  });

  it('never goes back, never moves by a negative or non-number amount, and refuses non-instants', () => {
    const clock = createManualClock(START);
    expect(() => clock.set('2026-03-02T00:59:59.999Z')).toThrow(RangeError);
    expect(() => clock.advanceBy(-1)).toThrow(RangeError);
    expect(() => clock.advanceBy(Number.NaN)).toThrow(RangeError);
    expect(() => clock.set('next Tuesday')).toThrow(RangeError);
    expect(() => clock.set(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => createManualClock('not a date')).toThrow(RangeError);
    expect(clock.now().toISOString()).toBe(START);
  });

  it('hands out copies: changing a returned Date does not move the clock', () => {
    const clock = createManualClock(START);
    clock.now().setUTCFullYear(2030);
    expect(clock.now().toISOString()).toBe(START);
  });

  it('the system clock reads the wall clock and cannot be replaced piecemeal', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
    expect(Object.isFrozen(systemClock)).toBe(true);
  });
});
