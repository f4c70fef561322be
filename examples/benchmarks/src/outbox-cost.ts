import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HazardCommand } from '@hazardflow/core';
import { createEngine, createManualClock, createMemoryStore, type Engine, type HazardStore } from '@hazardflow/engine';
import { instantOf } from './contenders';
import { actors, COMMANDS_PER_CASE, lifecycleSteps, pack, reportOf, START } from './lifecycle';
import type { Table } from './markdown';
import { loadSqliteStore } from './sqlite';
import { formatNumber } from './stats';

/** One store's commands/s without the outbox, writing it, and writing and delivering it. */
export interface OutboxCostRow {
  store: string;
  without: number;
  written: number;
  delivered: number;
}

type Variant = 'without' | 'written' | 'delivered';

/** The lifecycle of the throughput section on an engine built for `variant`. */
function runner(store: HazardStore, variant: Variant): (i: number) => Promise<void> {
  const clock = createManualClock(new Date(START));
  const engine: Engine = createEngine({
    packs: [pack],
    store,
    clock,
    ...(variant === 'without' ? { outbox: false } : {}),
    ...(variant === 'delivered' ? { deliver: () => undefined } : {}),
  });
  return async (i) => {
    clock.set(instantOf(i, 0));
    const reported = await engine.report(reportOf(i), { actor: actors.gridWorker });
    if (!reported.ok) throw new Error(`report: ${reported.error.code} ${reported.error.message}`);
    for (let k = 1; k <= lifecycleSteps.length; k++) {
      const step = lifecycleSteps[k - 1] as (typeof lifecycleSteps)[number];
      clock.set(instantOf(i, k));
      const result = await engine.send(reported.case.id, step.command as HazardCommand, { actor: step.actor });
      if (!result.ok) throw new Error(`${step.command.type}: ${result.error.code} ${result.error.message}`);
    }
    if (variant === 'delivered') await engine.dispatchNotifications();
  };
}

async function commandsPerSecond(run: (i: number) => Promise<void>, timeMs: number, first: number): Promise<number> {
  await run(first - 1); // warm up
  const started = performance.now();
  let i = first;
  while (performance.now() - started < timeMs) await run(i++);
  return ((i - first) * COMMANDS_PER_CASE * 1000) / (performance.now() - started);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Section 6: what the outbox costs per command. The lifecycle of section 1 runs with
 * `outbox: false`, with the outbox written (no `deliver`), and written and delivered (a no-op
 * `deliver`, one dispatch pass per case), on the memory store and on SQLite (durability
 * 'normal', where the commit's own cost does not hide the difference). Rounds alternate the
 * variants (after a warm-up round), each on a fresh store; the median round counts.
 */
export async function measureOutboxCost(options: { rounds: number; timeMs: number }): Promise<OutboxCostRow[]> {
  const sqlite = await loadSqliteStore();
  const folder = mkdtempSync(join(tmpdir(), 'hazardflow-outbox-bench-'));
  const stores: { name: string; open: (file: string) => HazardStore }[] = [
    { name: 'memory', open: () => createMemoryStore() },
  ];
  if (sqlite) {
    stores.push({
      name: "SQLite, durability 'normal'",
      open: (file) => sqlite.createSqliteStore({ filename: join(folder, file), durability: 'normal' }),
    });
  }
  try {
    const rows: OutboxCostRow[] = [];
    for (const { name, open } of stores) {
      const samples: Record<Variant, number[]> = { without: [], written: [], delivered: [] };
      const variants: Variant[] = ['without', 'written', 'delivered'];
      // Round 0 only warms the JIT up and is dropped; then each round starts with another variant.
      for (let round = 0; round <= options.rounds; round++) {
        for (let v = 0; v < variants.length; v++) {
          const variant = variants[(v + round) % variants.length] as Variant;
          const store = open(`${variant}-${round}.db`);
          const measured = await commandsPerSecond(runner(store, variant), options.timeMs, 1);
          if (round > 0) samples[variant].push(measured);
          await store.close();
        }
      }
      rows.push({
        store: name,
        without: median(samples.without),
        written: median(samples.written),
        delivered: median(samples.delivered),
      });
    }
    return rows;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function outboxCostTable(rows: readonly OutboxCostRow[]): Table {
  const loss = (value: number, base: number) => `${(((base - value) / base) * 100).toFixed(1)}%`;
  return {
    header: ['store', 'no outbox', 'outbox written', 'loss', 'written + delivered', 'loss'],
    rows: rows.map((row) => [
      row.store,
      `${formatNumber(Math.round(row.without))}/s`,
      `${formatNumber(Math.round(row.written))}/s`,
      loss(row.written, row.without),
      `${formatNumber(Math.round(row.delivered))}/s`,
      loss(row.delivered, row.without),
    ]),
    numeric: [1, 2, 3, 4, 5],
  };
}
