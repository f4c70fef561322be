import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definePolicyPack } from '@hazardflow/core';
import { createEngine, createManualClock } from '@hazardflow/engine';
import { actors, pack, reportOf, START } from './lifecycle';

type SqliteModule = typeof import('@hazardflow/store-sqlite');

export interface MigrationRow {
  cases: number;
  planSeconds: number;
  migrateSeconds: number;
  casesPerSecond: number;
}

/**
 * Migration throughput on SQLite: `cases` open fire cases reported under one version, then
 * planned and migrated onto a newer version whose triage deadline differs, so every case gets
 * a new deadline and re-armed timers (one audited commit each).
 */
export async function measureMigration(sqlite: SqliteModule, cases: number): Promise<MigrationRow> {
  const from = definePolicyPack({ ...pack, version: '1.0.0' });
  const to = definePolicyPack({
    ...pack,
    version: '1.1.0',
    deadlines: { ...pack.deadlines, triage: { workingDays: 2 } },
  });
  const directory = mkdtempSync(join(tmpdir(), 'hazardflow-bench-migrate-'));
  try {
    const store = sqlite.createSqliteStore({ filename: join(directory, 'cases.sqlite'), durability: 'normal' });
    const clock = createManualClock(new Date(START));
    const old = createEngine({ packs: [from], store, clock });
    for (let i = 0; i < cases; i++) {
      const result = await old.report(reportOf(i), { actor: actors.gridWorker });
      if (!result.ok) throw new Error(result.error.message);
    }
    const engine = createEngine({ packs: [from, to], store, clock });
    const planStarted = performance.now();
    const plan = await engine.planMigration({ packId: pack.id, from: '1.0.0', to: '1.1.0' });
    const planSeconds = (performance.now() - planStarted) / 1000;
    const started = performance.now();
    const report = await engine.migrate(plan, { actor: { id: 'bench', role: 'command' } });
    const migrateSeconds = (performance.now() - started) / 1000;
    if (report.migrated !== cases) throw new Error(`migrated ${report.migrated} of ${cases}`);
    await store.close();
    return { cases, planSeconds, migrateSeconds, casesPerSecond: cases / migrateSeconds };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
