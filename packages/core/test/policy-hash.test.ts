import { canonicalJson, definePolicyPack, policyHash, resolvePolicy } from '@hazardflow/core';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';

const pack = definePolicyPack(referencePack);

/** A deep copy with every object's keys in another order, chosen by `seed`. */
function reordered(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((item, i) => reordered(item, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const shuffled = entries
    .map((entry, i) => ({ entry, key: ((i + 1) * 2654435761 + seed * 40503) % 1000003 }))
    .sort((a, b) => a.key - b.key)
    .map(({ entry: [key, item] }, i) => [key, reordered(item, seed + i)] as const);
  return Object.fromEntries(shuffled);
}

/** Every path to a scalar leaf of plain data. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leafPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leafPaths(item, [...path, key]));
  }
  return [path];
}

function changedAt(value: unknown, path: readonly (string | number)[]): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  const old = node[last];
  node[last] = typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : `${String(old)}x`;
  return copy;
}

describe('policyHash', () => {
  it('is a hex SHA-256 of the canonical JSON', () => {
    expect(policyHash(pack)).toMatch(/^[0-9a-f]{64}$/);
    // SHA-256 of '{}' and of '{"a":1}' (sha256sum of the same bytes).
    expect(policyHash({} as never)).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(canonicalJson({ b: [1, undefined, 'x'], a: { d: undefined, c: true } })).toBe(
      '{"a":{"c":true},"b":[1,null,"x"]}',
    );
  });

  it('does not depend on key order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        expect(policyHash(reordered(pack, seed) as never)).toBe(policyHash(pack));
      }),
      { numRuns: 50 },
    );
  });

  it('changes with any value of the pack: every leaf changed in turn', () => {
    const base = policyHash(pack);
    const paths = leafPaths(pack);
    expect(paths.length).toBeGreaterThan(100);
    for (const path of paths) expect(policyHash(changedAt(pack, path) as never), path.join('.')).not.toBe(base);
  });

  it('writes the same canonical form as RFC 8785 (the canonicalize package) on plain data (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
    );
  });

  it('tells an effective policy from its pack: applied overrides are part of the content', () => {
    const plain = resolvePolicy(pack, { site: { id: 'nowhere' } });
    const hospital = resolvePolicy(pack, { site: { id: 'h1', attributes: { use: 'hospital' } } });
    expect(hospital.appliedOverrides).toEqual(['hospitals']);
    expect(policyHash(plain)).not.toBe(policyHash(pack));
    expect(policyHash(resolvePolicy(pack, { site: { id: 'nowhere' } }))).toBe(policyHash(plain));
    expect(policyHash(hospital)).not.toBe(policyHash(plain));
  });

  it('hashes a function hook by its source text, and refuses what has no JSON form', () => {
    const hook = (withHook: (x: number) => number) => policyHash({ ...pack, hook: withHook } as never);
    expect(hook((x) => x + 1)).toBe(hook((x) => x + 1));
    expect(hook((x) => x + 1)).not.toBe(hook((x) => x + 2));
    expect(() => policyHash({ ...pack, limit: Number.NaN } as never)).toThrow(TypeError);
    expect(() => policyHash({ ...pack, big: 1n } as never)).toThrow('a bigint has no JSON form');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => policyHash(cyclic as never)).toThrow('cycle');
  });
});
