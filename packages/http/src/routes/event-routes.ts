import type { CaseView, EngineEvents } from '@hazardflow/engine';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppEnv } from '../app-env';
import { canSee } from '../can-see';
import type { HttpEngine } from '../http-engine';
import { problemResponses } from '../problem-responses';
import { reporterOf } from '../visible-case';

/** The engine events the stream forwards: each names its case's view, so each can be filtered. */
const FORWARDED = [
  'case.reported',
  'case.transitioned',
  'case.warned',
  'case.overdue',
  'case.escalated',
  'case.closed',
  'notification',
] as const satisfies readonly (keyof EngineEvents)[];
type Forwarded = (typeof FORWARDED)[number];

export const eventsRoute = createRoute({
  method: 'get',
  path: '/events',
  operationId: 'events',
  summary: 'Server-Sent Events of the cases the caller may see',
  description: `A \`text/event-stream\`: one event per engine event (${FORWARDED.join(', ')}), named after it, \`data\` its JSON (\`{ case, command, actor, from, to, at }\` for changes, \`{ notification, case }\` for notifications), filtered by the caller's jurisdiction as reads are. A comment line is sent every heartbeat so proxies keep the connection open.`,
  security: [{ bearerAuth: [] }],
  responses: {
    200: {
      description: 'the stream',
      content: { 'text/event-stream': { schema: z.string() } },
    },
    ...problemResponses(401),
  },
});

/**
 * Forwards engine events to one caller. Events are written in the order the engine emitted
 * them (a reporter's check of a case, which reads its history, is chained, not raced); the
 * listeners are removed when the client goes away.
 */
export function registerEventRoutes(app: OpenAPIHono<AppEnv>, engine: HttpEngine, heartbeatMs: number): void {
  app.openapi(eventsRoute, (c) => {
    const actor = c.get('actor');
    // streamSSE runs this callback up to its first await before the response is returned, so
    // the listeners are on before the client sees the headers: no event falls in between.
    return streamSSE(c, async (stream) => {
      const reportedBy = new Map<string, Promise<string | undefined>>();
      const visible = async (view: CaseView): Promise<boolean> => {
        if (actor.role !== 'reporter') return canSee(actor, view);
        let reporter = reportedBy.get(view.id);
        if (!reporter) {
          reporter = reporterOf(engine, view.id);
          reportedBy.set(view.id, reporter);
        }
        return canSee(actor, view, await reporter);
      };
      let chain: Promise<void> = Promise.resolve();
      const send = (event: Forwarded, view: CaseView, data: unknown) => {
        chain = chain
          .then(async () => {
            if (stream.aborted || stream.closed || !(await visible(view))) return;
            await stream.writeSSE({ event, id: `${view.id}@${view.version}`, data: JSON.stringify(data) });
          })
          .catch(() => undefined); // a client that went away mid-write: the abort handler cleans up
      };
      const listeners = FORWARDED.map((event) => {
        const listener =
          event === 'case.warned' || event === 'case.overdue' || event === 'case.escalated' || event === 'notification'
            ? (...args: unknown[]) => {
                const [notification, view] = args as EngineEvents['notification'];
                send(event, view, { notification, case: view });
              }
            : (...args: unknown[]) => {
                const [change] = args as EngineEvents['case.reported'];
                send(event, change.case, change);
              };
        engine.on(event, listener as never);
        return () => engine.off(event, listener as never);
      });
      let heartbeat: ReturnType<typeof setInterval> | undefined;
      const closed = new Promise<void>((resolve) => {
        let done = false;
        // Called by the stream's abort and by the request's signal, whichever comes first.
        const close = () => {
          if (done) return;
          done = true;
          if (heartbeat) clearInterval(heartbeat);
          for (const remove of listeners) remove();
          resolve();
        };
        stream.onAbort(close);
        c.req.raw.signal.addEventListener('abort', close, { once: true });
      });
      heartbeat = setInterval(() => {
        chain = chain
          .then(() => stream.write(': heartbeat\n\n'))
          .then(
            () => undefined,
            () => undefined,
          );
      }, heartbeatMs);
      await stream.write(': connected\n\n');
      await closed;
    });
  });
}
