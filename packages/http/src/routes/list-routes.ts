import { type PolicyPack, policyPackJsonSchema, toMermaid } from '@hazardflow/core';
import { type CaseFilter, type CaseView, isReadInputError } from '@hazardflow/engine';
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import { jurisdictionFilter } from '../can-see';
import type { CaseViewOut } from '../case-deadline';
import type { HttpEngine } from '../http-engine';
import { ProblemError } from '../problem';
import { problemResponses } from '../problem-responses';
import { assessmentQuerySchema, caseQuerySchema } from '../request-schemas';
import { assessmentSchema, casePageSchema, packsSchema } from '../response-schemas';

const security = [{ bearerAuth: [] }];
const DEFAULT_LIMIT = 50;

export const queryRoute = createRoute({
  method: 'get',
  path: '/cases',
  operationId: 'queryCases',
  summary: 'Find cases',
  description:
    "Every engine filter as a query parameter, a page at a time (`nextCursor` is null on the last page). Only cases in the caller's jurisdiction are listed: territory staff their street's, a regulator its department's, command all. Responsible parties and reporters read their cases one by one (403 here).",
  security,
  request: { query: caseQuerySchema },
  responses: {
    200: { description: 'one page of cases', content: { 'application/json': { schema: casePageSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export const assessmentRoute = createRoute({
  method: 'get',
  path: '/assessment',
  operationId: 'assessment',
  summary: 'Assessment (考核) figures',
  description:
    'Per territory, regulator, pack, category or case officer, over the whole district: for command (and system) callers.',
  security,
  request: { query: assessmentQuerySchema },
  responses: {
    200: { description: 'one row per group', content: { 'application/json': { schema: assessmentSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export const packsRoute = createRoute({
  method: 'get',
  path: '/packs',
  operationId: 'listPacks',
  summary: 'The policy packs this service runs',
  description: 'The JSON Schema of the pack format, and each pack with its statechart in Mermaid.',
  security,
  responses: {
    200: { description: 'the packs', content: { 'application/json': { schema: packsSchema } } },
    ...problemResponses(401),
  },
});

/** The engine's filter and page fields as this route's query parameters. */
const PARAMETER_OF: Record<string, string> = { listedSupervision: 'listed' };

/**
 * A ReadInputError as a 400 naming query parameters: `filter.territory` is `territory`,
 * `filter.listedSupervision` is `listed`, `options.from` is `from`.
 */
function problemOfReadInputError(error: { issues: readonly { path: string; code: string; message: string }[] }) {
  const issues = error.issues.map(({ path, code, message }) => {
    const [field = '', ...rest] = path.replace(/^(filter|page|options)\.?/, '').split('.');
    return { path: [PARAMETER_OF[field] ?? field, ...rest].join('.'), code, message };
  });
  return new ProblemError(
    400,
    'VALIDATION_FAILED',
    `query: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
    { issues },
  );
}

/** The query parameters as the engine's `CaseFilter`. */
export function caseFilterOf(query: z.infer<typeof caseQuerySchema>): CaseFilter {
  const filter: CaseFilter = {};
  if (query.ids !== undefined) filter.ids = typeof query.ids === 'string' ? [query.ids] : query.ids;
  if (query.status !== undefined) filter.status = query.status;
  if (query.packId !== undefined) filter.packId = query.packId;
  if (query.category !== undefined) filter.category = query.category;
  if (query.severity !== undefined) filter.severity = query.severity;
  if (query.territory !== undefined) filter.territory = query.territory;
  if (query.regulator !== undefined) filter.regulator = query.regulator;
  if (query.assignee !== undefined && query.unassigned !== undefined) {
    throw new ProblemError(400, 'VALIDATION_FAILED', 'query: assignee and unassigned cannot be combined', {
      issues: [{ path: 'unassigned', code: 'invalid_combination', message: 'give assignee or unassigned, not both' }],
    });
  }
  if (query.assignee !== undefined) filter.assignee = query.assignee;
  if (query.unassigned !== undefined) filter.assignee = null;
  if (query.overdue !== undefined) filter.overdue = query.overdue === 'true';
  if (query.listed !== undefined) filter.listedSupervision = query.listed === 'true';
  if (query.regulatoryGap !== undefined) filter.regulatoryGap = query.regulatoryGap === 'true';
  if (query.escalationLevel !== undefined) filter.escalationLevel = Number(query.escalationLevel);
  if (query.minEscalationLevel !== undefined) filter.minEscalationLevel = Number(query.minEscalationLevel);
  if (query.dueBefore !== undefined) filter.dueBefore = query.dueBefore;
  if (query.updatedAfter !== undefined) filter.updatedAfter = query.updatedAfter;
  return filter;
}

export function registerListRoutes(
  app: OpenAPIHono<AppEnv>,
  engine: HttpEngine,
  packs: readonly PolicyPack[],
  out: (view: CaseView) => CaseViewOut,
): void {
  app.openapi(queryRoute, async (c) => {
    const actor = c.get('actor');
    const query = c.req.valid('query');
    const filter = jurisdictionFilter(actor, caseFilterOf(query));
    if (filter === undefined) {
      throw new ProblemError(
        403,
        'FORBIDDEN',
        `role "${actor.role}" cannot list cases; read your cases one by one at /cases/{id}`,
      );
    }
    if (filter === null) return c.json({ items: [], nextCursor: null }, 200);
    const { cursor } = query;
    try {
      const page = await engine.query(filter, {
        limit: query.limit === undefined ? DEFAULT_LIMIT : Number(query.limit),
        ...(cursor !== undefined ? { cursor } : {}),
      });
      return c.json({ items: page.items.map(out), nextCursor: page.nextCursor }, 200);
    } catch (error) {
      // The engine refuses a cursor it did not make (and any filter value past its bounds
      // that this route's own schema let through) with ReadInputError: the caller's mistake.
      if (!isReadInputError(error)) throw error;
      if (cursor !== undefined && error.issues.some((issue) => issue.path === 'page.cursor')) {
        throw new ProblemError(400, 'VALIDATION_FAILED', 'query: cursor: not a cursor this service returned', {
          issues: [{ path: 'cursor', code: 'invalid_cursor', message: "pass a page's nextCursor unchanged" }],
        });
      }
      throw problemOfReadInputError(error);
    }
  });

  app.openapi(assessmentRoute, async (c) => {
    const actor = c.get('actor');
    if (actor.role !== 'command' && actor.role !== 'system') {
      throw new ProblemError(403, 'FORBIDDEN', 'assessment covers the whole district: it is for command');
    }
    const { groupBy, from, to } = c.req.valid('query');
    try {
      const rows = await engine.assessment({
        groupBy,
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      });
      return c.json({ rows }, 200);
    } catch (error) {
      if (isReadInputError(error)) throw problemOfReadInputError(error);
      throw error;
    }
  });

  // Packs do not change while the service runs: computed once, on first request.
  let listed: z.infer<typeof packsSchema> | undefined;
  app.openapi(packsRoute, (c) => {
    listed ??= {
      packFormat: policyPackJsonSchema(),
      packs: packs.map((pack) => ({
        id: pack.id,
        version: pack.version,
        name: pack.name,
        domain: pack.domain,
        mermaid: toMermaid(pack),
        definition: JSON.parse(JSON.stringify(pack)) as Record<string, unknown>,
      })),
    };
    return c.json(listed, 200);
  });
}
