import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, parseOptions } from '../src/options';

describe('parseOptions', () => {
  it('gives the defaults, resolving the output folder against where the command was run', () => {
    expect(parseOptions([], '/home/me/hazardflow')).toEqual({
      ok: true,
      options: { ...DEFAULT_OPTIONS, out: '/home/me/hazardflow/out', lang: 'zh-CN' },
    });
  });

  it('reads every option, and keeps an absolute --out as it is', () => {
    const parsed = parseOptions(
      ['--seed', '42', '--days=30', '--hazards', '150', '--start', '2025-10-01', '--out', '/tmp/x', '--lang', 'en'],
      '/ignored',
    );
    expect(parsed).toEqual({
      ok: true,
      options: { seed: 42, days: 30, hazards: 150, start: '2025-10-01', out: '/tmp/x', lang: 'en' },
    });
  });

  it('answers --help and -h', () => {
    expect(parseOptions(['--help'], '/')).toEqual({ ok: true, help: true });
    expect(parseOptions(['-h'], '/')).toEqual({ ok: true, help: true });
  });

  it.each([
    [['--days', 'abc'], '--days must be a whole number from 1 to 366, got "abc"'],
    [['--days', '1.5'], '--days must be a whole number from 1 to 366, got "1.5"'],
    [['--days', '367'], '--days must be a whole number from 1 to 366, got "367"'],
    [['--hazards', '0'], '--hazards must be a whole number from 1 to 20000, got "0"'],
    [['--seed=-1'], '--seed must be a whole number from 0 to 4294967295, got "-1"'],
    [['--seed', '-1'], "Option '--seed' argument is ambiguous"],
    [['--colour'], "Unknown option '--colour'"],
    [['extra'], "Unexpected argument 'extra'"],
    [['--out'], "Option '--out <value>' argument missing"],
    [['--out', ' '], '--out must name a folder'],
    [['--lang', 'fr'], '--lang must be zh (Chinese) or en (English), got "fr"'],
    [['--start', '2025-02-30'], '--start must be a date YYYY-MM-DD, got "2025-02-30"'],
    [['--start', '2003-12-31'], 'the run must fall within 2004-01-01 … 2026-12-31'],
    [
      ['--start', '2026-12-01', '--days', '60'],
      '--start 2026-12-01 with --days 60 runs to 2027-01-29; the run must fall within 2004-01-01 … 2026-12-31',
    ],
  ])('refuses %j: %s', (args, message) => {
    const parsed = parseOptions(args, '/');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
  });
});
