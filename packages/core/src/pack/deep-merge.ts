import { DURATION_UNITS as UNITS } from '../duration';
import { clonePlainData, isPlainObject } from './plain-data';

export interface DeepMergeOptions {
  /**
   * Merge arrays of objects that all carry a string `id` item by item: a patch item with a
   * known id merges into that item, a new id is appended (`extendPolicyPack`). Without it,
   * or for any other array, the patch's array replaces the base's (`resolvePolicy`).
   */
  readonly mergeArraysById?: boolean;
}

const DURATION_UNITS: ReadonlySet<string> = new Set(UNITS);

/**
 * Applies a patch to plain data and returns new data (neither argument is changed):
 * objects merge key by key, arrays and scalars replace, `null` replaces, `undefined` keeps
 * the base. A duration is one value, not an object to merge: `{ days: 7 }` over
 * `{ workingDays: 3 }` gives `{ days: 7 }`, never both units. The caller validates the
 * result and rejects dangerous keys first; keys are written as data either way.
 */
export function deepMerge(base: unknown, patch: unknown, options: DeepMergeOptions = {}): unknown {
  if (patch === undefined) return clonePlainData(base);
  if (isPlainObject(base) && isPlainObject(patch) && !isDuration(base) && !isDuration(patch)) {
    const out = clonePlainData(base);
    for (const [key, value] of Object.entries(patch)) {
      Object.defineProperty(out, key, {
        value: deepMerge(out[key], value, options),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  if (options.mergeArraysById && Array.isArray(base) && Array.isArray(patch) && hasIds(base) && hasIds(patch)) {
    const out = base.map((item) => clonePlainData(item));
    for (const item of patch) {
      const index = out.findIndex((existing) => existing.id === item.id);
      if (index === -1) out.push(clonePlainData(item));
      else out[index] = deepMerge(out[index], item, options) as Record<string, unknown>;
    }
    return out;
  }
  return clonePlainData(patch);
}

function isDuration(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && DURATION_UNITS.has(keys[0] ?? '');
}

/** A plain loop, not `every`: `every` skips the holes of a sparse array. */
function hasIds(items: readonly unknown[]): items is Record<string, unknown>[] {
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (!isPlainObject(item) || typeof item.id !== 'string') return false;
  }
  return true;
}
