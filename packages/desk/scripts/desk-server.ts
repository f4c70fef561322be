import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { type DemoLogin, mountDesk } from './mount-desk';

export type { DemoLogin } from './mount-desk';

export interface DeskServer {
  /** e.g. `http://127.0.0.1:3000`; the desk is at `${base}/desk/`. */
  base: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * Serves an @hazardflow/http app on Node with the desk mounted on it (`mountDesk`, the lines
 * the http package's `desk` option is to run) and the demo logins. Used by `pnpm desk` and
 * the browser tests.
 */
export async function startDeskServer(options: {
  // biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its environment type
  app: Hono<any, any, any>;
  logins: readonly DemoLogin[];
  port?: number;
  hostname?: string;
}): Promise<DeskServer> {
  mountDesk(options.app, { logins: options.logins });
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
