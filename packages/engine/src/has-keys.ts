/**
 * Whether `value` is a plain object whose own keys are exactly `keys`, in that order: the
 * test before rebuilding an object as a literal with the same JSON (see `compactReport`).
 */
export function hasKeys(value: object, keys: readonly string[]): boolean {
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let i = 0;
  for (const key in value) {
    if (key !== keys[i]) return false;
    i++;
  }
  return i === keys.length && Object.getOwnPropertySymbols(value).length === 0;
}
