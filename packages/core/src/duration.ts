import { z } from 'zod';

/**
 * A span of time as policy packs write it. Working days follow the pack's business
 * calendar (weekends, public holidays and make-up working days 调休); days are calendar
 * days; hours and minutes are elapsed time (urgent steps such as a 30-minute lift
 * entrapment rescue). Every amount is a whole number: write `{ minutes: 90 }`, not
 * `{ hours: 1.5 }`.
 */
export type Duration = { workingDays: number } | { days: number } | { hours: number } | { minutes: number };

/** The units a duration may be written in, largest first. */
export const DURATION_UNITS = Object.freeze(['workingDays', 'days', 'hours', 'minutes'] as const);
export type DurationUnit = (typeof DURATION_UNITS)[number];

/**
 * The longest duration each unit may state: ten years' worth. No deadline, warning or
 * extension in the field comes near it (the longest shipped is a year), and the bound keeps
 * a typo or an absurd request such as `{ days: 1e9 }` from passing validation only to fail
 * later, when a deadline is computed from it. About 250 working days make a year.
 */
const DURATION_LIMITS = Object.freeze({ workingDays: 2_500, days: 3_650, hours: 87_600, minutes: 5_256_000 });

const UNIT_WORDS = { workingDays: 'working days', days: 'days', hours: 'hours', minutes: 'minutes' } as const;

/** A whole number in the next smaller unit, offered when a fractional amount is refused. */
const SMALLER: Partial<Record<DurationUnit, { unit: DurationUnit; factor: number }>> = {
  days: { unit: 'hours', factor: 24 },
  hours: { unit: 'minutes', factor: 60 },
};

/** The rule in words with the unit named, e.g. `must be at most 3650 days (ten years), got 36500`. */
const atMost = (unit: DurationUnit) => ({
  error: (issue: { input?: unknown }) =>
    `must be at most ${DURATION_LIMITS[unit]} ${UNIT_WORDS[unit]} (ten years), got ${String(issue.input)}`,
});

/** `must be a whole number of hours, got 1.5 (write { minutes: 90 })`. */
const whole = (unit: DurationUnit) => ({
  error: (issue: { input?: unknown }) => {
    const smaller = SMALLER[unit];
    const n = typeof issue.input === 'number' ? issue.input * (smaller?.factor ?? 1) : Number.NaN;
    const hint = smaller && Number.isSafeInteger(n) ? ` (write { ${smaller.unit}: ${n} })` : '';
    return `must be a whole number of ${UNIT_WORDS[unit]}, got ${String(issue.input)}${hint}`;
  },
});

/**
 * The amount of one unit: a whole number, at least 1, at most ten years' worth
 * (`DURATION_LIMITS`). Shared by pack durations and the CLI's scenario files, so both accept
 * the same units with the same messages.
 */
export function durationAmountSchema(unit: DurationUnit) {
  return z.number().int(whole(unit)).positive().max(DURATION_LIMITS[unit], atMost(unit));
}

/**
 * Exactly one unit, a whole number, strictly positive and at most ten years
 * (`DURATION_LIMITS`): a deadline of zero is always a mistake in a pack, and so is one of a
 * century. Fractions are refused in every unit (`{ hours: 1.5 }` names `{ minutes: 90 }`),
 * so a duration means the same wherever it is read.
 */
export const durationSchema = z.union([
  z.strictObject({ workingDays: durationAmountSchema('workingDays') }),
  z.strictObject({ days: durationAmountSchema('days') }),
  z.strictObject({ hours: durationAmountSchema('hours') }),
  z.strictObject({ minutes: durationAmountSchema('minutes') }),
]);

/** Human-readable form used in error messages and docs, e.g. `3 working days`. */
export function formatDuration(duration: Duration): string {
  if ('workingDays' in duration) return plural(duration.workingDays, 'working day');
  if ('days' in duration) return plural(duration.days, 'day');
  if ('hours' in duration) return plural(duration.hours, 'hour');
  return plural(duration.minutes, 'minute');
}

/** The elapsed milliseconds of an hours or minutes duration; undefined for calendar units. */
export function elapsedMs(duration: Duration): number | undefined {
  if ('hours' in duration) return duration.hours * 3_600_000;
  if ('minutes' in duration) return duration.minutes * 60_000;
  return undefined;
}

/**
 * A nominal length in hours, used only to compare durations written in different units
 * (a working day and a calendar day both count as 24 h). Never used to compute a deadline.
 */
export function nominalHours(duration: Duration): number {
  if ('workingDays' in duration) return duration.workingDays * 24;
  if ('days' in duration) return duration.days * 24;
  if ('hours' in duration) return duration.hours;
  return duration.minutes / 60;
}

/** Multiplies a duration, keeping its unit and never going below the unit's minimum. */
export function scaleDuration(duration: Duration, factor: number): Duration {
  if ('workingDays' in duration) return { workingDays: Math.max(1, Math.ceil(duration.workingDays * factor)) };
  if ('days' in duration) return { days: Math.max(1, Math.ceil(duration.days * factor)) };
  if ('hours' in duration) return { hours: Math.max(1, Math.ceil(duration.hours * factor)) };
  return { minutes: Math.max(1, Math.ceil(duration.minutes * factor)) };
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
