import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, createEngine } from '@hazardflow/engine';
import { createHttpApp } from '@hazardflow/http';
import { buildingPack } from '@hazardflow/policy-building';
import { firePack } from '@hazardflow/policy-fire';
import { trafficPack } from '@hazardflow/policy-traffic';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import { serve } from '@hono/node-server';
import { actorOfRequest } from './demo-tokens';

export interface ServiceOptions {
  /** The SQLite file (created if missing); `':memory:'` for a throw-away one. */
  filename: string;
  /** 0 lets the system pick a free port. */
  port: number;
  hostname?: string;
  /** How often due timers are fired. */
  pollMs?: number;
  clock?: Clock;
}

export interface RunningService {
  url: string;
  close(): Promise<void>;
}

const packs = [firePack, buildingPack, trafficPack];

/** The service: the three packs on SQLite behind `@hazardflow/http`, firing due timers as it runs. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const store = createSqliteStore({ filename: options.filename });
  const engine = createEngine({ packs, store, ...(options.clock ? { clock: options.clock } : {}) });
  const app = createHttpApp(engine, {
    packs,
    authenticate: actorOfRequest,
    info: { title: 'hazardflow example service' },
    onError: (error) => console.error('unexpected error:', error instanceof Error ? error.message : error),
  });
  engine.on('error', (error) => console.error('engine:', error instanceof Error ? error.message : error));
  const hostname = options.hostname ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port: options.port, hostname }) as Server;
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  engine.start({ pollMs: options.pollMs ?? 5_000 });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostname}:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      await engine.stop();
      await store.close();
    },
  };
}
