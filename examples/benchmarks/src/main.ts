import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureHttpSend } from './http';
import { machineInfo } from './machine-info';
import { textTable } from './markdown';
import { measureMigration } from './migration';
import { measureOutboxCost, outboxCostTable } from './outbox-cost';
import { measureReads, readsTable } from './reads';
import {
  httpSendTable,
  type Report,
  renderReport,
  scaleTable,
  sqliteOpenTable,
  sqliteTable,
  targetsTable,
  throughputTable,
  timersTable,
} from './report';
import { collectGarbage, measureScale, measureTimers, type ScaleRow, type TimerRow } from './scale';
import { measureSimulation } from './simulation';
import { loadSqliteStore, measureSqliteReopen, measureSqliteThroughput } from './sqlite';
import { formatNumber } from './stats';
import { checkTargets } from './targets';
import { measureThroughput } from './throughput';

const USAGE = `pnpm bench [--quick] [--out <file>] [--budget <seconds>] [--only migration|outbox|reads]

  --only migration   run only the migration section (SQLite cases/s)
  --quick            CI-sized run (under a minute); prints only unless --out is given
  --out <file>       where to write the Markdown report (full run: docs/benchmarks.md)
  --only outbox      only section 6, the outbox's cost (prints only)
  --only reads       only section 7: queries and the assessment over 1k, 10k, 100k and 1M SQLite rows (prints only)
  --budget <s>       longest a 1M-case fill may take, estimated from the 100k one (default 600; 0 skips it)`;

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      budget: { type: 'string', default: '600' },
      help: { type: 'boolean', default: false },
      only: { type: 'string' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const quick = values.quick === true;
  const budgetSeconds = Number(values.budget);
  const settings = quick
    ? {
        quick,
        rounds: 1,
        timeMs: 500,
        sample: 300,
        sizes: [1_000, 10_000],
        timers: 10_000,
        sqliteMs: 1_000,
        reopen: 2_000,
      }
    : {
        quick,
        rounds: 3,
        timeMs: 2_000,
        sample: 2_000,
        sizes: [1_000, 100_000, 1_000_000],
        timers: 100_000,
        sqliteMs: 3_000,
        reopen: 20_000,
      };
  const out = values.out ?? (quick ? undefined : `${repoRoot}docs/benchmarks.md`);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const machine = machineInfo();
  log(`hazardflow benchmarks (${quick ? 'quick' : 'full'}) on ${machine.cpu} × ${machine.cores}, Node ${machine.node}`);

  if (values.only === 'migration') {
    await migrationSection(log, quick ? 1_000 : 10_000);
    return 0;
  }
  if (values.only === 'outbox') {
    await outboxSection(settings, log);
    return 0;
  }
  if (values.only === 'reads') {
    log('\n7. Reading at scale (SQLite): first page of 50 per filter, and the assessment by territory');
    const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000, 1_000_000];
    log(textTable(readsTable(await measureReads(sizes, quick ? 20 : 50, log, budgetSeconds))));
    return 0;
  }
  if (values.only !== undefined)
    throw new Error(`--only: "${values.only}" is not a section (migration, outbox, reads)`);

  log('\n1. Throughput of one lifecycle (report → verified close, 6 commands)');
  const throughput = await measureThroughput({ rounds: settings.rounds, timeMs: settings.timeMs });
  log(textTable(throughputTable(throughput)));

  // Sections 4 to 6 run before the million-case fill of section 2: after it, the heap it
  // leaves behind slowed every later section (outbox, SQLite) with collections of its own.
  log('\n4. SQLite store');
  const sqliteModule = await loadSqliteStore();
  let sqlite: Report['sqlite'];
  let http: Report['http'];
  if (sqliteModule) {
    const rows = await measureSqliteThroughput(sqliteModule, { timeMs: settings.sqliteMs });
    log(textTable(sqliteTable(rows)));
    const reopen = await measureSqliteReopen(sqliteModule, settings.reopen);
    log(textTable(sqliteOpenTable(reopen)));
    sqlite = { throughput: rows, reopen };
    log('\n4b. send over HTTP (@hazardflow/http) beside the engine, same run, same store');
    http = await measureHttpSend(sqliteModule, { timeMs: settings.sqliteMs });
    log(textTable(httpSendTable(http)));
  } else {
    log('   @hazardflow/store-sqlite is not available: skipped');
  }

  await migrationSection(log, quick ? 1_000 : 10_000);

  log('\n5. District simulation');
  const simulation = quick ? 'skipped' : measureSimulation(repoRoot);
  log(
    simulation === 'skipped'
      ? '   skipped in a quick run'
      : simulation
        ? `   pnpm demo: ${simulation.seconds.toFixed(1)} s`
        : '   examples/district-simulation is not in this checkout',
  );

  await outboxSection(settings, log);

  log('\n2. Cost as open cases grow (memory store)');
  const scale: ScaleRow[] = [];
  const skipped: string[] = [];
  let timers: TimerRow | undefined;
  for (const size of settings.sizes) {
    const previous = scale.at(-1);
    if (previous && previous.openCases >= 100_000) {
      const estimate = (previous.populateSeconds / previous.openCases) * size * 1.2;
      if (estimate > budgetSeconds) {
        skipped.push(
          `${formatNumber(size)} open cases: filling them would take about ${Math.round(estimate)} s at the ${formatNumber(previous.openCases)}-case rate, over the ${budgetSeconds} s budget (\`--budget\`)`,
        );
        log(`   skipped ${formatNumber(size)} cases (estimated ${Math.round(estimate)} s to fill)`);
        continue;
      }
    }
    log(`   filling ${formatNumber(size)} cases…`);
    const measured = await measureScale(size, {
      sample: settings.sample,
      onProgress: (done) => log(`     ${formatNumber(done)}`),
    });
    scale.push(measured.row);
    if (size === settings.timers) timers = await measureTimers(measured.populated, settings.timers);
    measured.populated.ids.length = 0;
    collectGarbage();
  }
  log(textTable(scaleTable(scale)));
  for (const line of skipped) log(`   not run: ${line}`);

  log('\n3. Due timers');
  if (timers) log(textTable(timersTable(timers)));

  const targets = checkTargets({ throughput, scale, timers, sqlite: sqlite?.throughput });
  log('\nTargets');
  log(textTable(targetsTable(targets)));

  if (out) {
    const notes = readFileSync(new URL('../NOTES.md', import.meta.url), 'utf8');
    const report: Report = {
      machine,
      settings: { quick, rounds: settings.rounds, timeMs: settings.timeMs, sample: settings.sample },
      throughput,
      scale,
      skipped,
      timers,
      sqlite,
      http,
      simulation,
      targets,
    };
    writeFileSync(out, renderReport(report, notes));
    log(`\nwrote ${out}`);
  }
  return 0;
}

/** Migration throughput on SQLite (its own section; `--only migration` runs just this). */
async function migrationSection(log: (line: string) => void, cases: number): Promise<void> {
  log(`\n4b. Migrating ${formatNumber(cases)} open cases between pack versions (SQLite)`);
  const sqliteModule = await loadSqliteStore();
  if (!sqliteModule) {
    log('   @hazardflow/store-sqlite is not available: skipped');
    return;
  }
  const row = await measureMigration(sqliteModule, cases);
  log(
    textTable({
      header: ['cases', 'plan (s)', 'migrate (s)', 'cases/s'],
      rows: [
        [
          formatNumber(row.cases),
          row.planSeconds.toFixed(2),
          row.migrateSeconds.toFixed(2),
          formatNumber(Math.round(row.casesPerSecond)),
        ],
      ],
      numeric: [0, 1, 2, 3],
    }),
  );
}

/** Section 6: commands/s without the outbox, with it written, and with it delivered (memory and SQLite). */
async function outboxSection(settings: { rounds: number; timeMs: number }, log: (line: string) => void) {
  log('\n6. Outbox cost (commands/s; the same lifecycle as section 1)');
  const rows = await measureOutboxCost({ rounds: settings.rounds, timeMs: settings.timeMs });
  log(textTable(outboxCostTable(rows)));
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
