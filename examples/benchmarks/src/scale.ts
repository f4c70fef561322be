import type { HazardCommand } from '@hazardflow/core';
import {
  createEngine,
  createManualClock,
  createMemoryStore,
  type Engine,
  type HazardStore,
  type ManualClock,
} from '@hazardflow/engine';
import { actors, lifecycleSteps, pack, reportOf, START } from './lifecycle';
import { quantile } from './stats';

export interface ScaleRow {
  openCases: number;
  /** Seconds to report every case through the engine. */
  populateSeconds: number;
  /** Heap growth after garbage collection, per open case. */
  bytesPerCase: number;
  sampleCommands: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

/** An engine on a memory store filled with open cases, kept for the timer measurement. */
export interface Populated {
  engine: Engine;
  clock: ManualClock;
  ids: string[];
}

/** Cases are reported 10 ms apart, so a million of them fit in three hours of one day. */
const REPORT_SPACING_MS = 10;

export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (pnpm bench does)');
  for (let i = 0; i < 3; i++) gc();
}

/** Reports `count` cases through the engine, one after another; they stay open (reported). */
export async function populate(count: number, onProgress?: (done: number) => void): Promise<Populated> {
  return populateInto(createMemoryStore(), count, onProgress);
}

/** Reports `count` cases into `store` through an engine on a manual clock. */
export async function populateInto(
  store: HazardStore,
  count: number,
  onProgress?: (done: number) => void,
): Promise<Populated> {
  const clock = createManualClock(new Date(START));
  const engine = createEngine({ packs: [pack], store, clock });
  const ids: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    clock.set(new Date(START + i * REPORT_SPACING_MS));
    const result = await engine.report(reportOf(i), { actor: actors.gridWorker });
    if (!result.ok) throw new Error(`report ${i}: ${result.error.code} ${result.error.message}`);
    ids[i] = result.case.id;
    if (onProgress && (i + 1) % 50_000 === 0) onProgress(i + 1);
  }
  return { engine, clock, ids };
}

/**
 * Section 2 for one size: fill a memory store with `count` open cases, measure the heap they
 * take, then time a sample of commands spread over the whole store (triage and notice on
 * random cases, and new reports), one at a time.
 */
export async function measureScale(
  count: number,
  options: { sample: number; onProgress?: (done: number) => void },
): Promise<{ row: ScaleRow; populated: Populated }> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const populated = await populate(count, options.onProgress);
  const populateSeconds = (performance.now() - started) / 1000;
  collectGarbage();
  const bytesPerCase = (process.memoryUsage().heapUsed - before) / count;

  const { engine, clock, ids } = populated;
  clock.set(new Date(START + count * REPORT_SPACING_MS + 60_000));
  const random = lcg(count);
  const latencies: number[] = [];
  const warmup = Math.min(200, Math.floor(options.sample / 5));
  // Each sample takes a case nobody has touched yet: a random one of the store while any
  // are left, then the cases reported by earlier samples.
  const picked = new Set<number>();
  const fresh: string[] = [];
  const [triage, notice] = lifecycleSteps;
  if (!triage || !notice) throw new Error('lifecycle too short');
  for (let n = 0; n < warmup + options.sample; n++) {
    let id: string;
    if (picked.size < count) {
      let index = random() % count;
      while (picked.has(index)) index = (index + 1) % count;
      picked.add(index);
      id = ids[index] as string;
    } else {
      id = fresh.shift() as string;
    }
    const timed = async <R extends { ok: boolean }>(work: () => Promise<R>): Promise<R> => {
      const t0 = performance.now();
      const result = await work();
      const elapsed = performance.now() - t0;
      if (!result.ok) throw new Error(`sample command failed: ${JSON.stringify(result)}`);
      if (n >= warmup) latencies.push(elapsed);
      return result;
    };
    clock.advanceBy(1_000);
    await timed(() => engine.send(id, triage.command as HazardCommand, { actor: triage.actor }));
    await timed(() => engine.send(id, notice.command as HazardCommand, { actor: notice.actor }));
    const reported = await timed(() => engine.report(reportOf(count + n), { actor: actors.gridWorker }));
    if (reported.ok) fresh.push(reported.case.id);
  }
  return {
    row: {
      openCases: count,
      populateSeconds,
      bytesPerCase,
      sampleCommands: latencies.length,
      p50Ms: quantile(latencies, 0.5),
      p99Ms: quantile(latencies, 0.99),
      meanMs: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    },
    populated,
  };
}

export interface TimerRow {
  openCases: number;
  fired: number;
  seconds: number;
}

/**
 * Section 3: with every case's triage timers long due, time `runDueTimers` firing `limit`
 * of them (each a full command: restore, step, view, audit entry, commit).
 */
export async function measureTimers(populated: Populated, limit: number): Promise<TimerRow> {
  const { engine, clock, ids } = populated;
  // Past every case's triage deadline (3 working days) but inside 2025.
  clock.advanceBy(14 * 24 * 3_600_000);
  const started = performance.now();
  const fired = await engine.runDueTimers({ limit });
  const seconds = (performance.now() - started) / 1000;
  return { openCases: ids.length, fired, seconds };
}

/** A small deterministic generator of non-negative integers (numerical recipes' LCG). */
function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state;
  };
}
