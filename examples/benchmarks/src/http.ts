import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, HazardCommand } from '@hazardflow/core';
import { createEngine, createManualClock } from '@hazardflow/engine';
import { createHttpApp } from '@hazardflow/http';
import { serve } from '@hono/node-server';
import { instantOf } from './contenders';
import { actors, lifecycleSteps, pack, reportOf, START } from './lifecycle';
import type { loadSqliteStore } from './sqlite';

type SqliteModule = NonNullable<Awaited<ReturnType<typeof loadSqliteStore>>>;

export interface HttpSendRow {
  name: string;
  /** Commands (or requests) per second of `send` alone: the report of each case is not timed. */
  perSecond: number;
  unit: 'commands/s' | 'requests/s';
}

/** One side of the comparison: files case i (untimed), then sends its five commands (timed). */
interface SendSide {
  report(i: number): Promise<string>;
  send(i: number, k: number, caseId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Section 4b: `send` over HTTP beside the engine's own `send`, in the same run, on the same
 * store (`@hazardflow/store-sqlite`, durability 'normal', so the fsync of every commit does
 * not hide what HTTP costs). Both run the lifecycle stream's five commands per case; over HTTP
 * each is a `POST /cases/{id}/commands` from one keep-alive client on loopback, through
 * authentication, validation, the jurisdiction check (a case read) and the engine.
 */
export async function measureHttpSend(sqlite: SqliteModule, options: { timeMs: number }): Promise<HttpSendRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'hazardflow-bench-http-'));
  try {
    const direct = await timedSends(directSide(sqlite, join(folder, 'direct.db')), options.timeMs);
    const http = await timedSends(await httpSide(sqlite, join(folder, 'http.db')), options.timeMs);
    return [
      { name: "engine.send, SQLite store, durability 'normal'", perSecond: direct, unit: 'commands/s' },
      { name: 'POST /cases/{id}/commands over loopback, same store', perSecond: http, unit: 'requests/s' },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function timedSends(side: SendSide, timeMs: number): Promise<number> {
  try {
    const warm = await side.report(0);
    for (let k = 1; k <= lifecycleSteps.length; k++) await side.send(0, k, warm);
    let sends = 0;
    let sendMs = 0;
    for (let i = 1; sendMs < timeMs; i++) {
      const caseId = await side.report(i);
      const started = performance.now();
      for (let k = 1; k <= lifecycleSteps.length; k++) await side.send(i, k, caseId);
      sendMs += performance.now() - started;
      sends += lifecycleSteps.length;
    }
    return (sends * 1000) / sendMs;
  } finally {
    await side.close();
  }
}

function directSide(sqlite: SqliteModule, filename: string): SendSide {
  const store = sqlite.createSqliteStore({ filename, durability: 'normal' });
  const clock = createManualClock(new Date(START));
  const engine = createEngine({ packs: [pack], store, clock });
  return {
    async report(i) {
      clock.set(instantOf(i, 0));
      const result = await engine.report(reportOf(i), { actor: actors.gridWorker });
      if (!result.ok) throw new Error(`report: ${result.error.code} ${result.error.message}`);
      return result.case.id;
    },
    async send(i, k, caseId) {
      const step = lifecycleSteps[k - 1] as (typeof lifecycleSteps)[number];
      clock.set(instantOf(i, k));
      const result = await engine.send(caseId, step.command as HazardCommand, { actor: step.actor });
      if (!result.ok) throw new Error(`${step.command.type}: ${result.error.code} ${result.error.message}`);
    },
    close: () => store.close(),
  };
}

async function httpSide(sqlite: SqliteModule, filename: string): Promise<SendSide> {
  const store = sqlite.createSqliteStore({ filename, durability: 'normal' });
  const clock = createManualClock(new Date(START));
  const engine = createEngine({ packs: [pack], store, clock });
  // The three people of the stream, each with a token; every one of them sees the cases it acts on.
  const tokens = new Map<string, Actor>(Object.entries(actors).map(([name, actor]) => [`bench-${name}`, actor]));
  const tokenOf = new Map<string, string>(Object.entries(actors).map(([name, actor]) => [actor.id, `bench-${name}`]));
  const app = createHttpApp(engine, {
    packs: [pack],
    authenticate: (request) => tokens.get(request.headers.get('authorization')?.slice('Bearer '.length) ?? '') ?? null,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (path: string, actor: Actor, body: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenOf.get(actor.id)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as { case: { id: string } };
  };
  return {
    async report(i) {
      clock.set(instantOf(i, 0));
      return (await post('/cases', actors.gridWorker, reportOf(i))).case.id;
    },
    async send(i, k, caseId) {
      const step = lifecycleSteps[k - 1] as (typeof lifecycleSteps)[number];
      clock.set(instantOf(i, k));
      await post(`/cases/${caseId}/commands`, step.actor, step.command);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
