import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded random source: the same seed and the same calls give the same numbers. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One item, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

/**
 * A random source on pure-rand's xoroshiro128+ (the generator fast-check uses). `stream`
 * gives an independent sequence per purpose (district layout, report schedule, each case),
 * so adding a draw in one place does not shift the numbers everywhere else.
 */
export function createRandom(seed: number, stream = 0): Random {
  const rng = xoroshiro128plus(mix(seed, stream));
  const random: Random = {
    next: () => uniformFloat64(rng),
    int: (from, to) => uniformInt(rng, from, to),
    chance: (p) => uniformFloat64(rng) < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[uniformInt(rng, 0, items.length - 1)] as (typeof items)[number];
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = uniformFloat64(rng) * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = items.at(-1);
      if (!last) throw new RangeError('weighted pick from an empty list');
      return last[0];
    },
  };
  return random;
}

/** Mixes a seed and a stream number into one 32-bit seed (the murmur3 finaliser). */
function mix(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
