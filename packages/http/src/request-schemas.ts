import {
  COMMAND_TYPES,
  commandPayloadSchemas,
  hazardReportSchema,
  INPUT_LIMITS,
  SEVERITIES,
  STATUSES,
} from '@hazardflow/core';
import { ASSESSMENT_GROUPS } from '@hazardflow/engine';
import { z } from '@hono/zod-openapi';

/**
 * What the service accepts, as zod schemas that both validate requests and generate the
 * OpenAPI document. Bodies are core's own schemas (strict: an unknown field is a 400), so a
 * request the HTTP layer lets through is one the engine would parse the same way.
 */
export const reportBodySchema = hazardReportSchema.meta({ id: 'HazardReport' });

/** `{ type, ...payload }` for every command, one strict variant per command type. */
export const commandBodySchema = z
  .discriminatedUnion(
    'type',
    COMMAND_TYPES.map((type) => commandPayloadSchemas[type].extend({ type: z.literal(type) })) as unknown as [
      z.ZodObject,
      ...z.ZodObject[],
    ],
  )
  .openapi('Command');

export const caseIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(INPUT_LIMITS.idLength)
    .openapi({ param: { name: 'id', in: 'path' }, example: '01JABCDEF0123456789ABCDEFG' }),
});

/**
 * `If-Match: "<version>"` (the ETag a GET returned) and `Idempotency-Key: <commandId>`. Ids
 * stop where the engine's do (`INPUT_LIMITS.idLength`), so the OpenAPI document tells the truth.
 */
export const commandHeadersSchema = z.object({
  'if-match': z
    .string()
    .regex(/^(\*|(W\/)?"\d+")$/, 'must be an ETag this service sent ("<version>") or *')
    .optional()
    .openapi({ param: { name: 'if-match', in: 'header' }, example: '"3"' }),
  'idempotency-key': z
    .string()
    .min(1)
    .max(INPUT_LIMITS.idLength)
    .optional()
    .openapi({ param: { name: 'idempotency-key', in: 'header' }, example: 'b7c1e0d2-report-1' }),
});

export const reportHeadersSchema = commandHeadersSchema.pick({ 'idempotency-key': true });

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item)]);
const wholeNumber = z.string().regex(/^\d{1,6}$/, 'must be a whole number');
const instant = z.iso.datetime({ offset: true });

/** Every `CaseFilter` field, plus `limit` (1–500, default 50) and `cursor` for paging. */
export const caseQuerySchema = z.strictObject({
  ids: oneOrMany(z.string().min(1)).optional().openapi({ description: 'case ids; repeat the parameter for several' }),
  status: oneOrMany(z.enum(STATUSES)).optional().openapi({ description: 'repeat the parameter for several' }),
  packId: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  severity: z.enum(SEVERITIES).optional(),
  territory: z.string().min(1).optional(),
  regulator: z.string().min(1).optional(),
  assignee: z.string().min(1).optional().openapi({ description: 'cases of this case officer (ASSIGN)' }),
  unassigned: z
    .enum(['true'])
    .optional()
    .openapi({ description: 'cases nobody is assigned to, with true (not together with assignee)' }),
  overdue: z.enum(['true', 'false']).optional(),
  listed: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'cases under listed supervision (挂牌督办) with true; those not, with false' }),
  regulatoryGap: z.enum(['true', 'false']).optional().openapi({
    description:
      'cases no department regulates yet (监管盲区), the safety committee’s queue, with true; the others with false',
  }),
  escalationLevel: wholeNumber.optional(),
  minEscalationLevel: wholeNumber.optional(),
  dueBefore: instant.optional().openapi({ description: 'cases whose current deadline falls before this instant' }),
  updatedAfter: instant.optional(),
  limit: z
    .string()
    .regex(/^([1-9]\d{0,1}|[1-4]\d{2}|500)$/, 'must be a whole number from 1 to 500')
    .optional()
    .openapi({ description: 'page size, 1–500 (default 50)' }),
  cursor: z.string().min(1).optional().openapi({ description: "the previous page's nextCursor" }),
});

export const assessmentQuerySchema = z.strictObject({
  groupBy: z.enum(ASSESSMENT_GROUPS).openapi({
    description:
      'officer: per case officer within each department (`<regulator>/<officer>`, `<regulator>/` unassigned); industry: per industry department (its org), a case counted under each of its place type’s departments',
  }),
  from: instant.optional(),
  to: instant.optional(),
});
