/**
 * Canonical JSON for hashing a policy: object keys sorted by UTF-16 code units, no
 * whitespace, `undefined` properties left out, numbers and strings as `JSON.stringify`
 * writes them (the RFC 8785 form the engine's audit chain uses, so the two agree on plain
 * data). A function, which only a hand-built TypeScript object can hold (the pack schema
 * accepts none), is written as `{"$function":"<its source text>"}`: deterministic, and
 * changed when its code changes. Throws TypeError for what has no JSON form: NaN,
 * Infinity, bigint, symbols and cycles, since hashing them some arbitrary way would let two
 * different policies share a hash.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, path: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: ${String(value)} has no JSON form`);
      return JSON.stringify(value);
    case 'function':
      return `{"$function":${JSON.stringify(Function.prototype.toString.call(value))}}`;
    case 'object':
      break;
    default:
      throw new TypeError(`canonical JSON: a ${typeof value} has no JSON form`);
  }
  if (value === null) return 'null';
  if (path.has(value)) throw new TypeError('canonical JSON: the value contains a cycle');
  path.add(value);
  try {
    const withJson = value as { toJSON?: unknown };
    if (typeof withJson.toJSON === 'function') return write((withJson.toJSON as () => unknown)(), path);
    if (Array.isArray(value)) {
      return `[${value.map((item) => (item === undefined ? 'null' : write(item, path))).join(',')}]`;
    }
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item !== undefined) parts.push(`${JSON.stringify(key)}:${write(item, path)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    path.delete(value);
  }
}
