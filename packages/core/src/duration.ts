import { z } from 'zod';

/**
 * A span of time as policy packs write it. Working days follow the pack's business
 * calendar (weekends, public holidays and make-up working days 调休); days are calendar
 * days; hours are elapsed hours.
 */
export type Duration = { workingDays: number } | { days: number } | { hours: number };

const positiveInt = z.number().int().positive();

/** Exactly one unit, strictly positive: a deadline of zero is always a mistake in a pack. */
export const durationSchema = z.union([
  z.strictObject({ workingDays: positiveInt }),
  z.strictObject({ days: positiveInt }),
  z.strictObject({ hours: z.number().positive() }),
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
