import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/**
 * A demo login the desk's login screen offers (`/desk/demo-logins.json`), as
 * `createHttpApp(engine, { desk: { demoLogins } })` publishes it: for demos and tests only.
 */
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
 * Serves an @hazardflow/http app on Node. The app mounts the desk itself
 * (`createHttpApp(engine, { desk: true })`, or `desk: { demoLogins }`). Used by `pnpm desk`
 * and the browser tests.
 */
export async function startDeskServer(options: {
  // biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its environment type
  app: Hono<any, any, any>;
  port?: number;
  hostname?: string;
}): Promise<DeskServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const server = serve({ fetch: options.app.fetch, port: options.port ?? 0, hostname }) as Server;
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  return {
    base: `http://${hostname}:${address.port}`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
