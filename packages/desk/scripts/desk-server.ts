import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { deskAssetsDir } from '../src/assets';

/** A demo login published beside the desk (`/desk/demo-logins.json`): for demos and tests only. */
export interface DemoLogin {
  token: string;
  actor: { id: string; role: string; org?: string | undefined };
  label: { zh: string; en: string };
}

export interface DeskServer {
  /** e.g. `http://127.0.0.1:3000`; the desk is at `${base}/desk/`. */
  base: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves an @hazardflow/http app with the desk beside it, the way the http package mounts
 * it (`/desk/*` from `deskAssetsDir()`, `index.html` for any other path under `/desk`), plus
 * `/desk/demo-logins.json` for the login screen's demo buttons. Used by `pnpm desk` and by
 * the browser tests.
 */
export async function startDeskServer(options: {
  fetch: (request: Request) => Response | Promise<Response>;
  logins: readonly DemoLogin[];
  port?: number;
  hostname?: string;
}): Promise<DeskServer> {
  const root = deskAssetsDir();
  const desk = new Hono();
  desk.get('/desk/demo-logins.json', (c) => c.json({ logins: options.logins }));
  desk.get('/desk', (c) => c.redirect('/desk/'));
  desk.use('/desk/*', serveStatic({ root, rewriteRequestPath: (path) => path.replace(/^\/desk/, '') }));
  desk.get('/desk/*', serveStatic({ root, path: 'index.html' }));
  const server = serve({
    fetch: (request: Request) =>
      new URL(request.url).pathname.startsWith('/desk') ? desk.fetch(request) : options.fetch(request),
    port: options.port ?? 0,
    hostname: options.hostname ?? '127.0.0.1',
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  return {
    base: `http://${options.hostname ?? '127.0.0.1'}:${address.port}`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
