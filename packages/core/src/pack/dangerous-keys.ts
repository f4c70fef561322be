import { type IssuePath, type PolicyPackIssue, packIssue } from './policy-pack-issue';

/**
 * @internal Keys that could reach an object's prototype when data is merged (prototype pollution).
 * They are rejected wherever they appear in a pack or a patch, never merged or skipped.
 */
export const DANGEROUS_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Finds dangerous keys in raw input before zod sees it: zod may drop or mis-assign them
 * silently, and `JSON.parse('{"__proto__": {}}')` makes `__proto__` an own property, so
 * every own property name is checked (enumerable or not). Cycles are visited once.
 */
export function findDangerousKeys(value: unknown, prefix: IssuePath = []): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  const seen = new WeakSet<object>();
  const visit = (node: unknown, path: PropertyKey[]): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, index) => {
        visit(item, [...path, index]);
      });
      return;
    }
    for (const key of Object.getOwnPropertyNames(node)) {
      if (DANGEROUS_KEYS.has(key)) {
        issues.push(
          packIssue(
            [...path, key],
            'dangerous_key',
            `"${key}" is not allowed as a key: it could change the prototype of every object`,
          ),
        );
        continue;
      }
      const descriptor = Object.getOwnPropertyDescriptor(node, key);
      // Only plain data is walked: a getter is not called (zod reports the odd shape instead).
      if (descriptor && 'value' in descriptor) visit(descriptor.value, [...path, key]);
    }
  };
  visit(value, [...prefix]);
  return issues;
}
