import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor, EvidenceRef } from '@hazardflow/core';
import {
  createEngine,
  createManualClock,
  createMemoryStore,
  type Engine,
  type HazardStore,
  type ManualClock,
} from '@hazardflow/engine';
import { createHttpApp, type HttpEngine } from '@hazardflow/http';
import { firePack } from '@hazardflow/policy-fire';
import { serve } from '@hono/node-server';

export const people = {
  gridWorker: { id: 'grid-east-1', role: 'territory', org: 'street-east' },
  otherStreet: { id: 'grid-west-1', role: 'territory', org: 'street-west' },
  leadInspector: { id: 'inspector-1', role: 'regulator', org: 'fire-rescue' },
  secondInspector: { id: 'inspector-2', role: 'regulator', org: 'fire-rescue' },
  owner: { id: 'manager-1', role: 'responsible', org: 'greenview-property' },
  citizen: { id: 'citizen-1', role: 'reporter' },
  command: { id: 'duty-officer', role: 'command', org: 'command' },
  // The property manager's id under a regulator role: who rectified must not verify.
  managerAsInspector: { id: 'manager-1', role: 'regulator', org: 'fire-rescue' },
} as const satisfies Record<string, Actor>;

export type Person = keyof typeof people;

/** The tokens the tests log in with: `token-<person>`. */
export const tokenOf = (person: Person) => `token-${person}`;

export function evidence(kind: string, by: string): EvidenceRef {
  return { kind, uri: `oss://hazards/${kind}-${by}.jpg`, by, at: '2026-06-01T01:00:00.000Z' };
}

export function ebikeReport(territory = 'street-east') {
  return {
    packId: 'fire',
    category: 'ebike-corridor',
    site: {
      id: 'greenview-b3',
      name: 'Greenview Garden B3',
      placeType: 'high-rise-residential',
      territory,
      attributes: { storeys: 28 },
    },
    responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
    description: 'Four e-bikes charging on the 12th-floor stair landing',
    evidence: [evidence('photo', 'grid-east-1')],
  };
}

/**
 * The engine and its HTTP app on a real loopback socket (port 0: the OS picks a free one),
 * on a manual clock from Monday 1 June 2026, 09:00 in Shanghai.
 */
export async function startService(
  options: { store?: HazardStore; wrap?: (engine: HttpEngine) => HttpEngine } = {},
): Promise<Service> {
  const clock = createManualClock('2026-06-01T01:00:00.000Z');
  const engine = createEngine({ packs: [firePack], store: options.store ?? createMemoryStore(), clock });
  const tokens = new Map<string, Actor>(Object.entries(people).map(([name, actor]) => [`token-${name}`, actor]));
  const app = createHttpApp(options.wrap ? options.wrap(engine) : engine, {
    packs: [firePack],
    bodyLimit: 16 * 1024,
    heartbeatMs: 50,
    authenticate: (request) => {
      const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      return token === undefined ? null : (tokens.get(token) ?? null);
    },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** One request as a client sends it: JSON in, status, headers and parsed body out. */
  async function call(
    method: string,
    path: string,
    init: { as?: Person; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.as) headers.authorization = `Bearer ${tokenOf(init.as)}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      type,
      text,
      json: type.includes('json') ? JSON.parse(text) : undefined,
    };
  }

  async function close() {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  }

  return { engine, clock, app, base, call, close };
}

/** What a client sees of one answer. */
export interface Answer {
  status: number;
  headers: Headers;
  type: string;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads whatever the service answered
  json: any;
}

export interface Service {
  engine: Engine;
  clock: ManualClock;
  app: ReturnType<typeof createHttpApp>;
  base: string;
  call(
    method: string,
    path: string,
    init?: { as?: Person; body?: unknown; headers?: Record<string, string> },
  ): Promise<Answer>;
  close(): Promise<void>;
}
