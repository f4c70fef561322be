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
