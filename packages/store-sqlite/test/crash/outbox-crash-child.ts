/**
 * The process the outbox crash test kills. Runs the command stream of `crash-script.ts` on a
 * SQLite store from step `from`, with a `deliver` handler that POSTs each notification to the
 * parent's receiver (HMAC-SHA256 signature, notification id as `Idempotency-Key`), and
 * delivers the outbox after every step. Prints `ready`, one JSON ack line per command,
 * `delivered <n>` after each dispatch, and `done` once nothing is pending after the last step.
 *
 *   node <bundle of this file> <db> <seed> <steps> <from> <receiverUrl> <secret>
 */
import { createHmac } from 'node:crypto';
import { type AuditEntry, type CommandResult, createEngine, createManualClock } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import { pack } from '../../../engine/test/support';
import { type Ack, commandIdOf, fireDueTimers, instantOf, type Planned, planStep, sendPlanned } from './crash-script';

const [filename, seedArg, stepsArg, fromArg, url, secret] = process.argv.slice(2);
if (!filename || !seedArg || !stepsArg || !fromArg || !url || !secret) {
  throw new Error('usage: outbox-crash-child <db> <seed> <steps> <from> <receiverUrl> <secret>');
}
const seed = Number(seedArg);
const steps = Number(stepsArg);
const from = Number(fromArg);
const print = (line: string) => process.stdout.write(`${line}\n`);

const store = createSqliteStore({ filename, durability: 'normal' });
const clock = createManualClock(instantOf(from));
const engine = createEngine({
  packs: [pack],
  store,
  clock,
  workerId: 'outbox-crash-child',
  timerLeaseMs: 0,
  // Leases of 0 ms: a killed run's claims lapse at once; one process delivers at a time.
  delivery: { leaseMs: 0, maxAttempts: 1_000, baseDelayMs: 1, maxDelayMs: 10 },
  async deliver(notification) {
    const body = JSON.stringify(notification);
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': notification.id,
        'x-signature-sha256': createHmac('sha256', secret).update(body).digest('hex'),
      },
      body,
    });
    if (!response.ok) throw new Error(`receiver answered ${response.status}`);
    return { status: response.status };
  },
});
const caseIds = (await store.query({}, { limit: 10_000 })).items.map((view) => view.id);
print('ready');

async function committedEarlier(step: number): Promise<Planned | undefined> {
  const result = (await store.getIdempotentResult(commandIdOf(step))) as CommandResult | undefined;
  if (!result?.ok) return undefined;
  const entry = (await store.history(result.case.id)).find((e: AuditEntry) => e.commandId === commandIdOf(step));
  if (!entry) throw new Error(`step ${step}: idempotency key without its audit entry`);
  return {
    kind: entry.command === 'REPORT' ? 'report' : 'send',
    caseIndex: caseIds.indexOf(result.case.id),
    actor: entry.actor,
    command: { type: entry.command, ...(entry.payload as Record<string, unknown>) },
  };
}

async function deliverDue(): Promise<void> {
  const { delivered } = await engine.dispatchNotifications();
  print(`delivered ${delivered}`);
}

for (let step = from; step <= steps; step++) {
  clock.set(instantOf(step));
  const earlier = step < steps ? await committedEarlier(step) : undefined;
  if (!earlier) await fireDueTimers(engine);
  await deliverDue();
  if (step === steps) break;
  const planned = earlier ?? (await planStep(seed, step, engine, caseIds));
  const result = await sendPlanned(engine, planned, step, caseIds);
  if (planned.kind === 'report' && result.ok && !caseIds.includes(result.case.id)) caseIds.push(result.case.id);
  const ack: Ack = {
    step,
    ...planned,
    caseIndex: planned.kind === 'report' && result.ok ? caseIds.indexOf(result.case.id) : planned.caseIndex,
    ok: result.ok,
    version: result.ok ? result.case.version : null,
    code: result.ok ? null : result.error.code,
    replayed: result.ok ? result.replayed === true : false,
  };
  print(JSON.stringify(ack));
  await deliverDue();
}
// Drain: retries wait at most 10 ms of engine time.
while ((await engine.deliveries({ status: 'pending' })).length > 0) {
  clock.advanceBy(10);
  await deliverDue();
}
print('done');
await store.close();
