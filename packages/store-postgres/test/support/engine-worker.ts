/**
 * One engine process on a shared PostgreSQL schema, driven over IPC by the multi-worker test
 * and the benchmark. Run as `node --conditions=@hazardflow/source --import tsx engine-worker.ts`
 * with HAZARDFLOW_PG_URL, HF_SCHEMA and HF_WORKER_ID set; HF_CLOCK_START gives it a manual
 * clock the parent moves, HF_POLL_MS > 0 starts its timer poller, HF_LEASE_MS sets its lease.
 */
import { definePolicyPack, type HazardCommand, type Status } from '@hazardflow/core';
import {
  type Clock,
  createEngine,
  createManualClock,
  type HazardStore,
  type ManualClock,
  systemClock,
} from '@hazardflow/engine';
import { createPostgresStore } from '@hazardflow/store-postgres';
import { referencePack } from '../../../core/test/fixtures/reference-pack';
import type { LoadResult, WorkerReply, WorkerRequest } from './worker-protocol';
import { nextCommand, people, reportInput } from './workload';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`engine-worker: ${name} is not set`);
  return value;
}

const workerId = env('HF_WORKER_ID');
const manual: ManualClock | undefined = process.env.HF_CLOCK_START
  ? createManualClock(process.env.HF_CLOCK_START)
  : undefined;
// The parent moves "now"; the poller (HF_POLL_MS) still waits in real time.
const clock: Clock = manual
  ? { now: () => manual.now(), setTimeout: systemClock.setTimeout, clearTimeout: systemClock.clearTimeout }
  : systemClock;
const store = createPostgresStore({
  connectionString: env('HAZARDFLOW_PG_URL'),
  schema: env('HF_SCHEMA'),
  poolSize: Number(process.env.HF_POOL_SIZE ?? 8),
});
/** Set by a `hold` request: the next claim that gets timers reports their count and never returns. */
let hold: ((count: number) => void) | undefined;
const engineStore: HazardStore = {
  ...store,
  async claimDueTimers(now, options) {
    const claimed = await store.claimDueTimers(now, options);
    if (!hold || claimed.length === 0) return claimed;
    hold(claimed.length);
    return new Promise<never>(() => undefined); // the leases stay taken until the parent kills this process
  },
};
const engine = createEngine({
  packs: [definePolicyPack(referencePack)],
  store: engineStore,
  clock,
  workerId,
  timerLeaseMs: Number(process.env.HF_LEASE_MS ?? 60_000),
});

const pollMs = Number(process.env.HF_POLL_MS ?? 0);

function reply(message: WorkerReply): void {
  process.send?.(message);
}

engine.on('error', (error) => reply({ kind: 'engine-error', message: String(error) }));

/** Benchmark lanes: each walks cases from report to close, one command at a time. */
async function load(durationMs: number, lanes: number): Promise<LoadResult> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result: LoadResult = { commands: 0, conflicts: 0, rejected: 0, elapsedMs: 0, cpuMs: 0 };
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (performance.now() - started < durationMs) {
        const reported = await engine.report(reportInput(next++), { actor: people.gridWorker });
        if (!reported.ok) throw new Error(reported.error.message);
        result.commands++;
        let status: Status = reported.case.status;
        let steps = 0;
        while (status !== 'closed' && performance.now() - started < durationMs) {
          const planned = nextCommand(status, steps++ % 3 === 2);
          const sent = await engine.send(reported.case.id, planned.command as HazardCommand, { actor: planned.actor });
          if (sent.ok) {
            result.commands++;
            status = sent.case.status;
          } else if (sent.error.code === 'VERSION_CONFLICT') result.conflicts++;
          else result.rejected++;
        }
      }
    }),
  );
  result.elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  result.cpuMs = (cpu.user + cpu.system) / 1_000;
  return result;
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.kind) {
    case 'report':
      reply({
        kind: 'result',
        id: request.id,
        result: await engine.report(request.input as never, { actor: request.actor, commandId: request.commandId }),
      });
      return;
    case 'send':
      reply({
        kind: 'result',
        id: request.id,
        result: await engine.send(request.caseId, request.command as HazardCommand, {
          actor: request.actor,
          commandId: request.commandId,
        }),
      });
      return;
    case 'clock':
      if (!manual) throw new Error('this worker runs on the system clock');
      manual.set(request.at);
      reply({ kind: 'done', id: request.id });
      return;
    case 'drain': {
      let fired = 0;
      for (let n = await engine.runDueTimers(); n > 0; n = await engine.runDueTimers()) fired += n;
      reply({ kind: 'done', id: request.id, value: fired });
      return;
    }
    case 'hold': {
      await engine.stop(); // no pass of the poller is running, so the claim below is the only one
      const held = new Promise<number>((resolve) => {
        hold = resolve;
      });
      const count = await Promise.race([held, engine.runDueTimers().then(() => 0)]);
      if (count === 0) {
        hold = undefined;
        if (pollMs > 0) engine.start({ pollMs });
      }
      reply({ kind: 'done', id: request.id, value: count });
      return;
    }
    case 'load':
      reply({ kind: 'done', id: request.id, value: await load(request.durationMs, request.lanes) });
      return;
    case 'stop':
      await engine.stop();
      await store.close();
      reply({ kind: 'done', id: request.id });
      process.disconnect();
      return;
  }
}

process.on('message', (request: WorkerRequest) => {
  handle(request).catch((error: unknown) => reply({ kind: 'failed', id: request.id, message: String(error) }));
});
// The parent went away (a crashed test run): do not linger holding connections.
process.on('disconnect', () => {
  void engine
    .stop()
    .then(() => store.close())
    .finally(() => process.exit(0));
});

await store.ready();
if (pollMs > 0) engine.start({ pollMs });
reply({ kind: 'ready', workerId });
