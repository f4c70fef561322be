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

/** Latency counts as flat when p50 and p99 at the largest size stay within these factors of the smallest. */
export const FLAT_P50_FACTOR = 1.5;
export const FLAT_P99_FACTOR = 2;

/** The targets of issue 10, each checked against this run's figures. */
export function checkTargets(results: Results): TargetCheck[] {
  const rate = (name: string) => results.throughput.find((row) => row.name === name)?.commandsPerSecond;
  const actor = rate('XState actor');
  const engine = rate('engine, memory store');
  const ratio = actor && engine ? engine / actor : undefined;

  const smallest = results.scale[0];
  const largest = results.scale.at(-1);
  const flat =
    smallest && largest && largest !== smallest
      ? largest.p50Ms <= smallest.p50Ms * FLAT_P50_FACTOR && largest.p99Ms <= smallest.p99Ms * FLAT_P99_FACTOR
      : undefined;

  const timers = results.timers;
  const timersPer100k = timers && timers.fired > 0 ? (timers.seconds / timers.fired) * 100_000 : undefined;

  const sqliteRate = (prefix: string) =>
    results.sqlite?.find((row) => row.name.startsWith(prefix))?.commandsPerSecond ?? undefined;
  const durable = sqliteRate("engine, SQLite store, durability 'full'");
  const raw = sqliteRate('better-sqlite3 insert loop, synchronous FULL');
  const sqliteFactor = durable && raw ? raw / durable : undefined;

  return [
    {
      target: 'engine on the memory store ≥ 0.5× a live actor (aim 1×)',
      measured: ratio === undefined ? 'not measured' : `${ratio.toFixed(2)}×`,
      met: ratio === undefined ? undefined : ratio >= 0.5,
    },
    {
      target: `flat latency from the smallest to the largest store (p50 within ${FLAT_P50_FACTOR}×, p99 within ${FLAT_P99_FACTOR}×)`,
      measured:
        smallest && largest
          ? `${formatNumber(smallest.openCases)} → ${formatNumber(largest.openCases)} cases: p50 ×${(largest.p50Ms / smallest.p50Ms).toFixed(2)}, p99 ×${(largest.p99Ms / smallest.p99Ms).toFixed(2)}`
          : 'not measured',
      met: flat,
    },
    {
      target: 'under 2 KB of memory per open case',
      measured: largest
        ? `${formatBytes(largest.bytesPerCase)} at ${formatNumber(largest.openCases)} cases`
        : 'not measured',
      met: largest ? largest.bytesPerCase < 2048 : undefined,
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
      target: 'SQLite with full durability within 3× of raw inserts',
      measured: sqliteFactor === undefined ? 'not measured' : `raw is ${sqliteFactor.toFixed(2)}× faster`,
      met: sqliteFactor === undefined ? undefined : sqliteFactor <= 3,
    },
  ];
}
