/**
 * Helpers for packs as plain data: objects, arrays and scalars, as JSON would give them.
 */

/** A non-array object (any prototype: zod output and `Object.create(null)` both qualify). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A deep copy of plain data, so a validated pack shares no object with its author's input
 * (zod passes `z.unknown()` values, such as override patches, through by reference).
 * Own enumerable string keys only; `undefined` properties are dropped, as JSON would.
 */
export function clonePlainData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => clonePlainData(item)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty, not assignment: a key named `__proto__` must stay data, never a prototype.
      if (item !== undefined) {
        Object.defineProperty(out, key, {
          value: clonePlainData(item),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return out as T;
  }
  return value;
}

/** Freezes plain data all the way down and returns it, so a pack cannot change after validation. */
export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item, seen);
  }
  return value;
}
