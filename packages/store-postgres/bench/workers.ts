/**
 * Commands per second with 1, 2 and 4 engine processes on one PostgreSQL database.
 *
 *   HAZARDFLOW_PG_URL=postgres://… pnpm --filter @hazardflow/store-postgres bench
 *
 * Each worker is a separate process (the engine, the reference pack and a pool of 8
 * connections) running `lanes` concurrent case walks: report, triage, notice, acknowledge,
 * rectify, verify, with a comment every third step; every command is one version-guarded
 * transaction. Each run gets a fresh schema, dropped afterwards. Prints a Markdown table for
 * docs/scaling.md. Options: BENCH_SECONDS (default 10), BENCH_LANES per worker (default 8),
 * BENCH_WORKERS (default "1,2,4").
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { startWorker } from '../test/support/worker-processes';
import type { LoadResult } from '../test/support/worker-protocol';

const url = process.env.HAZARDFLOW_PG_URL;
if (!url) {
  console.error('HAZARDFLOW_PG_URL is not set (for a throwaway server: source .ci/services.sh)');
  process.exit(1);
}
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const lanes = Number(process.env.BENCH_LANES ?? 8);
const counts = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);

const admin = new pg.Pool({ connectionString: url, max: 1 });
const serverVersion =
  (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?';
const settings = await admin.query<{ name: string; setting: string }>(
  "SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit') ORDER BY name",
);

interface Row {
  workers: number;
  commands: number;
  perSecond: number;
  conflicts: number;
  /** CPU per command in the engine processes and in their PostgreSQL backends (null: server not local). */
  nodeCpuMs: number;
  serverCpuMs: number | null;
}

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/**
 * CPU milliseconds each of the stores' server backends has used so far, read from /proc: only
 * when the server runs on this machine (and we may read its processes); otherwise undefined.
 */
async function backendCpu(): Promise<Map<number, number> | undefined> {
  const { rows } = await admin.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE application_name = 'hazardflow' AND datname = current_database()",
  );
  const cpu = new Map<number, number>();
  try {
    for (const { pid } of rows) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1_000);
    }
  } catch {
    return undefined;
  }
  return cpu;
}

async function run(workers: number): Promise<Row> {
  const schema = `hf_bench_${workers}_${process.pid}_${Date.now().toString(36)}`;
  const handles = [];
  try {
    // Start one after another: the first migrates the schema, the rest find it current.
    for (let w = 0; w < workers; w++) {
      // A fixed instant inside the calendar's coverage: deadlines never fall due during a run.
      handles.push(
        await startWorker({
          url: url as string,
          schema,
          workerId: `bench-${w}`,
          pollMs: 1_000,
          clockStart: '2026-03-02T02:00:00.000Z',
        }),
      );
    }
    const serverBefore = await backendCpu();
    const results = (await Promise.all(
      handles.map((h) => h.call({ kind: 'load', durationMs: seconds * 1_000, lanes })),
    )) as LoadResult[];
    const serverAfter = await backendCpu();
    const commands = results.reduce((sum, r) => sum + r.commands, 0);
    const elapsed = Math.max(...results.map((r) => r.elapsedMs)) / 1_000;
    // Connections opened during the run count from zero.
    const serverMs =
      serverBefore && serverAfter
        ? [...serverAfter].reduce((sum, [pid, ms]) => sum + ms - (serverBefore.get(pid) ?? 0), 0)
        : null;
    return {
      workers,
      commands,
      perSecond: Math.round(commands / elapsed),
      conflicts: results.reduce((sum, r) => sum + r.conflicts, 0),
      nodeCpuMs: results.reduce((sum, r) => sum + r.cpuMs, 0) / commands,
      serverCpuMs: serverMs === null ? null : serverMs / commands,
    };
  } finally {
    for (const h of handles) {
      if (h.alive) await h.call({ kind: 'stop' }).catch(() => undefined);
      await h.exited;
    }
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}

// Other work on the machine skews every figure: the load average goes into the report.
const loadBefore = os.loadavg()[0] ?? 0;
const rows: Row[] = [];
for (const workers of counts) {
  const row = await run(workers);
  rows.push(row);
  console.error(`${workers} worker(s): ${row.perSecond} commands/s`);
}
await admin.end();

const base = rows[0]?.perSecond ?? 1;
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB,`,
);
console.log(
  `Node ${process.version}, PostgreSQL ${serverVersion} on the same machine (${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}),`,
);
console.log(
  `${seconds} s per run, ${lanes} concurrent case walks per worker; 1-minute load average ${loadBefore.toFixed(1)} before, ${(os.loadavg()[0] ?? 0).toFixed(1)} after.\n`,
);
console.log(
  '| workers | commands | commands/s | vs 1 worker | CPU per command: engine | CPU per command: PostgreSQL | version conflicts |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const server = r.serverCpuMs === null ? 'n/a' : `${r.serverCpuMs.toFixed(2)} ms`;
  console.log(
    `| ${r.workers} | ${r.commands} | ${r.perSecond} | ${(r.perSecond / base).toFixed(2)}× | ${r.nodeCpuMs.toFixed(2)} ms | ${server} | ${r.conflicts} |`,
  );
}
