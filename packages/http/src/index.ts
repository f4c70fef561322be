/**
 * @hazardflow/http — the engine as a web service: a Hono fetch handler with an OpenAPI 3.1
 * contract generated from the zod schemas that validate each request, RFC 9457 problems,
 * ETags and Server-Sent Events filtered by jurisdiction.
 *
 * @example
 * ```ts
 * import { serve } from '@hono/node-server';
 * import type { Actor } from '@hazardflow/core';
 * import { createEngine } from '@hazardflow/engine';
 * import { createHttpApp } from '@hazardflow/http';
 * import { firePack } from '@hazardflow/policy-fire';
 *
 * const engine = createEngine({ packs: [firePack] });
 * const users = new Map<string, Actor>([
 *   ['token-of-inspector', { id: 'inspector-1', role: 'regulator', org: 'fire-brigade' }],
 * ]);
 * const app = createHttpApp(engine, {
 *   packs: [firePack],
 *   authenticate: (request) => users.get(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '') ?? null,
 * });
 * serve({ fetch: app.fetch, port: 8080 });
 * ```
 *
 * @packageDocumentation
 */
export type { AppEnv } from './app-env';
export { canSee, jurisdictionFilter } from './can-see';
export { createHttpApp, type HttpAppOptions, OPENAPI_PATH, REFERENCE_PATH } from './create-http-app';
export { DESK_PATH, type DeskDemoLogin, type DeskOptions } from './desk-routes';
export type { HttpEngine } from './http-engine';
export { type HttpProblemCode, type Problem, ProblemError, type ProblemIssue, problemSchema } from './problem';
export { problemOfCommandError, STATUS_OF_ERROR } from './status-of-error';
