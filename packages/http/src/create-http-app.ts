import type { Actor, BusinessCalendar, PolicyPack } from '@hazardflow/core';
import { isReadInputError } from '@hazardflow/engine';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './app-env';
import { caseDeadlines } from './case-deadline';
import { type DeskOptions, registerDeskRoutes } from './desk-routes';
import type { HttpEngine } from './http-engine';
import { issuesOfZod, ProblemError, problemResponse } from './problem';
import { referencePage } from './reference-page';
import { registerCaseRoutes } from './routes/case-routes';
import { registerCommandRoutes } from './routes/command-routes';
import { registerEventRoutes } from './routes/event-routes';
import { registerListRoutes } from './routes/list-routes';

export interface HttpAppOptions {
  /**
   * Who is calling: the application's own login (a bearer token table, a session, an OIDC
   * token check). Returns the actor, or null for a request without acceptable credentials
   * (answered 401). The package keeps no users and never logs or echoes credentials.
   */
  authenticate(request: Request): Actor | null | undefined | Promise<Actor | null | undefined>;
  /** The packs the engine was created with, listed at `GET /packs`; their time zones count `workingDaysLeft`. */
  packs?: readonly PolicyPack[];
  /**
   * The working-day calendar the engine was given (`createEngine({ calendar })`), so a case's
   * `workingDaysLeft` is counted on the same holidays. Default: each pack's (China's for Asia/Shanghai).
   */
  calendar?: BusinessCalendar;
  /** Largest request body in bytes (413 above it). Default 256 KiB: evidence is referenced, never uploaded. */
  bodyLimit?: number;
  /** How often the event stream sends a keep-alive comment. Default 15 s. */
  heartbeatMs?: number;
  /** The document's `info`. */
  info?: { title?: string; version?: string };
  /** Told of an unexpected error (a store that is down) before it is answered as a 500; never given the request. */
  onError?(error: unknown): void;
  /**
   * Serve the case desk (`@hazardflow/desk`, a React app of static files) under `/desk`, in one
   * line: `createHttpApp(engine, { authenticate, desk: true })`. The desk calls this same API
   * with the credentials its user logs in with. Needs Node (the files are read with `node:fs`).
   * Default: off, and `/desk` is a 404.
   */
  desk?: boolean | DeskOptions;
}

/** The paths that need no credentials: the contract and its reference page. */
export const OPENAPI_PATH = '/openapi.json';
export const REFERENCE_PATH = '/reference';

/**
 * The engine as a web service: a Hono app (a Web-standard fetch handler) with the routes of
 * the OpenAPI document at `/openapi.json`, generated from the zod schemas that validate each
 * request. Serve it with `@hono/node-server`, or mount `app.fetch` in any server that speaks
 * `Request`/`Response`.
 */
export function createHttpApp(engine: HttpEngine, options: HttpAppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // Every validation failure (body, query, path, headers) is one problem naming each field.
    defaultHook: (result) => {
      if (result.success) return;
      const where = { json: 'request body', query: 'query', param: 'path', header: 'headers' }[result.target as string];
      const issues = issuesOfZod(result.error.issues);
      throw new ProblemError(
        400,
        'VALIDATION_FAILED',
        `${where ?? result.target}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
        { issues },
      );
    },
  });
  const title = options.info?.title ?? 'hazardflow';

  app.onError((error, c) => answerError(error, c, options.onError));
  app.notFound((c) =>
    problemResponse(new ProblemError(404, 'NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), c.req.path),
  );

  const limit = bodyLimit({
    maxSize: options.bodyLimit ?? 256 * 1024,
    onError: () => {
      throw new ProblemError(413, 'PAYLOAD_TOO_LARGE', `the body is over ${options.bodyLimit ?? 256 * 1024} bytes`);
    },
  });
  const authenticated = authentication(options.authenticate);
  for (const path of ['/cases', '/cases/*', '/assessment', '/packs', '/events']) app.use(path, authenticated);
  app.post('/cases', limit);
  app.post('/cases/*', limit);

  const out = caseDeadlines({
    packs: options.packs ?? [],
    calendar: options.calendar,
    now: () => engine.clock?.now() ?? new Date(),
  });
  registerCommandRoutes(app, engine, out);
  registerCaseRoutes(app, engine, out);
  registerListRoutes(app, engine, options.packs ?? [], out);
  registerEventRoutes(app, engine, options.heartbeatMs ?? 15_000);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description:
      "Whatever credentials the application's `authenticate` accepts; the example service uses bearer tokens.",
  });
  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title,
      version: options.info?.version ?? '0.1.0',
      description:
        'Safety-hazard cases run by the hazardflow engine. Errors are RFC 9457 problems (`application/problem+json`) carrying the engine error `code` and the `issues` of the request.',
    },
  });
  app.get(REFERENCE_PATH, (c) => c.html(referencePage(title, OPENAPI_PATH)));
  if (options.desk) registerDeskRoutes(app, options.desk === true ? {} : options.desk);
  return app;
}

function authentication(authenticate: HttpAppOptions['authenticate']): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = await authenticate(c.req.raw);
    if (!actor) {
      throw new ProblemError(401, 'UNAUTHENTICATED', 'missing or unknown credentials', {
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    c.set('actor', actor);
    await next();
  };
}

/**
 * Every error as a problem: ours as thrown, Hono's (malformed JSON, wrong content type) by
 * their status, anything else as a 500 that says nothing about the cause.
 */
function answerError(error: unknown, c: Context, onError: HttpAppOptions['onError']): Response {
  if (error instanceof ProblemError) return problemResponse(error, c.req.path);
  if (isReadInputError(error)) {
    // A read the engine refused (e.g. a path id with a control character): the request is wrong.
    const issues = error.issues.map(({ path, code, message }) => ({ path, code, message }));
    return problemResponse(new ProblemError(400, 'VALIDATION_FAILED', error.message, { issues }), c.req.path);
  }
  if (error instanceof HTTPException) {
    const problem =
      error.status === 415
        ? new ProblemError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json')
        : error.status === 413
          ? new ProblemError(413, 'PAYLOAD_TOO_LARGE', 'the body is over the size limit')
          : error.status === 400
            ? new ProblemError(400, 'MALFORMED_JSON', 'the body is not valid JSON')
            : new ProblemError(error.status, 'INTERNAL', error.message);
    return problemResponse(problem, c.req.path);
  }
  onError?.(error);
  return problemResponse(new ProblemError(500, 'INTERNAL', 'internal error'), c.req.path);
}
