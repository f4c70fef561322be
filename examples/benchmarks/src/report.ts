import type { HttpSendRow } from './http';
import type { MachineInfo } from './machine-info';
import { markdownTable, type Table } from './markdown';
import type { ScaleRow, TimerRow } from './scale';
import type { SimulationRow } from './simulation';
import type { SqliteOpenRow, SqliteThroughputRow } from './sqlite';
import { formatBytes, formatDuration, formatNumber } from './stats';
import type { TargetCheck } from './targets';
import type { ThroughputRow } from './throughput';

export interface RunSettings {
  quick: boolean;
  rounds: number;
  timeMs: number;
  sample: number;
}

export interface Report {
  machine: MachineInfo;
  settings: RunSettings;
  throughput: ThroughputRow[];
  scale: ScaleRow[];
  /** Sizes asked for but not run, and why. */
  skipped: string[];
  timers: TimerRow | undefined;
  sqlite: { throughput: SqliteThroughputRow[]; reopen: SqliteOpenRow | undefined } | undefined;
  /** `send` over HTTP beside the engine's own, measured in the same run (absent in older reports). */
  http?: HttpSendRow[] | undefined;
  simulation: SimulationRow | undefined | 'skipped';
  targets: TargetCheck[];
}

export function throughputTable(rows: readonly ThroughputRow[]): Table {
  const actor = rows.find((row) => row.name === 'XState actor')?.commandsPerSecond ?? Number.NaN;
  const pure = rows.find((row) => row.name === 'XState transition()')?.commandsPerSecond ?? Number.NaN;
  return {
    header: [
      'contender',
      'commands/s',
      'vs actor',
      'vs transition()',
      'rounds (commands/s)',
      'what it does per command',
    ],
    numeric: [1, 2, 3],
    rows: rows.map((row) => [
      row.name,
      formatNumber(row.commandsPerSecond),
      `${(row.commandsPerSecond / actor).toFixed(2)}×`,
      `${(row.commandsPerSecond / pure).toFixed(2)}×`,
      row.rounds.map((r) => formatNumber(r)).join(' / '),
      row.description,
    ]),
  };
}

export function scaleTable(rows: readonly ScaleRow[]): Table {
  return {
    header: ['open cases', 'filled in', 'memory per case', 'commands timed', 'p50', 'p99', 'mean'],
    numeric: [0, 1, 2, 3, 4, 5, 6],
    rows: rows.map((row) => [
      formatNumber(row.openCases),
      `${row.populateSeconds.toFixed(1)} s`,
      formatBytes(row.bytesPerCase),
      formatNumber(row.sampleCommands),
      formatDuration(row.p50Ms),
      formatDuration(row.p99Ms),
      formatDuration(row.meanMs),
    ]),
  };
}

export function timersTable(row: TimerRow): Table {
  return {
    header: ['open cases', 'timers fired', 'time', 'timers/s'],
    numeric: [0, 1, 2, 3],
    rows: [
      [
        formatNumber(row.openCases),
        formatNumber(row.fired),
        `${row.seconds.toFixed(2)} s`,
        formatNumber(row.fired / row.seconds),
      ],
    ],
  };
}

export function sqliteTable(rows: readonly SqliteThroughputRow[]): Table {
  return {
    header: ['writer', 'commands/s'],
    numeric: [1],
    rows: rows.map((row) => [row.name, formatNumber(row.commandsPerSecond)]),
  };
}

export function httpSendTable(rows: readonly HttpSendRow[]): Table {
  const direct = rows[0]?.perSecond ?? Number.NaN;
  return {
    header: ['send', 'per second', 'vs engine.send'],
    numeric: [1, 2],
    rows: rows.map((row) => [
      row.name,
      `${formatNumber(row.perSecond)} ${row.unit}`,
      `${(row.perSecond / direct).toFixed(2)}×`,
    ]),
  };
}

export function sqliteOpenTable(row: SqliteOpenRow): Table {
  return {
    header: ['cases in the file', 'open', 'due timers fired', 'fire time', 'timers/s'],
    numeric: [0, 1, 2, 3, 4],
    rows: [
      [
        formatNumber(row.cases),
        formatDuration(row.openSeconds * 1000),
        formatNumber(row.fired),
        `${row.fireSeconds.toFixed(2)} s`,
        formatNumber(row.fired / row.fireSeconds),
      ],
    ],
  };
}

export function targetsTable(targets: readonly TargetCheck[]): Table {
  return {
    header: ['target', 'this run', 'met'],
    rows: targets.map((t) => [t.target, t.measured, t.met === undefined ? '—' : t.met ? 'yes' : 'no']),
  };
}

/** docs/benchmarks.md: the figures of this run, then the notes kept by hand (`notes`). */
export function renderReport(report: Report, notes: string): string {
  const { machine, settings } = report;
  const md = (table: Table) => markdownTable(table);
  const lines: string[] = [
    '# Benchmarks',
    '',
    '<!-- Written by `pnpm bench` (examples/benchmarks); edit examples/benchmarks/NOTES.md instead. -->',
    '',
    'How fast hazardflow runs a case, how lean it keeps one, and how the cost grows with the number of',
    'open cases. Run it yourself with `pnpm bench` (ten to twenty minutes on 2 cores, half of it filling a',
    'million cases; `--budget 0` skips that size; rewrites this file) or `pnpm bench --quick` (under',
    'a minute, prints only).',
    '',
    '## Machine',
    '',
    md({
      header: ['', ''],
      rows: [
        ['CPU', `${machine.cpu} × ${machine.cores}`],
        ['memory', machine.memory],
        ['OS', machine.platform],
        ['Node.js', machine.node],
        ['date (UTC)', machine.date],
        ['load average when the run started', machine.load.toFixed(2)],
        ['run', settings.quick ? 'quick' : 'full'],
      ],
    }),
    '',
    '## Method',
    '',
    '- **Event stream.** One general fire hazard (`@hazardflow/policy-fire`, category',
    '  `combustible-decoration`) from report to verified close: report → triage → notice →',
    '  acknowledge → submit rectification → verify (pass). Six commands per case, the same',
    '  payloads, actors and instants for every contender (`src/lifecycle.ts`).',
    `- **Throughput** with [tinybench](https://github.com/tinylibs/tinybench): one iteration is one whole`,
    `  case; the contenders take turns for ${settings.rounds} round(s) of ${settings.timeMs} ms each in rotating order, and`,
    '  the median round is reported, so a noisy neighbour slows all of them alike and the ratios hold.',
    '  Each round starts from a fresh engine and memory store (which keeps every case it is given).',
    '  The live actor gets a clock that schedules nothing (its delays run to days), the cheapest a live',
    '  actor can be.',
    '- **Cost as cases grow.** A memory store is filled by reporting cases through the engine one',
    '  after another (they stay open: reported, triage timer armed). Memory per case is the growth of',
    '  `process.memoryUsage().heapUsed` after forced garbage collection (`--expose-gc`), divided by the',
    `  number of cases. Latency is timed per command on ${formatNumber(settings.sample)} random cases (triage, then notice)`,
    '  plus as many new reports, one command at a time.',
    '- **Timers.** With the 100k-case store, the clock moves past every triage deadline and',
    '  `runDueTimers({ limit: 100000 })` is timed: each firing is a full command (restore, step,',
    '  view, audit entry, commit).',
    "- **SQLite.** The same stream on `@hazardflow/store-sqlite` with `durability: 'full'` and",
    "  `'normal'`; the floor is a plain better-sqlite3 loop that writes the same bytes (the JSON of every",
    '  commit of the stream, captured beforehand) in one WAL transaction per command with the same',
    '  `synchronous` setting. Then a file of open cases is reopened and its due timers fired.',
    '- Wall-clock times, one process, nothing else of ours running. Figures move by ±20% from run to',
    '  run on a shared machine; compare rows of one run, not runs.',
    '',
    '## 1. Throughput of one lifecycle',
    '',
    md(throughputTable(report.throughput)),
    '',
    '## 2. Cost as open cases grow (memory store)',
    '',
    md(scaleTable(report.scale)),
    '',
    'Memory per case is the growth of the heap over the fill, after forced garbage collection.',
    'With 1,000 cases that growth is only a megabyte or two, about what the rest of the heap',
    'moves between two measurements; the larger stores give the figure, and the target is',
    'judged at the largest.',
    '',
    ...(report.skipped.length > 0 ? [...report.skipped.map((s) => `- Not run: ${s}`), ''] : []),
    '## 3. Due timers',
    '',
    report.timers ? md(timersTable(report.timers)) : 'Not run.',
    '',
    '## 4. SQLite store',
    '',
    ...(report.sqlite
      ? [
          md(sqliteTable(report.sqlite.throughput)),
          '',
          report.sqlite.reopen ? md(sqliteOpenTable(report.sqlite.reopen)) : 'Reopening was not measured.',
          ...(report.http
            ? [
                '',
                '`send` over HTTP (`@hazardflow/http` on `@hono/node-server`, one keep-alive client on loopback:',
                'authentication, validation, the jurisdiction read, the engine) beside `engine.send`, in the',
                "same run, each on its own SQLite file with durability 'normal'. The report of each case is not",
                'timed; its five commands are.',
                '',
                md(httpSendTable(report.http)),
              ]
            : []),
        ]
      : ['Not measured: `@hazardflow/store-sqlite` could not be loaded in this checkout.']),
    '',
    '## 5. District simulation',
    '',
    report.simulation === 'skipped'
      ? 'Not run (quick run).'
      : report.simulation
        ? `\`pnpm demo\` (defaults, output to a temporary folder) took **${report.simulation.seconds.toFixed(1)} s** of wall time.${report.simulation.summary ? ` Its summary: “${report.simulation.summary}”.` : ''}`
        : 'Not measured: `examples/district-simulation` is not in this checkout.',
    '',
    '## Targets',
    '',
    md(targetsTable(report.targets)),
    '',
    notes.trim(),
    '',
  ];
  return lines.join('\n');
}
