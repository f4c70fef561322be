import { z } from 'zod';

/**
 * A span of time as policy packs write it. Working days follow the pack's business
 * calendar (weekends, public holidays and make-up working days 调休); days are calendar
 * days; hours are elapsed hours.
 */
export type Duration = { workingDays: number } | { days: number } | { hours: number };

/**
 * The longest duration each unit may state: ten years' worth. No deadline, warning or
 * extension in the field comes near it (the longest shipped is a year), and the bound keeps
 * a typo or an absurd request such as `{ days: 1e9 }` from passing validation only to fail
 * later, when a deadline is computed from it. About 250 working days make a year.
 */
const DURATION_LIMITS = Object.freeze({ workingDays: 2_500, days: 3_650, hours: 87_600 });

const UNIT_WORDS = { workingDays: 'working days', days: 'days', hours: 'hours' } as const;

/** The rule in words with the unit named, e.g. `must be at most 3650 days (ten years), got 36500`. */
const atMost = (unit: keyof typeof DURATION_LIMITS) => ({
  error: (issue: { input?: unknown }) =>
    `must be at most ${DURATION_LIMITS[unit]} ${UNIT_WORDS[unit]} (ten years), got ${String(issue.input)}`,
});

/**
 * Exactly one unit, strictly positive and at most ten years (`DURATION_LIMITS`): a deadline
 * of zero is always a mistake in a pack, and so is one of a century.
 */
export const durationSchema = z.union([
  z.strictObject({ workingDays: z.number().int().positive().max(DURATION_LIMITS.workingDays, atMost('workingDays')) }),
  z.strictObject({ days: z.number().int().positive().max(DURATION_LIMITS.days, atMost('days')) }),
  z.strictObject({ hours: z.number().positive().max(DURATION_LIMITS.hours, atMost('hours')) }),
]);

/** Human-readable form used in error messages and docs, e.g. `3 working days`. */
export function formatDuration(duration: Duration): string {
  if ('workingDays' in duration) return plural(duration.workingDays, 'working day');
  if ('days' in duration) return plural(duration.days, 'day');
  return plural(duration.hours, 'hour');
}

/**
 * A nominal length in hours, used only to compare durations written in different units
 * (a working day and a calendar day both count as 24 h). Never used to compute a deadline.
 */
export function nominalHours(duration: Duration): number {
  if ('workingDays' in duration) return duration.workingDays * 24;
  if ('days' in duration) return duration.days * 24;
  return duration.hours;
}

/** Multiplies a duration, keeping its unit and never going below the unit's minimum. */
export function scaleDuration(duration: Duration, factor: number): Duration {
  if ('workingDays' in duration) return { workingDays: Math.max(1, Math.ceil(duration.workingDays * factor)) };
  if ('days' in duration) return { days: Math.max(1, Math.ceil(duration.days * factor)) };
  return { hours: Math.max(1, Math.ceil(duration.hours * factor)) };
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
