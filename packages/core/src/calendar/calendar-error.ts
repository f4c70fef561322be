import { brandError } from '../branded-error';

/**
 * Why a calendar refused to answer:
 * - `OUTSIDE_COVERAGE`: the date lies in a year the calendar has no official data for, so it
 *   cannot know the holidays and make-up working days (调休); it says so instead of guessing.
 * - `INVALID_TIME_ZONE`: the time zone is not an IANA zone the runtime knows.
 * - `INVALID_DATE`: an instant, date, duration or option that is not valid input.
 */
export type CalendarErrorCode = 'OUTSIDE_COVERAGE' | 'INVALID_TIME_ZONE' | 'INVALID_DATE';

/** What the error is about, as data a caller can act on without parsing the message. */
export interface CalendarErrorDetails {
  /** The local date that could not be decided or was malformed, 'YYYY-MM-DD' when known. */
  readonly date?: string;
  /** The year missing from the calendar's data (`OUTSIDE_COVERAGE`). */
  readonly year?: number;
  /** The years the calendar has official data for (`OUTSIDE_COVERAGE`). */
  readonly coveredYears?: { readonly from: number; readonly to: number };
  readonly timeZone?: string;
  /** The option or argument at fault, e.g. `holidays[3]` or `duration.workingDays`. */
  readonly path?: string;
  /** The offending input as given. */
  readonly value?: unknown;
}

/**
 * Thrown by business calendars. Errors are data: branch on `code` and read `details`; the
 * message is for people and says what to do next (e.g. how to add a missing year).
 * `instanceof CalendarError` and `isCalendarError(e)` hold for an error from either build
 * (ESM or CJS) of this package.
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly code: CalendarErrorCode;
  readonly details: CalendarErrorDetails;

  constructor(code: CalendarErrorCode, message: string, details: CalendarErrorDetails = {}) {
    super(message);
    this.code = code;
    this.details = Object.freeze({ ...details });
  }
}

/** True for a `CalendarError` from any copy of `@hazardflow/core` (ESM or CJS build). */
export const isCalendarError = brandError(CalendarError, '@hazardflow/core/CalendarError');
