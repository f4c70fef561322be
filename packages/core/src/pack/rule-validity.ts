import { z } from 'zod';
import { localDateOf } from './season-window';

/**
 * Rule validity (有效期): severity rules, dated deadlines and categories may say from which
 * local date and until which local date they are in force, so one pack version can hold a
 * standard and the one that replaced it (GB 35181-2017 until 2025-10-31, GB 35181-2025 from
 * 2025-11-01). Dates are local calendar dates in the pack's time zone, both ends included:
 * a rule with `validTo: '2025-10-31'` still grades a report made at 23:59 Shanghai time on
 * 31 October.
 */

/** `YYYY-MM-DD`; whether the date exists is checked with the other cross-field rules. */
export const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a local date YYYY-MM-DD');

/** The two optional fields every dated item shares. */
export const validityShape = {
  /** First local date (pack time zone) the item is in force; absent: always was. */
  validFrom: localDateSchema.optional(),
  /** Last local date (pack time zone) the item is in force, included; absent: no end. */
  validTo: localDateSchema.optional(),
};

/** The validity window of a rule, dated deadline or category. */
export interface Validity {
  readonly validFrom?: string | undefined;
  readonly validTo?: string | undefined;
}

/**
 * Whether an item is in force on a local date (`YYYY-MM-DD`, both ends included). Without a
 * date nothing can be compared, so the items in force are those with no end (`validTo`
 * absent): the newest rules, which is what a caller that gives no date (a diagram, a
 * what-if in a UI) means. Plain string comparison is exact for `YYYY-MM-DD`.
 */
export function isInForce(item: Validity, localDate: string | undefined): boolean {
  if (localDate === undefined) return item.validTo === undefined;
  if (item.validFrom !== undefined && localDate < item.validFrom) return false;
  return item.validTo === undefined || localDate <= item.validTo;
}

/** Whether an item has a window at all (most do not, and need no date to be looked up). */
export function isDated(item: Validity): boolean {
  return item.validFrom !== undefined || item.validTo !== undefined;
}

/**
 * The local date validity is decided on: the report's, when known, else `at`'s, in the
 * policy's time zone. Undefined when neither is given. Throws RangeError for an instant that
 * is not ISO 8601 (as `localDateOf`).
 */
export function validityDateOf(
  timeZone: string,
  reportedAt: string | undefined,
  at: string | undefined,
): string | undefined {
  const instant = reportedAt ?? at;
  return instant === undefined ? undefined : localDateOf(instant, timeZone);
}

/** Whether two windows share at least one day (absent ends are open). */
export function windowsOverlap(a: Validity, b: Validity): boolean {
  const startsBeforeBEnds = a.validFrom === undefined || b.validTo === undefined || a.validFrom <= b.validTo;
  const bStartsBeforeAEnds = b.validFrom === undefined || a.validTo === undefined || b.validFrom <= a.validTo;
  return startsBeforeBEnds && bStartsBeforeAEnds;
}

/** A window in words: `from 2025-11-01`, `until 2025-10-31`, `2025-01-01 to 2025-12-31`, `always`. */
export function describeWindow(item: Validity): string {
  if (item.validFrom !== undefined && item.validTo !== undefined) return `${item.validFrom} to ${item.validTo}`;
  if (item.validFrom !== undefined) return `from ${item.validFrom}`;
  if (item.validTo !== undefined) return `until ${item.validTo}`;
  return 'always';
}
