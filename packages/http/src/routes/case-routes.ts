import type { CaseView } from '@hazardflow/engine';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../app-env';
import type { CaseViewOut } from '../case-deadline';
import type { HttpEngine } from '../http-engine';
import { problemResponses } from '../problem-responses';
import { caseIdParamsSchema } from '../request-schemas';
import {
  availableCommandsSchema,
  caseViewSchema,
  historySchema,
  timersSchema,
  trailVerificationSchema,
} from '../response-schemas';
import { problemOfCommandError } from '../status-of-error';
import { etagOf, visibleCase } from '../visible-case';

const security = [{ bearerAuth: [] }];
const request = { params: caseIdParamsSchema };
const errors = problemResponses(400, 401, 404);

export const getCaseRoute = createRoute({
  method: 'get',
  path: '/cases/{id}',
  operationId: 'getCase',
  summary: 'Get a case',
  description: '`ETag` is the case version; send it back as `If-Match` with a command.',
  security,
  request,
  responses: {
    200: { description: 'the case', content: { 'application/json': { schema: caseViewSchema } } },
    ...errors,
  },
});

export const historyRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/history',
  operationId: 'getHistory',
  summary: "A case's audit trail",
  security,
  request,
  responses: {
    200: { description: 'audit entries in order', content: { 'application/json': { schema: historySchema } } },
    ...errors,
  },
});

export const verifyHistoryRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/history/verification',
  operationId: 'verifyHistory',
  summary: "Verify a case's audit trail",
  description: 'Recomputes the hash chain and checks its length against the case version.',
  security,
  request,
  responses: {
    200: {
      description: 'the verdict (a broken trail is still a 200: the answer is about the trail)',
      content: { 'application/json': { schema: trailVerificationSchema } },
    },
    ...errors,
  },
});

export const timersRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/timers',
  operationId: 'getTimers',
  summary: "A case's pending timers",
  description: 'Deadlines, warnings, escalation steps and reminders, by due time.',
  security,
  request,
  responses: {
    200: { description: 'timers by dueAt', content: { 'application/json': { schema: timersSchema } } },
    ...errors,
  },
});

export const availableCommandsRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/commands',
  operationId: 'availableCommands',
  summary: 'What can I do now?',
  description:
    'Every command, whether the caller may send it to the case now, and why not (state, role, jurisdiction, separation of duties); an allowed command that needs evidence lists the kinds still missing. Build buttons from this.',
  security,
  request,
  responses: {
    200: {
      description: 'one entry per command',
      content: { 'application/json': { schema: availableCommandsSchema } },
    },
    ...errors,
  },
});

export function registerCaseRoutes(
  app: OpenAPIHono<AppEnv>,
  engine: HttpEngine,
  out: (view: CaseView) => CaseViewOut,
): void {
  app.openapi(getCaseRoute, async (c) => {
    const view = await visibleCase(engine, c.get('actor'), c.req.valid('param').id);
    c.header('ETag', etagOf(view));
    return c.json(out(view), 200);
  });

  app.openapi(historyRoute, async (c) => {
    const { id } = c.req.valid('param');
    await visibleCase(engine, c.get('actor'), id);
    return c.json({ entries: await engine.history(id) }, 200);
  });

  app.openapi(verifyHistoryRoute, async (c) => {
    const { id } = c.req.valid('param');
    await visibleCase(engine, c.get('actor'), id);
    return c.json(await engine.verifyHistory(id), 200);
  });

  app.openapi(timersRoute, async (c) => {
    const { id } = c.req.valid('param');
    await visibleCase(engine, c.get('actor'), id);
    return c.json({ timers: await engine.timers(id) }, 200);
  });

  app.openapi(availableCommandsRoute, async (c) => {
    const actor = c.get('actor');
    const { id } = c.req.valid('param');
    const view = await visibleCase(engine, actor, id);
    const answer = await engine.availableCommands(id, actor);
    if (!answer.ok) throw problemOfCommandError(answer.error);
    c.header('ETag', etagOf(view));
    return c.json({ caseId: id, version: view.version, commands: answer.commands }, 200);
  });
}
