import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HazardCommand } from '@hazardflow/core';
import { type Commit, createEngine, createManualClock, createMemoryStore, type HazardStore } from '@hazardflow/engine';
import Database from 'better-sqlite3';
import { engineRunner } from './contenders';
import { actors, COMMANDS_PER_CASE, lifecycleSteps, pack, reportOf, START } from './lifecycle';
import { populateInto } from './scale';

export interface SqliteThroughputRow {
  name: string;
  commandsPerSecond: number;
}

export interface SqliteOpenRow {
  cases: number;
  openSeconds: number;
  fired: number;
  fireSeconds: number;
}

type SqliteModule = typeof import('@hazardflow/store-sqlite');

/** The SQLite store, or undefined while the package is not built yet. */
export async function loadSqliteStore(): Promise<SqliteModule | undefined> {
  try {
    return await import('@hazardflow/store-sqlite');
  } catch {
    return undefined;
  }
}

/** What one commit writes, as the SQLite store serialises it. */
interface CommitBytes {
  caseId: string;
  version: number;
  view: string;
  snapshot: string;
  auditSeq: number;
  audit: string;
  timers: { timerId: string; dueAt: string; event: string }[];
  cancel: string[];
}

/** A memory store that also keeps the bytes of every commit. */
function recordingStore(into: CommitBytes[]): HazardStore {
  const store = createMemoryStore();
  return {
    ...store,
    async commit(commit: Commit) {
      into.push({
        caseId: commit.caseId,
        version: commit.record.view.version,
        view: JSON.stringify(commit.record.view),
        snapshot: JSON.stringify(commit.record.snapshot),
        auditSeq: commit.audit.seq,
        audit: JSON.stringify(commit.audit),
        timers: commit.timers.set.map((row) => ({
          timerId: row.timerId,
          dueAt: row.dueAt,
          event: JSON.stringify(row.event),
        })),
        cancel: commit.timers.cancel,
      });
      return store.commit(commit);
    },
  };
}

/** Runs `run(i)` for i = 1, 2, … until `timeMs` has passed; returns commands per second. */
async function timedCases(run: (i: number) => unknown, timeMs: number, first = 1): Promise<number> {
  const started = performance.now();
  let i = first;
  while (performance.now() - started < timeMs) await run(i++);
  return ((i - first) * COMMANDS_PER_CASE * 1000) / (performance.now() - started);
}

/** Clients sending at once in the concurrent rows: an HTTP service's worth of requests in flight. */
export const CLIENTS = 16;

/**
 * `CLIENTS` lifecycles at a time on one engine, each client running its cases one command
 * after another, as concurrent requests to a service do. The engine runs on the system clock
 * here (clients interleave, so no single manual instant fits them all); no timer falls due.
 */
async function timedConcurrentCases(store: HazardStore, timeMs: number): Promise<number> {
  const engine = createEngine({ packs: [pack], store });
  const lifecycle = async (i: number) => {
    const reported = await engine.report(reportOf(i), { actor: actors.gridWorker });
    if (!reported.ok) throw new Error(`report: ${reported.error.code} ${reported.error.message}`);
    for (const step of lifecycleSteps) {
      const result = await engine.send(reported.case.id, step.command as HazardCommand, { actor: step.actor });
      if (!result.ok) throw new Error(`${step.command.type}: ${result.error.code} ${result.error.message}`);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, j) => lifecycle(-1 - j))); // warm up
  const started = performance.now();
  let next = 1;
  let done = 0;
  const client = async () => {
    while (performance.now() - started < timeMs) {
      await lifecycle(next++);
      done++;
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return (done * COMMANDS_PER_CASE * 1000) / (performance.now() - started);
}

/**
 * Section 4a: the engine on the SQLite store with full and normal durability, and, as the
 * floor, a plain better-sqlite3 loop writing the same bytes (the JSON of every commit of the
 * same lifecycle stream, captured beforehand) in one WAL transaction per command with the
 * same `synchronous` setting. The same number of cases run on each.
 */
export async function measureSqliteThroughput(
  sqlite: SqliteModule,
  options: { timeMs: number },
): Promise<SqliteThroughputRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'hazardflow-bench-'));
  try {
    const rows: SqliteThroughputRow[] = [];
    for (const durability of ['full', 'normal'] as const) {
      const store = sqlite.createSqliteStore({ filename: join(folder, `engine-${durability}.db`), durability });
      const run = engineRunner(store);
      await run(0); // warm up
      rows.push({
        name: `engine, SQLite store, durability '${durability}'`,
        commandsPerSecond: await timedCases(run, options.timeMs),
      });
      await store.close();
      if (durability === 'full') {
        for (const groupCommit of [true, false]) {
          const concurrent = sqlite.createSqliteStore({
            filename: join(folder, `engine-concurrent-${groupCommit}.db`),
            durability,
            groupCommit,
          });
          rows.push({
            name: `engine, SQLite store, durability 'full', ${CLIENTS} clients at once, group commit ${groupCommit ? 'on' : 'off'}`,
            commandsPerSecond: await timedConcurrentCases(concurrent, options.timeMs),
          });
          await concurrent.close();
        }
      }

      const bytes: CommitBytes[] = [];
      const recorder = engineRunner(recordingStore(bytes));
      const cases = Math.max(50, Math.round((rows.at(-1)?.commandsPerSecond ?? 0) / COMMANDS_PER_CASE) * 2);
      for (let i = 1; i <= cases; i++) await recorder(i);
      rows.push({
        name: `better-sqlite3 insert loop, synchronous ${durability === 'full' ? 'FULL' : 'NORMAL'}`,
        commandsPerSecond: rawInsertLoop(join(folder, `raw-${durability}.db`), durability, bytes, options.timeMs),
      });
    }
    return rows;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** One transaction per recorded commit: upsert the case row, append the audit entry, set and delete timers. */
function rawInsertLoop(filename: string, durability: 'full' | 'normal', bytes: CommitBytes[], timeMs: number): number {
  const db = new Database(filename);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
  db.exec(`
    CREATE TABLE cases (id TEXT PRIMARY KEY, version INTEGER NOT NULL, view TEXT NOT NULL, snapshot TEXT NOT NULL);
    CREATE TABLE audit (case_id TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (case_id, seq));
    CREATE TABLE timers (case_id TEXT NOT NULL, timer_id TEXT NOT NULL, due_at TEXT NOT NULL, event TEXT NOT NULL,
      PRIMARY KEY (case_id, timer_id));`);
  const upsertCase = db.prepare(
    `INSERT INTO cases (id, version, view, snapshot) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, view = excluded.view, snapshot = excluded.snapshot`,
  );
  const insertAudit = db.prepare('INSERT INTO audit (case_id, seq, entry) VALUES (?, ?, ?)');
  const upsertTimer = db.prepare(
    `INSERT INTO timers (case_id, timer_id, due_at, event) VALUES (?, ?, ?, ?)
     ON CONFLICT (case_id, timer_id) DO UPDATE SET due_at = excluded.due_at, event = excluded.event`,
  );
  const deleteTimer = db.prepare('DELETE FROM timers WHERE case_id = ? AND timer_id = ?');
  const write = db.transaction((commit: CommitBytes, suffix: string) => {
    const caseId = commit.caseId + suffix;
    upsertCase.run(caseId, commit.version, commit.view, commit.snapshot);
    insertAudit.run(caseId, commit.auditSeq, commit.audit);
    for (const timerId of commit.cancel) deleteTimer.run(caseId, timerId);
    for (const timer of commit.timers) upsertTimer.run(caseId, timer.timerId, timer.dueAt, timer.event);
  });
  const started = performance.now();
  let written = 0;
  // Replays the recorded stream, with fresh case ids on each pass, until the time is up.
  for (let pass = 0; performance.now() - started < timeMs; pass++) {
    for (const commit of bytes) {
      write.immediate(commit, `-${pass}`);
      written++;
      if ((written & 63) === 0 && performance.now() - started >= timeMs) break;
    }
  }
  const perSecond = (written * 1000) / (performance.now() - started);
  db.close();
  return perSecond;
}

/**
 * Section 4b: a SQLite file holding `count` open cases (reported through the engine with
 * normal durability), closed, then opened again: the time to open it, and the time for a new
 * engine to fire the due timer of every case (catch-up after downtime).
 */
export async function measureSqliteReopen(sqlite: SqliteModule, count: number): Promise<SqliteOpenRow> {
  const folder = mkdtempSync(join(tmpdir(), 'hazardflow-bench-'));
  const filename = join(folder, 'cases.db');
  try {
    const filling = sqlite.createSqliteStore({ filename, durability: 'normal' });
    await populateInto(filling, count);
    await filling.close();

    const opening = performance.now();
    const store = sqlite.createSqliteStore({ filename, durability: 'full' });
    const openSeconds = (performance.now() - opening) / 1000;
    const clock = createManualClock(new Date(START + 14 * 24 * 3_600_000));
    const engine = createEngine({ packs: [pack], store, clock });
    const firing = performance.now();
    const fired = await engine.runDueTimers({ limit: count });
    const fireSeconds = (performance.now() - firing) / 1000;
    await store.close();
    return { cases: count, openSeconds, fired, fireSeconds };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
