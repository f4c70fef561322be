import { COMMAND_TYPES, ROLES, STATUSES } from '@hazardflow/core';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditDraft,
  type AuditEntry,
  appendAuditEntry,
  caseGenesisHash,
  GENESIS_HASH,
  hashAuditEntry,
  verifyAuditChain,
} from '../src/audit-chain';

const instant = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00.000Z'), max: Date.parse('2026-12-31T23:59:59.999Z') })
  .map((ms) => new Date(ms).toISOString());

const draft: fc.Arbitrary<AuditDraft> = fc.record(
  {
    caseId: fc.constantFrom('case-1', '01JH0000000000000000000000'),
    at: instant,
    actor: fc.record(
      {
        id: fc.string({ minLength: 1, maxLength: 8 }),
        role: fc.constantFrom(...ROLES),
        org: fc.string({ minLength: 1 }),
      },
      { requiredKeys: ['id', 'role'] },
    ),
    command: fc.constantFrom(...COMMAND_TYPES, 'REPORT', 'TIMER.DUE'),
    commandId: fc.string({ maxLength: 12 }),
    payload: fc.jsonValue({ maxDepth: 2 }),
    fromStatus: fc.option(fc.constantFrom(...STATUSES), { nil: null }),
    toStatus: fc.constantFrom(...STATUSES),
    reasons: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
    evidence: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
    firedTimer: fc.record({ timerId: fc.string({ minLength: 1 }), dueAt: instant, lateByMs: fc.nat() }),
  },
  { requiredKeys: ['caseId', 'at', 'actor', 'command', 'fromStatus', 'toStatus', 'reasons', 'evidence'] },
);

/** One case's chain: every draft takes the first draft's case id. */
function chainOf(drafts: readonly AuditDraft[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  const caseId = drafts[0]?.caseId ?? 'case-1';
  for (const d of drafts) entries.push(appendAuditEntry(entries[entries.length - 1], { ...d, caseId }));
  return entries;
}

type Path = (string | number)[];

/** Every place in a JSON value: each object property and array element, at any depth. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...pathsOf(item, [...prefix, i])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

function at(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value);
}

/** How one entry is tampered with: a value replaced, a property or element removed, a property added. */
const tampering = fc.record({
  entry: fc.nat(),
  kind: fc.constantFrom('replace', 'remove', 'add'),
  place: fc.nat(),
  key: fc.string({ minLength: 1, maxLength: 6 }),
  value: fc.jsonValue({ maxDepth: 1 }),
});
type Tampering = typeof tampering extends fc.Arbitrary<infer T> ? T : never;

/** Applies a tampering to a copy of the entry; undefined when it would change nothing. */
function tamper(entry: AuditEntry, t: Tampering): AuditEntry | undefined {
  const copy = structuredClone(entry) as unknown as Record<string, unknown>;
  const define = (holder: Record<string, unknown>, key: string, value: unknown) =>
    Object.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true });
  if (t.kind === 'add') {
    const objects = [[], ...pathsOf(copy)].filter((p) => {
      const node = at(copy, p);
      return node !== null && typeof node === 'object' && !Array.isArray(node);
    });
    const holder = at(copy, objects[t.place % objects.length] as Path) as Record<string, unknown>;
    if (Object.hasOwn(holder, t.key)) return undefined;
    define(holder, t.key, t.value);
  } else {
    const paths = pathsOf(copy);
    const path = paths[t.place % paths.length] as Path;
    const holder = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path[path.length - 1] as string | number;
    if (t.kind === 'remove') {
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete holder[key];
    } else {
      if (canonicalize(holder[key]) === canonicalize(t.value)) return undefined;
      if (Array.isArray(holder)) holder[key as number] = t.value;
      else define(holder as Record<string, unknown>, key as string, t.value);
    }
  }
  return copy as unknown as AuditEntry;
}

describe('hash-chained audit', () => {
  it('appendAuditEntry numbers entries from 1 and links each to the previous hash', () => {
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 5 }), (drafts) => {
        const chain = chainOf(drafts);
        expect(chain.map((e) => e.seq)).toEqual(drafts.map((_, i) => i + 1));
        expect(chain[0]?.prevHash).toBe(caseGenesisHash(drafts[0]?.caseId as string));
        expect(chain[0]?.prevHash).not.toBe(GENESIS_HASH);
        for (const [i, entry] of chain.entries()) {
          const { hash, ...body } = entry;
          expect(hash).toMatch(/^[0-9a-f]{64}$/);
          expect(hashAuditEntry(body)).toBe(hash);
          if (i > 0) expect(entry.prevHash).toBe(chain[i - 1]?.hash);
        }
        expect(verifyAuditChain(chain)).toEqual({ ok: true, length: chain.length });
      }),
      { numRuns: 50 },
    );
  });

  it('the hash is over canonical JSON: property order does not matter, every value does', () => {
    const entry = chainOf([
      {
        caseId: 'case-1',
        at: '2026-03-02T00:00:00.000Z',
        actor: { id: 'a', role: 'regulator', org: 'fire-rescue' },
        command: 'REPORT',
        fromStatus: null,
        toStatus: 'reported',
        reasons: [],
        evidence: [],
      },
    ])[0] as AuditEntry;
    const { hash, ...body } = entry;
    const reordered = Object.fromEntries(Object.entries(body).reverse()) as Omit<AuditEntry, 'hash'>;
    expect(hashAuditEntry(reordered)).toBe(hash);
    expect(hashAuditEntry({ ...body, actor: { org: 'fire-rescue', role: 'regulator', id: 'a' } })).toBe(hash);
    expect(hashAuditEntry({ ...body, at: '2026-03-02T00:00:00.001Z' })).not.toBe(hash);
  });

  it('tampering with any field of any entry is detected at that entry', () => {
    fc.assert(
      fc.property(fc.array(draft, { minLength: 1, maxLength: 6 }), tampering, (drafts, t) => {
        const chain = chainOf(drafts);
        const index = t.entry % chain.length;
        const tampered = tamper(chain[index] as AuditEntry, t);
        fc.pre(tampered !== undefined);
        const edited = chain.map((e, i) => (i === index ? (tampered as AuditEntry) : e));
        const verdict = verifyAuditChain(edited);
        expect(verdict).toMatchObject({ ok: false, brokenAt: index + 1 });
      }),
      { numRuns: 300 },
    );
  });

  it('a removed, reordered or appended-out-of-chain entry is named', () => {
    const base: Omit<AuditDraft, 'command' | 'at'> = {
      caseId: 'case-1',
      actor: { id: 'a', role: 'regulator' },
      fromStatus: null,
      toStatus: 'reported',
      reasons: [],
      evidence: [],
    };
    const chain = chainOf(
      ['REPORT', 'TRIAGE', 'COMMENT', 'COMMENT'].map((command, i) => ({
        ...base,
        command,
        at: `2026-03-0${i + 2}T00:00:00.000Z`,
      })),
    );
    const [first, second, third, fourth] = chain as [AuditEntry, AuditEntry, AuditEntry, AuditEntry];
    expect(verifyAuditChain([first, third, fourth])).toMatchObject({ ok: false, brokenAt: 2, reason: 'sequence_gap' });
    expect(verifyAuditChain([first, third, second, fourth])).toMatchObject({ ok: false, brokenAt: 2 });
    expect(verifyAuditChain([second, third])).toMatchObject({ ok: false, brokenAt: 1 });
    // A forged entry 3 with a correct hash of its own still does not follow entry 2.
    const forged = appendAuditEntry({ seq: 2, hash: 'f'.repeat(64) }, { ...base, command: 'VERIFY', at: third.at });
    expect(verifyAuditChain([first, second, forged, fourth])).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'prev_hash_mismatch',
    });
    expect(verifyAuditChain([])).toEqual({ ok: true, length: 0 });
  });

  it('refuses to hash what is not JSON', () => {
    expect(() => hashAuditEntry(undefined as never)).toThrow(TypeError);
  });
});
