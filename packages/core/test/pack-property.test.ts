import {
  definePolicyPack,
  extendPolicyPack,
  PolicyPackError,
  type PolicyPackIssue,
  type PolicyPackPatch,
  validatePolicyPack,
} from '@hazardflow/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { withChanges } from './fixtures/set-path';

const anyValue = fc.anything({
  maxDepth: 3,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'days', 'level')),
  withNullPrototype: true,
  withObjectString: true,
  withBoxedValues: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
});

/** Every path in the reference pack, printed like issue paths, for targeted mutations. */
const packPaths: string[] = [];
(function collect(node: unknown, path: string) {
  if (path !== '') packPaths.push(path);
  if (Array.isArray(node)) {
    node.forEach((item, i) => {
      collect(item, `${path}[${i}]`);
    });
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) collect(value, path === '' ? key : `${path}.${key}`);
  }
})(JSON.parse(JSON.stringify(referencePack)), '');

/** One to three changes: a path of the pack, and a new value or `undefined` to delete it. */
const mutation = fc.dictionary(fc.constantFrom(...packPaths), fc.option(anyValue, { nil: undefined }), {
  minKeys: 1,
  maxKeys: 3,
});

function wellFormed(issues: readonly PolicyPackIssue[]): boolean {
  return (
    issues.length > 0 &&
    issues.every(
      (issue) => typeof issue.path === 'string' && typeof issue.code === 'string' && issue.message.length > 0,
    )
  );
}

describe('validatePolicyPack on arbitrary input', () => {
  it('never throws, and fails with well-formed issues', () => {
    fc.assert(
      fc.property(anyValue, (input) => {
        const result = validatePolicyPack(input);
        return !result.success && wellFormed(result.issues);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a pack with a few fields changed or removed, and a pack it accepts is stable', () => {
    fc.assert(
      fc.property(mutation, (changes) => {
        let input: unknown;
        try {
          input = withChanges(referencePack, changes);
        } catch {
          return true; // an earlier change removed the parent of a later one
        }
        const result = validatePolicyPack(input);
        if (!result.success) return wellFormed(result.issues);
        const again = validatePolicyPack(JSON.parse(JSON.stringify(result.pack)));
        expect(again.success && again.pack).toEqual(result.pack);
        return Object.isFrozen(result.pack) && Object.isFrozen(result.pack.escalation.ladder);
      }),
      { numRuns: 150 },
    );
  });

  it('never pollutes Object.prototype, whatever the keys', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom('__proto__', 'constructor'), (value, key) => {
        const text = JSON.stringify({ ...referencePack, overrides: [] }).replace(
          '"steps":{',
          () => `"steps":{"${key}":${JSON.stringify(value)},`,
        );
        const result = validatePolicyPack(JSON.parse(text));
        const clean = ({} as Record<string, unknown>).polluted === undefined;
        return clean && !result.success && result.issues[0]?.code === 'dangerous_key';
      }),
      { numRuns: 50 },
    );
  });
});

describe('extendPolicyPack on arbitrary patches', () => {
  const base = definePolicyPack(referencePack);

  it('returns a pack or throws PolicyPackError, nothing else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(referencePack), 'extra'), anyValue), (patch) => {
        try {
          const extended = extendPolicyPack(base, patch as PolicyPackPatch);
          return Object.isFrozen(extended);
        } catch (error) {
          return error instanceof PolicyPackError && wellFormed(error.issues);
        }
      }),
      { numRuns: 150 },
    );
  });
});
