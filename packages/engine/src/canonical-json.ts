import { frozenJson } from './frozen-json-cache';
import { sortedKeysOf } from './sorted-keys';

/**
 * RFC 8785 (JSON Canonicalization Scheme) serialisation, as the `canonicalize` package
 * writes it: object keys sorted by UTF-16 code units, no whitespace, numbers and strings as
 * ECMAScript's JSON.stringify writes them. Output is identical to `canonicalize` (a property
 * test compares the two) but about twice as fast on audit entries: it runs on every
 * command, and most of `canonicalize`'s time goes to calling JSON.stringify on every key
 * and every plain string, which here happens only for keys not seen before and for strings
 * that need escaping. The JSON of a deeply frozen object (a part a case's versions share)
 * is remembered by identity for a while (`frozen-json-cache.ts`), and the sorted keys of
 * each object shape are reused (`sorted-keys.ts`); neither changes a byte of the output.
 * @internal not exported from the package entry; the engine's own.
 */
export function canonicalJson(value: unknown): string | undefined {
  if (typeof value === 'number') return numberJson(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  mutableInside = false;
  return serialize(value);
}

const quotedKeys = new Map<string, string>();

/** Whether JSON.stringify would escape anything: quotes, backslashes, control characters, surrogates. */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function numberJson(value: number): string {
  if (Number.isNaN(value)) throw new Error('NaN is not allowed');
  if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
  return JSON.stringify(value);
}

function serialize(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return needsEscape(value) ? JSON.stringify(value) : `"${value}"`;
    case 'number':
      return numberJson(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(value);
  }
  if (value === null) return 'null';
  const object = value as Record<string, unknown> & { toJSON?: unknown };
  if (object.toJSON instanceof Function) {
    const json = canonicalJson((object.toJSON as () => unknown)());
    mutableInside = true; // what toJSON returns may differ next time
    return json;
  }
  const isArray = Array.isArray(value);
  const frozen = Object.isFrozen(value) && (isArray || isPlain(value));
  if (frozen) {
    const known = frozenJson.get(value);
    if (known !== undefined) return known;
  }
  const outer = mutableInside;
  mutableInside = false;
  let out: string;
  if (isArray) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) out += ',';
      out += `${serialize(item === undefined || typeof item === 'symbol' ? null : item)}`;
    }
    out += ']';
  } else {
    const keys = sortedKeysOf(Object.keys(object));
    out = '{';
    let first = true;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const item = object[key];
      if (item === undefined || typeof item === 'symbol') continue;
      out += `${first ? '' : ','}${quoteKey(key)}:${serialize(item)}`;
      first = false;
    }
    out += '}';
  }
  // Deeply frozen: frozen itself, and every object under it deeply frozen. Only then can
  // its JSON never change, and only then is it remembered.
  const deep = frozen && !mutableInside;
  if (deep && out.length >= MIN_REMEMBERED) frozenJson.set(value, out);
  mutableInside = outer || !deep;
  return out;
}

/** Set while serialising an object when something under it is not deeply frozen (or has toJSON). */
let mutableInside = false;

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Shorter JSON is rebuilt faster than it is looked up and kept. [default] */
const MIN_REMEMBERED = 48;
