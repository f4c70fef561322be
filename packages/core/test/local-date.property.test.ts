import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDateFast } from '../src/pack/local-date-fast';
import { localDateOf } from '../src/pack/season-window';

/** luxon's answer, the oracle: what `localDateOf` returned before the offset cache. */
function luxonDate(at: string, zone: string): string | RangeError {
  const local = DateTime.fromISO(at, { zone });
  return local.isValid ? (local.toISODate() as string) : new RangeError('invalid');
}

function ours(at: string, zone: string): string | RangeError {
  try {
    return localDateOf(at, zone);
  } catch (error) {
    if (error instanceof RangeError) return new RangeError('invalid');
    throw error;
  }
}

const zones = [
  'Asia/Shanghai',
  'UTC',
  'Europe/London',
  'America/New_York',
  'Australia/Lord_Howe', // half-hour DST shift
  'Asia/Kathmandu', // +05:45
  'Pacific/Chatham', // +12:45 / +13:45
  'America/St_Johns', // -03:30, DST
  'Pacific/Apia', // skipped a whole day in 2011
  'Asia/Kolkata',
];
const offsets = fc.oneof(
  fc.constant('Z'),
  fc
    .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 15, 30, 45))
    .map(([sign, h, m]) => `${sign}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
);
/** Instants written as the engine writes them, with random offsets, 1900–2100, dense near DST changes too. */
const instants = fc
  .tuple(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }), offsets, fc.boolean())
  .map(([ms, offset, millis]) => {
    const iso = new Date(ms).toISOString();
    if (offset === 'Z') return millis ? iso : `${iso.slice(0, 19)}Z`;
    // The same wall digits read under another offset: a different instant, equally valid.
    return `${iso.slice(0, millis ? 23 : 19)}${offset}`;
  });

describe('localDateOf with the per-hour offset cache', () => {
  it('gives the date luxon gives, for random instants and zones', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), (at, zone) => {
        expect(ours(at, zone)).toEqual(luxonDate(at, zone));
        // Asked twice, the second answer comes from the cache.
        expect(ours(at, zone)).toEqual(luxonDate(at, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with luxon across each hour around DST changes, minute by minute', () => {
    for (const [zone, around] of [
      ['America/New_York', '2025-03-09T07:00:00Z'],
      ['America/New_York', '2025-11-02T06:00:00Z'],
      ['Australia/Lord_Howe', '2025-04-05T15:00:00Z'],
      ['Pacific/Apia', '2011-12-30T09:00:00Z'],
    ] as const) {
      const start = Date.parse(around) - 3 * 3_600_000;
      for (let ms = start; ms < start + 6 * 3_600_000; ms += 60_000) {
        const at = new Date(ms).toISOString();
        expect(ours(at, zone), `${at} in ${zone}`).toEqual(luxonDate(at, zone));
      }
    }
  });

  it('leaves to luxon what it does not read itself, and still refuses what is no instant', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(...zones), (at, zone) => {
        expect(ours(at, zone)).toEqual(luxonDate(at, zone));
      }),
    );
    for (const at of [
      '2025-02-30T00:00:00Z',
      '2025-03-03T24:00:00Z',
      '2025-03-03T10:00:60Z',
      '2025-03-03',
      '2025-03-03T10:00:00',
      '0999-01-01T00:00:00Z',
    ]) {
      expect(localDateFast(at, 'Asia/Shanghai')).toBeUndefined();
      expect(ours(at, 'Asia/Shanghai')).toEqual(luxonDate(at, 'Asia/Shanghai'));
    }
    expect(localDateFast('2025-03-03T10:00:00Z', 'Not/AZone')).toBeUndefined();
    // Kathmandu went from +05:30 to +05:45 at 18:30 UTC: no single offset for that hour.
    expect(localDateFast('1985-12-31T18:10:00Z', 'Asia/Kathmandu')).toBeUndefined();
    expect(localDateFast('1985-12-31T17:10:00Z', 'Asia/Kathmandu')).toBe('1985-12-31');
    expect(() => localDateOf('2025-03-03T10:00:00Z', 'Not/AZone')).toThrow(RangeError);
  });
});
