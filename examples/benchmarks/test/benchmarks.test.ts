import { describe, expect, it } from 'vitest';
import { computeTransitionRunner, engineRunner, rawActorRunner, rawTransitionRunner } from '../src/contenders';
import { markdownTable, textTable } from '../src/markdown';
import { formatBytes, formatDuration, quantile } from '../src/stats';
import { checkTargets } from '../src/targets';

describe('the lifecycle stream', () => {
  it('takes every contender to the same verified close', async () => {
    const actor = rawActorRunner()(1) as { value: unknown; context: { closedHow: string } };
    const pure = rawTransitionRunner()(1) as { value: unknown; context: unknown };
    const computed = computeTransitionRunner()(1) as { value: unknown; context: unknown };
    const engine = (await engineRunner()(1)) as { status: string; closedOnTime: boolean | null };
    expect(actor.value).toMatchObject({ lifecycle: { closed: 'followUp' } });
    expect(actor.context.closedHow).toBe('verified');
    expect(pure.value).toEqual(actor.value);
    expect(computed.value).toEqual(actor.value);
    expect(computed.context).toEqual(pure.context);
    expect(engine).toMatchObject({ status: 'closed', closedOnTime: true });
  });
});

describe('figures', () => {
  it('interpolates quantiles between ranks', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.99)).toBeCloseTo(4.96);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('formats durations and sizes for people', () => {
    expect(formatDuration(0.1234)).toBe('123 µs');
    expect(formatDuration(12.5)).toBe('12.5 ms');
    expect(formatBytes(2560)).toBe('2.50 KB');
  });

  it('renders tables with escaped cells and aligned columns', () => {
    const table = {
      header: ['a', 'n'],
      rows: [
        ['x|y', '1'],
        ['z', '100'],
      ],
      numeric: [1],
    };
    expect(markdownTable(table)).toBe('| a | n |\n| --- | ---: |\n| x\\|y | 1 |\n| z | 100 |');
    expect(textTable(table).split('\n')[2]).toBe('x|y    1');
  });
});

describe('checkTargets', () => {
  const scale = (openCases: number, p50Ms: number, p99Ms: number, bytesPerCase: number) => ({
    openCases,
    populateSeconds: 1,
    bytesPerCase,
    sampleCommands: 100,
    p50Ms,
    p99Ms,
    meanMs: p50Ms,
  });

  it('says which targets a run meets, and which it did not measure', () => {
    const checks = checkTargets({
      throughput: [
        { name: 'XState actor', description: '', commandsPerSecond: 1000, rounds: [] },
        { name: 'engine, memory store', description: '', commandsPerSecond: 600, rounds: [] },
      ],
      scale: [scale(1_000, 0.1, 1, 1500), scale(100_000, 0.2, 1.5, 2500)],
      timers: { openCases: 100_000, fired: 100_000, seconds: 4 },
      sqlite: undefined,
    });
    // Issue 25's order: actor, 100k timers, firing rate, SQLite, memory, reading at scale.
    expect(checks.map((c) => c.met)).toEqual([false, true, true, undefined, false, undefined]);
    expect(checks[5]?.measured).toBe('by `--only reads`: see Reading at a million rows, fifth round');
  });

  it('compares durable SQLite with group commit against the raw loop, and timer firing against commands', () => {
    const checks = checkTargets({
      throughput: [
        { name: 'XState actor', description: '', commandsPerSecond: 1000, rounds: [] },
        { name: 'engine, memory store', description: '', commandsPerSecond: 1100, rounds: [] },
      ],
      scale: [scale(1_000, 0.1, 1, 1400)],
      timers: { openCases: 1_000, fired: 1_000, seconds: 1 },
      sqlite: [
        { name: "engine, SQLite store, durability 'full'", commandsPerSecond: 100 },
        {
          name: "engine, SQLite store, durability 'full', 16 clients at once, group commit on",
          commandsPerSecond: 600,
        },
        { name: 'better-sqlite3 insert loop, synchronous FULL', commandsPerSecond: 1000 },
      ],
    });
    expect(checks.map((c) => c.met)).toEqual([true, false, true, true, true, undefined]);
    expect(checks[2]?.measured).toContain('0.91×');
    expect(checks[3]?.measured).toBe('raw is 1.67× the engine');
  });
});
