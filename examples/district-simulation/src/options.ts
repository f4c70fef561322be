import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** What one run simulates and where it writes. */
export interface SimulationOptions {
  seed: number;
  /** Simulated calendar days, starting at `start`. */
  days: number;
  /** Hazards reported over the run. */
  hazards: number;
  /** First simulated day, 'YYYY-MM-DD' in Asia/Shanghai. */
  start: string;
  /** Absolute path of the output folder. */
  out: string;
  /** Language of report.md, the ledger and the console tables; Chinese when absent. */
  lang?: 'zh-CN' | 'en';
}

export const DEFAULT_OPTIONS = {
  seed: 20250901,
  days: 120,
  hazards: 1500,
  start: '2025-09-01',
  out: 'out',
} as const;

/** The last day the China calendar bundled with @hazardflow/core has official holidays for. */
export const LAST_COVERED_DATE = '2026-12-31';
export const FIRST_COVERED_DATE = '2004-01-01';

export const USAGE = `Usage: pnpm demo [-- options]

Simulates one district's hazard campaign on the fire, building, traffic and special-equipment packs and
writes a report, charts, statechart diagrams and the case database to the output folder.

Options:
  --seed <n>       random seed, a whole number 0..4294967295 (default ${DEFAULT_OPTIONS.seed})
  --days <n>       simulated days, 1..366 (default ${DEFAULT_OPTIONS.days})
  --hazards <n>    hazards reported over the run, 1..20000 (default ${DEFAULT_OPTIONS.hazards})
  --start <date>   first day, YYYY-MM-DD (default ${DEFAULT_OPTIONS.start}); the whole run must fall
                   in ${FIRST_COVERED_DATE.slice(0, 4)}–${LAST_COVERED_DATE.slice(0, 4)}, the years the China holiday calendar covers
  --lang <zh|en>   language of report.md, 台账.xlsx and the tables printed (default zh, Chinese)
  --out <dir>      output folder, relative to where you run the command; the files of an
                   earlier run in it are replaced (default ./${DEFAULT_OPTIONS.out})
  -h, --help       show this help`;

export type ParsedOptions =
  | { ok: true; options: SimulationOptions }
  | { ok: true; help: true }
  | { ok: false; message: string };

/**
 * Reads the command line with Node's own `util.parseArgs` (strict: unknown options and
 * missing values are errors), then checks each value. Returns data, never exits, so the
 * caller decides how to report (main prints the message and exits with 2).
 * `baseDir` is where a relative `--out` is resolved: the folder the user ran the command in.
 */
export function parseOptions(argv: readonly string[], baseDir: string): ParsedOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        seed: { type: 'string' },
        days: { type: 'string' },
        hazards: { type: 'string' },
        start: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help === true) return { ok: true, help: true };

  const seed = wholeNumber('seed', values.seed, DEFAULT_OPTIONS.seed, 0, 4_294_967_295);
  if (typeof seed === 'string') return { ok: false, message: seed };
  const days = wholeNumber('days', values.days, DEFAULT_OPTIONS.days, 1, 366);
  if (typeof days === 'string') return { ok: false, message: days };
  const hazards = wholeNumber('hazards', values.hazards, DEFAULT_OPTIONS.hazards, 1, 20_000);
  if (typeof hazards === 'string') return { ok: false, message: hazards };

  const start = typeof values.start === 'string' ? values.start : DEFAULT_OPTIONS.start;
  if (!isCalendarDate(start)) return { ok: false, message: `--start must be a date YYYY-MM-DD, got "${start}"` };
  const last = addDays(start, days - 1);
  if (start < FIRST_COVERED_DATE || last > LAST_COVERED_DATE) {
    return {
      ok: false,
      message: `--start ${start} with --days ${days} runs to ${last}; the run must fall within ${FIRST_COVERED_DATE} … ${LAST_COVERED_DATE}, the years the China holiday calendar covers`,
    };
  }

  const outValue = typeof values.out === 'string' ? values.out : DEFAULT_OPTIONS.out;
  if (outValue.trim() === '') return { ok: false, message: '--out must name a folder' };
  const out = isAbsolute(outValue) ? outValue : resolve(baseDir, outValue);
  const langValue = typeof values.lang === 'string' ? values.lang : 'zh';
  if (!['zh', 'zh-CN', 'en'].includes(langValue)) {
    return { ok: false, message: `--lang must be zh (Chinese) or en (English), got "${langValue}"` };
  }
  const lang = langValue === 'en' ? 'en' : 'zh-CN';
  return { ok: true, options: { seed, days, hazards, start, out, lang } };
}

function wholeNumber(
  name: string,
  raw: string | boolean | undefined,
  fallback: number,
  min: number,
  max: number,
): number | string {
  if (raw === undefined) return fallback;
  const text = String(raw).trim();
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    return `--${name} must be a whole number from ${min} to ${max}, got "${String(raw)}"`;
  }
  return value;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDays(date: string, n: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + n * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
