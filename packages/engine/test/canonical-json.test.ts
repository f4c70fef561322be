import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/canonical-json';

describe('canonicalJson', () => {
  it('writes exactly what the canonicalize package writes, for any JSON value', () => {
    const value = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' });
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on the awkward cases: escapes, surrogates, -0, undefined, toJSON, key order', () => {
    const cases: unknown[] = [
      { b: 1, a: [undefined, null, -0, 1e21, 1.5e-7], 'e\u0301': 'x', '\u00e9': 'y', '\u0000': '"\\\n\u001f' },
      {
        lone: '\ud800',
        pair: '😀',
        ls: '\u2028',
        date: new Date(0),
        nested: { z: undefined, y: { toJSON: () => 'j' } },
      },
      { '10': 1, '9': 2, A: 3, a: 4, _: 5 },
      'plain',
      42,
      true,
      null,
      [],
      {},
    ];
    for (const c of cases) expect(canonicalJson(c)).toBe(canonicalize(c));
  });

  it('refuses NaN and Infinity as canonicalize does', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow('NaN is not allowed');
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow('Infinity is not allowed');
  });
});

/** Freezes objects of `value` at random: some deeply, some only themselves, some not at all. */
function freezeSome(value: unknown, modes: () => number): void {
  if (value === null || typeof value !== 'object') return;
  const mode = modes();
  for (const child of Object.values(value)) freezeSome(child, modes);
  if (mode !== 0) Object.freeze(value);
}

/** Changes every object that is not frozen, so a JSON remembered for an enclosing object would go stale. */
function mutateUnfrozen(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  for (const child of Object.values(value)) mutateUnfrozen(child);
  if (Object.isFrozen(value)) return;
  if (Array.isArray(value)) value.push('changed');
  else (value as Record<string, unknown>).zChanged = 1;
}

describe('canonicalJson with remembered frozen subtrees and key orders', () => {
  it('writes the same bytes as canonicalize, the first time, again, and after unfrozen parts change', () => {
    const shape = fc.jsonValue({ maxDepth: 5 });
    fc.assert(
      fc.property(shape, shape, fc.infiniteStream(fc.integer({ min: 0, max: 2 })), (a, b, stream) => {
        const it = stream[Symbol.iterator]();
        const modes = () => it.next().value as number;
        freezeSome(a, modes);
        freezeSome(b, modes);
        // Frozen parts shared between two values, as versions of a case share them.
        const both = { first: a, second: b, again: a, list: [b, a] };
        expect(canonicalJson(both)).toBe(canonicalize(both));
        expect(canonicalJson(both)).toBe(canonicalize(both));
        mutateUnfrozen(both);
        expect(canonicalJson(both)).toBe(canonicalize(both));
        expect(canonicalJson(a)).toBe(canonicalize(a));
      }),
      { numRuns: 1000 },
    );
  });

  it('does not remember a frozen object whose children can still change', () => {
    const inner = { text: 'x'.repeat(60), n: 1 };
    const outer = Object.freeze({ inner, pad: 'y'.repeat(60) });
    expect(canonicalJson(outer)).toBe(canonicalize(outer));
    inner.n = 2;
    expect(canonicalJson(outer)).toBe(canonicalize(outer));
    const withToJson = Object.freeze({ at: new Date(0), pad: 'z'.repeat(60) });
    expect(canonicalJson(withToJson)).toBe(canonicalize(withToJson));
  });

  it('sorts objects of one shape alike, and objects with the same keys inserted in another order', () => {
    const one = { b: 1, a: 2, c: { y: 1, x: 2 } };
    const other = { b: 3, a: 4, c: { y: 5, x: 6 } };
    const reordered = { a: 5, b: 6, c: { x: 7, y: 8 } };
    for (const v of [one, other, reordered, one]) expect(canonicalJson(v)).toBe(canonicalize(v));
  });
});
