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

describe('manual clock scheduling', () => {
  it('runs scheduled callbacks in due order, each at its due time, when moved past them', () => {
    const clock = createManualClock(START);
    const ran: string[] = [];
    const at = (name: string) => () => ran.push(`${name}@${clock.now().toISOString()}`);
    clock.setTimeout(at('late'), 2_000);
    clock.setTimeout(at('early'), 1_000);
    const cancelled = clock.setTimeout(at('cancelled'), 1_500);
    clock.setTimeout(at('same-time-second'), 1_000);
    clock.clearTimeout(cancelled);
    clock.advanceBy(999);
    expect(ran).toEqual([]);
    expect(clock.nextScheduledAt()?.toISOString()).toBe('2026-03-02T01:00:01.000Z');
    clock.set('2026-03-02T01:00:05.000Z');
    expect(ran).toEqual([
      'early@2026-03-02T01:00:01.000Z',
      'same-time-second@2026-03-02T01:00:01.000Z',
      'late@2026-03-02T01:00:02.000Z',
    ]);
    expect(clock.now().toISOString()).toBe('2026-03-02T01:00:05.000Z');
    expect(clock.nextScheduledAt()).toBeNull();
  });

  it('a callback that schedules another within the move runs it in the same move', () => {
    const clock = createManualClock(START);
    let count = 0;
    const tick = () => {
      count++;
      clock.setTimeout(tick, 100);
    };
    clock.setTimeout(tick, 100);
    clock.advanceBy(1_000);
    expect(count).toBe(10);
  });
});
