import type { CaseView } from '@hazardflow/engine';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { CaseViewOut } from '../case-deadline';
import type { HttpEngine } from '../http-engine';
import { problemResponses } from '../problem-responses';
import {
  caseIdParamsSchema,
  commandBodySchema,
  commandHeadersSchema,
  reportBodySchema,
  reportHeadersSchema,
} from '../request-schemas';
import { commandAcceptedSchema } from '../response-schemas';
import { problemOfCommandError } from '../status-of-error';
import { etagOf, visibleCase } from '../visible-case';

const security = [{ bearerAuth: [] }];

export const reportRoute = createRoute({
  method: 'post',
  path: '/cases',
  operationId: 'reportHazard',
  summary: 'Report a hazard',
  description:
    "Files a new case. `Idempotency-Key` becomes the engine's `commandId`: a retry with the same key returns the first result (200, `replayed: true`) and files nothing.",
  security,
  request: {
    headers: reportHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: reportBodySchema } } },
  },
  responses: {
    201: {
      description: 'the case as filed; `Location` is its URL, `ETag` its version',
      content: { 'application/json': { schema: commandAcceptedSchema } },
    },
    200: {
      description: 'a replay of an earlier report with the same Idempotency-Key',
      content: { 'application/json': { schema: commandAcceptedSchema } },
    },
    ...problemResponses(400, 401, 403, 413, 415, 422),
  },
});

export const sendRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/commands',
  operationId: 'sendCommand',
  summary: 'Send a command to a case',
  description:
    'Applies one command (`{ type, ...payload }`). `If-Match: "<version>"` (the ETag of the case as the caller saw it) makes it fail with 412 if the case has moved on; `Idempotency-Key` makes a retry safe.',
  security,
  request: {
    params: caseIdParamsSchema,
    headers: commandHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: commandBodySchema } } },
  },
  responses: {
    200: {
      description: 'the case after the command; `ETag` is its new version',
      content: { 'application/json': { schema: commandAcceptedSchema } },
    },
    ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422),
  },
});

/**
 * `If-Match` as the engine's `expectedVersion`; `*` asks only that the case exists. If-Match
 * compares strongly (RFC 9110 §13.1.1), so a weak tag never matches: -1, which no case is at.
 */
function expectedVersionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch === '*') return undefined;
  if (ifMatch.startsWith('W/')) return -1;
  return Number(ifMatch.slice(1, -1));
}

export function registerCommandRoutes(
  app: OpenAPIHono<AppEnv>,
  engine: HttpEngine,
  out: (view: CaseView) => CaseViewOut,
): void {
  app.openapi(reportRoute, async (c) => {
    const actor = c.get('actor');
    const commandId = c.req.valid('header')['idempotency-key'];
    const result = await engine.report(c.req.valid('json'), {
      actor,
      ...(commandId !== undefined ? { commandId } : {}),
    });
    if (!result.ok) throw problemOfCommandError(result.error);
    c.header('ETag', etagOf(result.case));
    c.header('Location', `/cases/${encodeURIComponent(result.case.id)}`);
    if (result.replayed) return c.json({ case: out(result.case), replayed: true }, 200);
    return c.json({ case: out(result.case) }, 201);
  });

  app.openapi(sendRoute, async (c) => {
    const actor = c.get('actor');
    const { id } = c.req.valid('param');
    const headers = c.req.valid('header');
    const commandId = headers['idempotency-key'];
    const expectedVersion = expectedVersionOf(headers['if-match']);
    // Jurisdiction first: another street's case is "no such case", as for reads.
    await visibleCase(engine, actor, id);
    const result = await engine.send(id, c.req.valid('json'), {
      actor,
      ...(commandId !== undefined ? { commandId } : {}),
      ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    });
    if (!result.ok) throw problemOfCommandError(result.error, { ifMatch: expectedVersion !== undefined });
    c.header('ETag', etagOf(result.case));
    return c.json({ case: out(result.case), ...(result.replayed ? { replayed: true } : {}) }, 200);
  });
}
