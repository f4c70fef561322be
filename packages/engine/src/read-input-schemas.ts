import {
  boundedIdSchema,
  INPUT_LIMITS,
  instantToMs,
  LOCALES,
  parseWithIssues,
  SEVERITIES,
  STATUSES,
} from '@hazardflow/core';
import { z } from 'zod';
import { ASSESSMENT_GROUPS } from './assessment';
import { ReadInputError, type ReadMethod } from './errors';
import { decodeCursor, MAX_PAGE_LIMIT } from './page-cursor';

/*
 * One schema per read input of the engine. Each read is parsed here before anything reaches
 * a store, so a wrong type, a NUL byte, a year past 9999 or a nested array is the same
 * ReadInputError (VALIDATION_FAILED, with field paths) on every store, never a store's own
 * TypeError, a raw database error or a different result. `undefined` and `null` for an
 * optional argument mean its defaults.
 */

/** Control characters and invisible format characters, refused in every string a read takes. */
const VISIBLE_ONLY = /^[^\p{Cc}\p{Cf}]*$/u;
const visibleText = (max: number) =>
  z.string().max(max).regex(VISIBLE_ONLY, 'must not contain control or zero-width characters');

const EARLIEST_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LATEST_MS = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * An instant with an offset (`2026-10-01T00:00:00+08:00`), in the years 0000–9999 once in
 * UTC, as the canonical UTC string (`toISOString`) that views hold and stores compare as text.
 */
export const readInstantSchema = visibleText(64).transform((value, ctx) => {
  let ms: number;
  try {
    ms = instantToMs(value);
  } catch {
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: 'must be an ISO-8601 instant with an offset, e.g. 2026-10-01T09:00:00+08:00',
    });
    return z.NEVER;
  }
  if (ms < EARLIEST_MS || ms > LATEST_MS) {
    ctx.addIssue({ code: 'custom', input: value, message: 'must fall in the years 0000 to 9999 (in UTC)' });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});

/** The highest escalation level a filter may name; far above any pack's ladder. */
const MAX_FILTER_LEVEL = 1_000;
const level = z.number().int().min(0).max(MAX_FILTER_LEVEL);

/** `CaseFilter`: every field its own type and bounds; `ids` a flat list of at most `INPUT_LIMITS.filterIdsCount` ids. */
export const caseFilterSchema = z.strictObject({
  ids: z.array(boundedIdSchema).max(INPUT_LIMITS.filterIdsCount).optional(),
  status: z.union([z.enum(STATUSES), z.array(z.enum(STATUSES)).max(STATUSES.length)]).optional(),
  packId: boundedIdSchema.optional(),
  packVersion: visibleText(INPUT_LIMITS.idLength).min(1).optional(),
  category: boundedIdSchema.optional(),
  severity: z.enum(SEVERITIES).optional(),
  territory: boundedIdSchema.optional(),
  regulator: boundedIdSchema.optional(),
  /** A case officer's id, or null for cases nobody is assigned to. */
  assignee: boundedIdSchema.nullable().optional(),
  overdue: z.boolean().optional(),
  listedSupervision: z.boolean().optional(),
  regulatoryGap: z.boolean().optional(),
  escalationLevel: level.optional(),
  minEscalationLevel: level.optional(),
  dueBefore: readInstantSchema.optional(),
  updatedAfter: readInstantSchema.optional(),
});

/** A page cursor as a store returned it (checked here, so every store refuses a foreign one alike). */
const cursorSchema = visibleText(4 * INPUT_LIMITS.idLength + 256)
  .min(1)
  .refine(
    (cursor) => {
      try {
        decodeCursor(cursor);
        return true;
      } catch {
        return false;
      }
    },
    { message: "not a cursor this engine returned; pass a page's nextCursor unchanged" },
  );

/** `Page`: `limit` a whole number from 1 to MAX_PAGE_LIMIT (default 100), `cursor` a `nextCursor`. */
export const pageSchema = z.strictObject({
  limit: z.number().int().min(1).max(MAX_PAGE_LIMIT).optional(),
  cursor: cursorSchema.optional(),
});

/** `assessment(options)`: `groupBy` and an optional window. */
export const assessmentOptionsSchema = z.strictObject({
  groupBy: z.enum(ASSESSMENT_GROUPS),
  from: readInstantSchema.optional(),
  to: readInstantSchema.optional(),
});

/** `ledger(filter, options)`'s options: the language, the display time zone and display names. */
export const ledgerReadOptionsSchema = z.strictObject({
  locale: z.enum(LOCALES).optional(),
  calendar: z.looseObject({ timeZone: visibleText(INPUT_LIMITS.idLength).min(1) }).optional(),
  names: z
    .record(
      boundedIdSchema,
      z.strictObject({ zh: visibleText(INPUT_LIMITS.nameLength), en: visibleText(INPUT_LIMITS.nameLength) }),
    )
    .optional(),
});

/** `deliveries(filter)`. */
export const deliveryFilterSchema = z.strictObject({
  caseId: boundedIdSchema.optional(),
  status: z.enum(['pending', 'delivered', 'dead']).optional(),
});

/** The `caseId` of `get`, `history`, `timers`, `verifyHistory` and `availableCommands`. */
export const caseIdSchema = boundedIdSchema;

/** An output with its absent optional fields left out rather than `undefined`. */
export type DefinedFields<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/**
 * Parses one read input, `null` and `undefined` meaning `fallback` (the defaults), or throws
 * ReadInputError naming `method` and each field (paths start with `argument`).
 */
export function parseReadInput<S extends z.ZodType>(
  method: ReadMethod,
  argument: string,
  schema: S,
  input: unknown,
  fallback?: unknown,
): DefinedFields<z.output<S>> {
  const value = input === undefined || input === null ? fallback : input;
  const parsed = parseWithIssues(schema, value, [argument]);
  if (!parsed.success) throw new ReadInputError(method, parsed.issues);
  const data: unknown = parsed.data;
  if (typeof data !== 'object' || data === null) return data as DefinedFields<z.output<S>>;
  return Object.fromEntries(Object.entries(data).filter(([, field]) => field !== undefined)) as DefinedFields<
    z.output<S>
  >;
}
