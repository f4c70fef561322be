import { deepFreeze } from './deep-freeze';

/**
 * Hands back one shared, deep-frozen object per distinct JSON value: a machine's state
 * values (`{ lifecycle: 'reported', escalation: { watching: 'onTrack' }, … }`) repeat across
 * cases, and one copy instead of one per case keeps each case smaller (figures in
 * examples/benchmarks/NOTES.md). Bounded.
 */
export function createInterner<T>(limit = 10_000): (value: T) => T {
  const known = new Map<string, T>();
  return (value) => {
    const key = JSON.stringify(value);
    const shared = known.get(key);
    if (shared !== undefined) return shared;
    if (known.size >= limit) known.clear();
    known.set(key, deepFreeze(value));
    return value;
  };
}
