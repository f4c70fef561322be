import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor } from '@hazardflow/core';
import { createEngine } from '@hazardflow/engine';
import { createHttpApp } from '@hazardflow/http';
import { firePack } from '@hazardflow/policy-fire';
import { serve } from '@hono/node-server';
import { expect, it } from 'vitest';

it("runs the package's doc-comment example (on port 0 instead of 8080)", async () => {
  const engine = createEngine({ packs: [firePack] });
  const users = new Map<string, Actor>([
    ['token-of-inspector', { id: 'inspector-1', role: 'regulator', org: 'fire-brigade' }],
  ]);
  const app = createHttpApp(engine, {
    packs: [firePack],
    authenticate: (request) => users.get(request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '') ?? null,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const packs = await fetch(`${base}/packs`, { headers: { authorization: 'Bearer token-of-inspector' } });
    expect(packs.status).toBe(200);
    expect((await fetch(`${base}/packs`)).status).toBe(401);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
