/**
 * The process the crash test kills. Runs the command stream of `crash-script.ts` on a SQLite
 * store from step `from` to the end, printing one JSON line per acknowledged command (after
 * its commit returned), `ready` once the store is open and `done` at the end.
 *
 *   node <bundle of this file> <db> <seed> <steps> <from> [dieAfterCommitAt]
 *
 * (The test bundles it with esbuild, resolving workspace packages to their sources.)
 *
 * With `dieAfterCommitAt`, the process SIGKILLs itself right after the first command it
 * commits from that step on, before the ack: the next run must re-send it and get the first
 * result back.
 */
import { type AuditEntry, type CommandResult, createManualClock } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import {
  type Ack,
  commandIdOf,
  crashEngine,
  fireDueTimers,
  instantOf,
  type Planned,
  planStep,
  sendPlanned,
} from './crash-script';

const [filename, seedArg, stepsArg, fromArg, dieArg] = process.argv.slice(2);
if (!filename || !seedArg || !stepsArg || !fromArg) throw new Error('usage: crash-child <db> <seed> <steps> <from>');
const seed = Number(seedArg);
const steps = Number(stepsArg);
const from = Number(fromArg);
const dieAfterCommitAt = dieArg === undefined ? -1 : Number(dieArg);

const print = (line: string) => process.stdout.write(`${line}\n`); // synchronous on a pipe

const store = createSqliteStore({ filename });
const clock = createManualClock(instantOf(from));
const engine = crashEngine(store, clock);
// Cases in report order; each step reports at most one case, at its own instant.
const caseIds = (await store.query({}, { limit: 10_000 })).items.map((view) => view.id);
print('ready');

/** A command of this step that a killed run committed but never acknowledged, read back from the audit trail. */
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

for (let step = from; step <= steps; step++) {
  clock.set(instantOf(step));
  const earlier = step < steps ? await committedEarlier(step) : undefined;
  // Timers of this step all fired before its command was committed.
  if (!earlier) await fireDueTimers(engine);
  if (step === steps) break;
  const planned = earlier ?? (await planStep(seed, step, engine, caseIds));
  const result = await sendPlanned(engine, planned, step, caseIds);
  if (dieAfterCommitAt >= 0 && step >= dieAfterCommitAt && result.ok) process.kill(process.pid, 'SIGKILL');
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
}
print('done');
await store.close();
