/** Objects remembered per generation; two generations are kept, so between one and two of these in all. [default] */
const GENERATION = 8_192;

let current = new WeakMap<object, string>();
let previous = new WeakMap<object, string>();
let count = 0;

/**
 * The canonical JSON of deeply frozen objects, by identity. Versions of a case share the
 * frozen parts they did not change (the report, evidence, deadlines), and each commit hashes
 * the whole state again; this lets the next commit reuse what the last one wrote. Bounded:
 * a store of a million cases must not keep a string per case, so the cache holds the last
 * one or two generations of objects seen, and an object used again moves to the current
 * one. Only deeply frozen objects go in: their JSON can never change.
 * @internal the engine's own, used by `canonicalJson`.
 */
export const frozenJson = {
  get(object: object): string | undefined {
    const hit = current.get(object);
    if (hit !== undefined) return hit;
    const old = previous.get(object);
    if (old !== undefined) remember(object, old);
    return old;
  },
  set(object: object, json: string): void {
    remember(object, json);
  },
};

function remember(object: object, json: string): void {
  current.set(object, json);
  if (++count >= GENERATION) {
    previous = current;
    current = new WeakMap();
    count = 0;
  }
}
