/**
 * Freezes `value` all the way down and returns it. An object that is already frozen is
 * taken to be deep-frozen and not walked again, so freezing a new version of a case costs
 * only its new parts. It runs on every commit, so arrays are walked by index and plain
 * objects with `for…in` (no key array to allocate); other objects by `Object.keys`.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
    } else {
      const prototype = Object.getPrototypeOf(value);
      if (prototype === Object.prototype || prototype === null) {
        for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
      } else {
        for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
      }
    }
  }
  return value;
}
