import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { verifyAuditChain } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDirectory } from './support/temp-directory';

/**
 * Issue 19's crash test. A child process runs the engine on SQLite through a command stream
 * while timers fall due, delivering every notification from the outbox to a webhook receiver
 * in this process that fails 30% of deliveries. The child is SIGKILLed at random moments 20+
 * times and restarted from the step after its last acknowledgement. At the end every
 * notification id named in any committed audit entry was delivered at least once, and the
 * receiver's log, deduplicated on `Idempotency-Key`, holds each id exactly once.
 */

const SEED = 20_261_204;
const STEPS = 240;
const KILLS = 22;
const SECRET = 'outbox-crash-secret';
const childSource = fileURLToPath(new URL('./crash/outbox-crash-child.ts', import.meta.url));
const childBundle = fileURLToPath(
  new URL(`../node_modules/.cache/outbox-crash-child-${process.pid}.mjs`, import.meta.url),
);

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The webhook receiver: checks the signature, fails 30% of requests, deduplicates on Idempotency-Key. */
function startReceiver(rng: () => number) {
  const deduplicated: string[] = [];
  const seen = new Set<string>();
  let received = 0;
  let failed = 0;
  let badSignatures = 0;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const expected = createHmac('sha256', SECRET).update(body).digest();
      const given = Buffer.from(String(request.headers['x-signature-sha256'] ?? ''), 'hex');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        badSignatures++;
        response.writeHead(401).end();
        return;
      }
      received++;
      if (rng() < 0.3) {
        failed++;
        response.writeHead(503).end();
        return;
      }
      const key = String(request.headers['idempotency-key']);
      if (!seen.has(key)) {
        seen.add(key);
        deduplicated.push(key);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":true}');
    });
  });
  const listening = new Promise<string>((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`));
  });
  return {
    listening,
    deduplicated,
    stats: () => ({ received, failed, badSignatures }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Run {
  child: ChildProcess;
  lines: string[];
  ready: Promise<void>;
  /** Resolves once the child printed `count` more progress lines (acks or dispatches), or exited. */
  progressed(count: number): Promise<void>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function startChild(filename: string, from: number, url: string): Run {
  const args = [childBundle, filename, `${SEED}`, `${STEPS}`, `${from}`, url, SECRET];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let pending = '';
  let stderr = '';
  let progress = 0;
  let exited = false;
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  const waiters: { until: number; resolve: () => void }[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) {
      if (exited || progress >= w.until) w.resolve();
      else waiters.push(w);
    }
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (pending + chunk).split('\n');
    pending = parts.pop() ?? ''; // a line cut by the kill does not count
    for (const line of parts) {
      if (line === 'ready') onReady();
      else progress++;
      lines.push(line);
    }
    wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => {
      exited = true;
      onReady();
      wake();
      resolve({ code, signal, stderr });
    });
  });
  const progressed = (count: number) =>
    new Promise<void>((resolve) => {
      waiters.push({ until: progress + count, resolve });
      wake();
    });
  return { child, lines, ready, progressed, exit };
}

describe('outbox crash safety', () => {
  const temp = tempDirectory();
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    await build({
      entryPoints: [childSource],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@hazardflow/source'],
      external: ['better-sqlite3'],
      outfile: childBundle,
      logLevel: 'warning',
    });
  });
  afterAll(() => rmSync(childBundle, { force: true }));
  afterEach(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    temp.clean();
  });

  it(`delivers every committed notification at least once through ${KILLS} SIGKILLs and a 30% failing sink`, async () => {
    const filename = temp.file('outbox-crash.db');
    const rng = random(SEED);
    const receiver = startReceiver(random(SEED + 1));
    const url = await receiver.listening;
    let acked = 0;
    let kills = 0;
    let finished = false;
    try {
      while (!finished) {
        const run = startChild(filename, acked, url);
        children.push(run.child);
        const killNow = kills < KILLS;
        if (killNow) {
          await run.ready;
          // A random number of acknowledgements and dispatches in, then a few ms into the next.
          await run.progressed(Math.floor(rng() * 25));
          await new Promise((resolve) => setTimeout(resolve, rng() * 8));
          run.child.kill('SIGKILL');
        }
        const { code, signal, stderr } = await run.exit;
        for (const line of run.lines) {
          if (line === 'done') finished = true;
          if (line.startsWith('{')) {
            expect((JSON.parse(line) as { step: number }).step).toBe(acked);
            acked++;
          }
        }
        if (signal === 'SIGKILL') kills++;
        else expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      }
    } finally {
      await receiver.close();
    }
    expect(kills).toBeGreaterThanOrEqual(20);
    expect(acked).toBe(STEPS);

    const store = createSqliteStore({ filename });
    try {
      const named: string[] = [];
      for (const view of (await store.query({}, { limit: 10_000 })).items) {
        const history = await store.history(view.id);
        expect(verifyAuditChain(history)).toMatchObject({ ok: true });
        for (const entry of history) named.push(...(entry.notifications ?? []));
      }
      expect(named.length).toBeGreaterThan(50); // notifications really were produced along the way
      expect(new Set(named).size).toBe(named.length);
      const rows = (await store.deliveries?.({})) ?? [];
      expect(rows.map((row) => row.id).sort()).toEqual([...named].sort()); // an outbox row for each, no more
      expect(rows.filter((row) => row.status !== 'delivered')).toEqual([]);
      // Exactly once after deduplication: the receiver's log is the named ids, each once.
      expect([...receiver.deduplicated].sort()).toEqual([...named].sort());
      const stats = receiver.stats();
      expect(stats.badSignatures).toBe(0);
      expect(stats.failed).toBeGreaterThan(0);
      expect(stats.received).toBeGreaterThan(named.length);
    } finally {
      await store.close();
    }
  }, 240_000);
});
