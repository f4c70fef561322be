/**
 * Freezes `value` all the way down and returns it. An object that is already frozen is
 * taken to be deep-frozen and not walked again, so freezing a new version of a case costs
 * only its new parts.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
