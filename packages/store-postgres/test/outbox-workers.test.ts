import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { HazardCommand } from '@hazardflow/core';
import { definePolicyPack } from '@hazardflow/core';
import { createEngine } from '@hazardflow/engine';
import { createPostgresStore } from '@hazardflow/store-postgres';
import { afterAll, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { describeWithServer, dropSchemas, freshSchema } from './support/database';
import { nextCommand, people, reportInput } from './support/workload';

/**
 * Three processes share delivery of one PostgreSQL outbox (claims with FOR UPDATE SKIP
 * LOCKED). The receiver holds w2's requests unanswered, so w2 dies (SIGKILL) holding leases;
 * it holds w1's and w3's first requests until both have made one, so both really share the
 * work. Every notification then arrives, each id once after deduplication, the dead worker's
 * rows delivered by the others once its leases lapsed. Every wait is on a condition.
 */

const CASES = 24;
const LEASE_MS = 1_500;
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const workerScript = fileURLToPath(new URL('./support/outbox-worker.ts', import.meta.url));

/** A condition that other code makes true: `until()` resolves once `check()` holds. */
function condition(check: () => boolean) {
  const waiters: (() => void)[] = [];
  return {
    until: () => new Promise<void>((resolve) => (check() ? resolve() : waiters.push(resolve))),
    poke: () => {
      if (check()) for (const resolve of waiters.splice(0)) resolve();
    },
  };
}

describeWithServer('three workers share one PostgreSQL outbox', (url) => {
  const schema = freshSchema('hfob');
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await dropSchemas(url, [schema]);
  }, 30_000);

  it('delivers every notification once after deduplication with one worker killed holding leases', async () => {
    // The cases and their notifications, committed by an engine without a deliver handler.
    const store = createPostgresStore({ connectionString: url, schema, poolSize: 4 });
    const engine = createEngine({ packs: [definePolicyPack(referencePack)], store });
    for (let i = 0; i < CASES; i++) {
      const reported = await engine.report(reportInput(i), { actor: people.gridWorker });
      if (!reported.ok) throw new Error(reported.error.message);
      for (const status of ['reported', 'triaged'] as const) {
        const planned = nextCommand(status, false);
        const sent = await engine.send(reported.case.id, planned.command as HazardCommand, { actor: planned.actor });
        if (!sent.ok) throw new Error(sent.error.message);
      }
    }
    const ids = (await engine.deliveries({ status: 'pending' })).map((row) => row.id);
    expect(ids.length).toBeGreaterThanOrEqual(CASES);

    const log = new Set<string>();
    const heldByW2: string[] = [];
    const byWorker: Record<string, number> & { w1: number; w3: number } = { w1: 0, w2: 0, w3: 0 };
    const waiting: { answer: () => void }[] = [];
    const open: ServerResponse[] = [];
    const w2Holds = condition(() => heldByW2.length > 0);
    const bothShared = condition(() => byWorker.w1 > 0 && byWorker.w3 > 0);
    const allIn = condition(() => log.size === ids.length);
    const server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      request.on('end', () => {
        const worker = String(request.headers['x-worker']);
        const key = String(request.headers['idempotency-key']);
        byWorker[worker] = (byWorker[worker] ?? 0) + 1;
        if (worker === 'w2') {
          heldByW2.push(key); // never answered: w2 dies holding the lease
          open.push(response);
          w2Holds.poke();
          return;
        }
        const answer = () => {
          expect((JSON.parse(body) as { id: string }).id).toBe(key);
          log.add(key);
          response.writeHead(200).end('ok');
          allIn.poke();
        };
        if (byWorker.w1 > 0 && byWorker.w3 > 0) {
          for (const held of waiting.splice(0)) held.answer();
          answer();
        } else waiting.push({ answer });
        bothShared.poke();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

    function start(workerId: string): Promise<ChildProcess> {
      const child = spawn(process.execPath, ['--conditions=@hazardflow/source', '--import', 'tsx', workerScript], {
        cwd: packageDir,
        env: {
          ...process.env,
          HAZARDFLOW_PG_URL: url,
          HF_SCHEMA: schema,
          HF_WORKER_ID: workerId,
          HF_RECEIVER: receiver,
          HF_LEASE_MS: String(LEASE_MS),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      return new Promise((resolve, reject) => {
        child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
          if (chunk.includes('ready')) resolve(child);
        });
        child.once('exit', (code) => reject(new Error(`${workerId} exited (${code}) before it was ready`)));
      });
    }

    try {
      const w2 = await start('w2');
      await w2Holds.until(); // w2 has claimed a batch and hangs delivering its first row
      const [w1, w3] = await Promise.all([start('w1'), start('w3')]);
      await bothShared.until();
      const w2Exit = new Promise((resolve) => w2.once('exit', (_code, signal) => resolve(signal)));
      w2.kill('SIGKILL');
      expect(await w2Exit).toBe('SIGKILL');
      for (const response of open) response.destroy();
      await allIn.until(); // including w2's rows, once their leases lapsed

      // The receipts are written just after each answer: wait for the last ones.
      let rows = await engine.deliveries({});
      while (rows.some((row) => row.status !== 'delivered')) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        rows = await engine.deliveries({});
      }
      expect([...log].sort()).toEqual([...ids].sort());
      const receipts = new Map(rows.map((row) => [row.id, row.receipt as { worker: string }]));
      expect([...receipts.values()].every((r) => r.worker === 'w1' || r.worker === 'w3')).toBe(true);
      // What w2 held was delivered by the others, on a later attempt.
      for (const id of heldByW2) {
        expect(rows.find((row) => row.id === id)?.attempts).toBeGreaterThanOrEqual(2);
      }
      expect(byWorker.w1).toBeGreaterThan(0);
      expect(byWorker.w3).toBeGreaterThan(0);
      for (const child of [w1, w3]) {
        const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    } finally {
      server.closeAllConnections();
      server.close();
      await store.close();
    }
  }, 120_000);
});
