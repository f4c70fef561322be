import type { ScaleRow, TimerRow } from './scale';
import type { SqliteThroughputRow } from './sqlite';
import { formatBytes, formatNumber } from './stats';
import type { ThroughputRow } from './throughput';

export interface TargetCheck {
  target: string;
  measured: string;
  /** undefined when the run did not measure it. */
  met: boolean | undefined;
}

export interface Results {
  throughput: ThroughputRow[];
  scale: ScaleRow[];
  timers: TimerRow | undefined;
  sqlite: SqliteThroughputRow[] | undefined;
}

/** The targets of issue 25 (which tightened issue 10's), each checked against this run's figures. */
export function checkTargets(results: Results): TargetCheck[] {
  const rate = (name: string) => results.throughput.find((row) => row.name === name)?.commandsPerSecond;
  const actor = rate('XState actor');
  const engine = rate('engine, memory store');
  const ratio = actor && engine ? engine / actor : undefined;

  const largest = results.scale.at(-1);

  const timers = results.timers;
  const timersPer100k = timers && timers.fired > 0 ? (timers.seconds / timers.fired) * 100_000 : undefined;
  const timerRate = timers && timers.seconds > 0 ? timers.fired / timers.seconds : undefined;

  const sqliteRate = (prefix: string) =>
    results.sqlite?.find((row) => row.name.startsWith(prefix))?.commandsPerSecond ?? undefined;
  const durable = sqliteRate("engine, SQLite store, durability 'full', 16 clients at once, group commit on");
  const raw = sqliteRate('better-sqlite3 insert loop, synchronous FULL');
  const sqliteFactor = durable && raw ? raw / durable : undefined;

  // Issue 25's targets, in its order.
  return [
    {
      target: 'engine on the memory store ≥ 1.0× a live actor',
      measured: ratio === undefined ? 'not measured' : `${ratio.toFixed(2)}×`,
      met: ratio === undefined ? undefined : ratio >= 1,
    },
    {
      target: '100k due timers fired in under 5 s',
      measured:
        timersPer100k === undefined || !timers
          ? 'not measured'
          : `${timers.seconds.toFixed(2)} s for ${formatNumber(timers.fired)}` +
            (timers.fired === 100_000 ? '' : ` (${timersPer100k.toFixed(1)} s per 100k)`),
      met: timersPer100k === undefined ? undefined : timersPer100k < 5,
    },
    {
      target: "timer firing ≥ 0.9× the engine's command rate",
      measured:
        timerRate === undefined || engine === undefined
          ? 'not measured'
          : `${formatNumber(timerRate)} firings/s vs ${formatNumber(engine)} commands/s: ${(timerRate / engine).toFixed(2)}×`,
      met: timerRate === undefined || engine === undefined ? undefined : timerRate >= 0.9 * engine,
    },
    {
      target: "SQLite with durability 'full' (16 clients, group commit) within 2× of the raw insert loop",
      measured: sqliteFactor === undefined ? 'not measured' : `raw is ${sqliteFactor.toFixed(2)}× the engine`,
      met: sqliteFactor === undefined ? undefined : sqliteFactor <= 2,
    },
    {
      target: 'under 1.5 KB of memory per open case (at 1M cases)',
      measured: largest
        ? `${formatBytes(largest.bytesPerCase)} at ${formatNumber(largest.openCases)} cases`
        : 'not measured',
      met: largest ? largest.bytesPerCase < 1536 : undefined,
    },
    {
      // Measured by `--only reads` (section 7), not by this run's sections.
      target: 'reading at scale (queries, assessment by territory) flat from 1k to 1M cases',
      measured: 'by `--only reads`: see Reading at a million rows, fifth round',
      met: undefined,
    },
  ];
}
