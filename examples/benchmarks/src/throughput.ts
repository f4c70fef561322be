import { Bench } from 'tinybench';
import {
  type CaseRunner,
  computeTransitionRunner,
  engineRunner,
  rawActorRunner,
  rawTransitionRunner,
} from './contenders';
import { COMMANDS_PER_CASE } from './lifecycle';
import { median } from './stats';

export interface ThroughputRow {
  name: string;
  description: string;
  /** Commands per second: the median over rounds. */
  commandsPerSecond: number;
  /** Each round's figure, to show the spread. */
  rounds: number[];
}

interface Contender {
  name: string;
  description: string;
  run: CaseRunner;
}

/**
 * Section 1: the same lifecycle stream on each contender. tinybench times one whole case
 * (six commands) per iteration; the contenders take turns for several rounds, in rotating
 * order, so a noisy neighbour slows them all alike, and the median round is reported.
 * Each round starts from a fresh engine and memory store.
 */
export async function measureThroughput(options: { rounds: number; timeMs: number }): Promise<ThroughputRow[]> {
  // Built afresh each round: the engine's store then holds only that round's cases, so every
  // round measures the same thing however long the rounds before it ran.
  const contendersOfRound = (): Contender[] => [
    {
      name: 'XState actor',
      description: '`createActor` + `start`, then `send` + `getPersistedSnapshot` per event',
      run: rawActorRunner(),
    },
    {
      name: 'XState transition()',
      description: 'pure `initialTransition`, then `transition` per event',
      run: rawTransitionRunner(),
    },
    {
      name: 'computeTransition()',
      description: "the engine's pure step alone: `computeInitial`, then `computeTransition` per event",
      run: computeTransitionRunner(),
    },
    {
      name: 'engine, memory store',
      description: 'validation, authorisation, pure step, view, audit hash chain, timers, commit',
      run: engineRunner(),
    },
  ];
  const names = contendersOfRound();
  const counters = new Map(names.map((c) => [c.name, 0]));
  const results = new Map<string, number[]>(names.map((c) => [c.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const contenders = contendersOfRound();
    const bench = new Bench({ time: options.timeMs, warmupTime: Math.min(500, options.timeMs / 4), throws: true });
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length] as Contender);
    for (const contender of order) {
      bench.add(contender.name, async () => {
        const i = (counters.get(contender.name) ?? 0) + 1;
        counters.set(contender.name, i);
        await contender.run(i);
      });
    }
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
      results.get(task.name)?.push((1000 / result.period) * COMMANDS_PER_CASE);
    }
  }
  return names.map((c) => {
    const rounds = results.get(c.name) ?? [];
    return { name: c.name, description: c.description, commandsPerSecond: median(rounds), rounds };
  });
}
