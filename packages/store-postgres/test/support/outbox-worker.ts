/**
 * One engine process that only delivers notifications from a shared PostgreSQL outbox, for
 * the outbox delivery test: `node --conditions=@hazardflow/source --import tsx outbox-worker.ts`
 * with HAZARDFLOW_PG_URL, HF_SCHEMA, HF_WORKER_ID, HF_RECEIVER (a webhook URL) and
 * HF_LEASE_MS. It POSTs each notification with its id as `Idempotency-Key` and its worker id
 * in `X-Worker`, and prints `ready` once its dispatcher runs.
 */
import { definePolicyPack } from '@hazardflow/core';
import { createEngine } from '@hazardflow/engine';
import { createPostgresStore } from '@hazardflow/store-postgres';
import { referencePack } from '../../../core/test/fixtures/reference-pack';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`outbox-worker: ${name} is not set`);
  return value;
}

const workerId = env('HF_WORKER_ID');
const receiver = env('HF_RECEIVER');
const store = createPostgresStore({
  connectionString: env('HAZARDFLOW_PG_URL'),
  schema: env('HF_SCHEMA'),
  poolSize: 2,
});
await store.ready();
const engine = createEngine({
  packs: [definePolicyPack(referencePack)],
  store,
  workerId,
  delivery: { leaseMs: Number(env('HF_LEASE_MS')), batchSize: 4, baseDelayMs: 10, maxDelayMs: 50 },
  async deliver(notification) {
    const response = await fetch(receiver, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': notification.id, 'x-worker': workerId },
      body: JSON.stringify(notification),
    });
    if (!response.ok) throw new Error(`receiver answered ${response.status}`);
    return { worker: workerId };
  },
});
engine.on('error', (error) => process.stderr.write(`${workerId}: ${String(error)}\n`));
engine.start({ pollMs: 20 });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void engine.stop().then(() => store.close().then(() => process.exit(0)));
});
