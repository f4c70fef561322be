import { INPUT_LIMITS } from '@hazardflow/core';
import {
  type Clock,
  ClockError,
  createEngine,
  createManualClock,
  createMemoryStore,
  type HazardStore,
  isClockError,
  isReadInputError,
  ReadInputError,
} from '@hazardflow/engine';
import { MAX_PAGE_LIMIT } from '@hazardflow/engine/adapter';
import { describe, expect, it } from 'vitest';
import { pack, people, reportInput, testEngine } from './support';

/** A memory store that counts the reads reaching it. */
function countingStore(): { store: HazardStore; reads: () => number } {
  const inner = createMemoryStore();
  let reads = 0;
  const counted =
    <A extends unknown[], R>(read: (...args: A) => R) =>
    (...args: A): R => {
      reads++;
      return read(...args);
    };
  const store: HazardStore = {
    ...inner,
    commit: (c) => inner.commit(c),
    getCase: counted((id) => inner.getCase(id)),
    query: counted((f, p) => inner.query(f, p)),
    history: counted((id) => inner.history(id)),
    timersOf: counted((id) => inner.timersOf(id)),
    claimDueTimers: (now, o) => inner.claimDueTimers(now, o),
    releaseTimer: (c, t, o) => inner.releaseTimer(c, t, o),
    nextTimerDueAt: () => inner.nextTimerDueAt(),
    getIdempotentResult: (k) => inner.getIdempotentResult(k),
    deliveries: counted((f) => (inner.deliveries as NonNullable<HazardStore['deliveries']>)(f)),
    close: () => inner.close(),
  };
  return { store, reads: () => reads };
}

async function withCases() {
  const counted = countingStore();
  const { engine } = testEngine(counted.store);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!r.ok) throw new Error(r.error.message);
    ids.push(r.case.id);
  }
  return { engine, ids, reads: counted.reads };
}

const bad = (value: unknown) => value as never;

/** [name, filter, page, the path of the first issue] */
const BAD_QUERIES: [string, unknown, unknown, string][] = [
  ['limit NaN', {}, { limit: Number.NaN }, 'page.limit'],
  ['limit a string', {}, { limit: 'abc' }, 'page.limit'],
  ['limit a fraction', {}, { limit: 1.5 }, 'page.limit'],
  ['limit 0', {}, { limit: 0 }, 'page.limit'],
  ['limit past the maximum', {}, { limit: MAX_PAGE_LIMIT + 1 }, 'page.limit'],
  ['limit Infinity', {}, { limit: Number.POSITIVE_INFINITY }, 'page.limit'],
  ['a foreign cursor', {}, { cursor: 'not-a-cursor' }, 'page.cursor'],
  ['a page field unknown', {}, { limt: 5 }, 'page.limt'],
  ['status unknown', { status: 'open' }, undefined, 'filter.status'],
  ['overdue a string', { overdue: 'true' }, undefined, 'filter.overdue'],
  ['escalationLevel a string', { escalationLevel: '1' }, undefined, 'filter.escalationLevel'],
  ['minEscalationLevel negative', { minEscalationLevel: -1 }, undefined, 'filter.minEscalationLevel'],
  ['territory a number', { territory: 7 }, undefined, 'filter.territory'],
  ['territory with a NUL byte', { territory: 'street\u0000a' }, undefined, 'filter.territory'],
  ['packVersion with a NUL byte', { packVersion: '1.0.0\u0000' }, undefined, 'filter.packVersion'],
  ['dueBefore without an offset', { dueBefore: '2026-10-01' }, undefined, 'filter.dueBefore'],
  ['dueBefore in year 10000', { dueBefore: '+010000-01-01T00:00:00Z' }, undefined, 'filter.dueBefore'],
  ['updatedAfter past 9999 in UTC', { updatedAfter: '9999-12-31T23:00:00-05:00' }, undefined, 'filter.updatedAfter'],
  ['dueBefore not a date', { dueBefore: 'soon' }, undefined, 'filter.dueBefore'],
  ['ids nested', { ids: [['x']] }, undefined, 'filter.ids[0]'],
  ['ids a string', { ids: 'x' }, undefined, 'filter.ids'],
  ['ids with a NUL byte', { ids: ['a\u0000'] }, undefined, 'filter.ids[0]'],
  [
    'ids too many',
    { ids: Array.from({ length: INPUT_LIMITS.filterIdsCount + 1 }, (_, i) => `c${i}`) },
    undefined,
    'filter.ids',
  ],
  ['a filter field unknown', { territroy: 'street-a' }, undefined, 'filter.territroy'],
  ['a filter not an object', 'street-a', undefined, 'filter'],
];

describe('read inputs (issue 28)', () => {
  it('refuses each bad query input with ReadInputError naming the field, before the store is read', async () => {
    const { engine, reads } = await withCases();
    const before = reads();
    for (const [name, filter, page, path] of BAD_QUERIES) {
      const error = await engine.query(bad(filter), bad(page)).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ReadInputError);
      expect(isReadInputError(error), name).toBe(true);
      const { code, method, issues } = error as ReadInputError;
      expect({ code, method }, name).toEqual({ code: 'VALIDATION_FAILED', method: 'query' });
      expect(issues[0]?.path, name).toBe(path);
      expect(issues[0]?.message, name).toEqual(expect.any(String));
    }
    expect(reads()).toBe(before);
  });

  it('undefined and null mean the defaults; good edge inputs pass', async () => {
    const { engine, ids } = await withCases();
    const all = await engine.query({});
    expect(all.items).toHaveLength(3);
    expect(await engine.query()).toEqual(all);
    expect(await engine.query(null, null)).toEqual(all);
    expect(await engine.query(undefined, { limit: MAX_PAGE_LIMIT })).toEqual(all);
    expect(await engine.query({ ids: [] })).toEqual({ items: [], nextCursor: null });
    expect((await engine.query({ ids: [` ${ids[0]}`] })).items.map((v) => v.id)).toEqual([ids[0]]);
    expect((await engine.query({ dueBefore: '9999-12-31T23:59:59.999Z' })).items).toHaveLength(3);
    expect((await engine.ledger(null, null)).length).toBe(3);
    expect(await engine.deliveries(null)).toEqual(await engine.deliveries());
    const first = await engine.query(null, { limit: 2 });
    expect(first.nextCursor).not.toBeNull();
    const rest = await engine.query(null, { limit: 2, cursor: first.nextCursor as string });
    expect([...first.items, ...rest.items].map((v) => v.id)).toEqual(all.items.map((v) => v.id));
  });

  it('assessment: options undefined or null, or without groupBy, are a ReadInputError, not a TypeError', async () => {
    const { engine } = await withCases();
    for (const options of [undefined, null, {}, { groupBy: 'street' }]) {
      const error = await engine.assessment(bad(options)).catch((e: unknown) => e);
      expect(error, String(options)).toBeInstanceOf(ReadInputError);
      expect((error as ReadInputError).issues[0]?.path).toBe('options.groupBy');
    }
    for (const [options, path] of [
      [{ groupBy: 'pack', from: '10000-01-01T00:00:00Z' }, 'options.from'],
      [{ groupBy: 'pack', to: 'abc\u0000' }, 'options.to'],
      [{ groupBy: 'pack', to: 20261001 }, 'options.to'],
      [{ groupBy: 'pack', window: 'week' }, 'options.window'],
    ] as const) {
      const error = await engine.assessment(bad(options)).catch((e: unknown) => e);
      expect((error as ReadInputError).issues[0]?.path).toBe(path);
    }
    const rows = await engine.assessment({ groupBy: 'pack', from: '2026-01-01T00:00:00+08:00' });
    expect(rows[0]?.found).toBe(3);
  });

  it('ledger, deliveries and the reads by caseId refuse bad input alike', async () => {
    const { engine, ids, reads } = await withCases();
    const before = reads();
    const cases: [string, () => Promise<unknown>, string][] = [
      ['ledger filter', () => engine.ledger(bad({ status: 7 })), 'filter.status'],
      ['ledger locale', () => engine.ledger({}, bad({ locale: 'fr' })), 'options.locale'],
      ['deliveries status', () => engine.deliveries(bad({ status: 'sent' })), 'filter.status'],
      ['deliveries caseId', () => engine.deliveries(bad({ caseId: 'a\u0000' })), 'filter.caseId'],
      ['get NUL', () => engine.get('a\u0000b'), 'caseId'],
      ['get empty', () => engine.get(''), 'caseId'],
      ['get undefined', () => engine.get(bad(undefined)), 'caseId'],
      ['get object', () => engine.get(bad({ id: ids[0] })), 'caseId'],
      ['history too long', () => engine.history('x'.repeat(INPUT_LIMITS.idLength + 1)), 'caseId'],
      ['timers NUL', () => engine.timers('\u0000'), 'caseId'],
      ['verifyHistory number', () => engine.verifyHistory(bad(42)), 'caseId'],
    ];
    for (const [name, run, path] of cases) {
      const error = await run().catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ReadInputError);
      expect((error as ReadInputError).issues[0]?.path, name).toBe(path);
    }
    expect(reads()).toBe(before);
    expect(await engine.get('unknown-case')).toBeUndefined();
    expect((await engine.get(ids[0] as string))?.id).toBe(ids[0]);
  });

  it('a clock returning an invalid date is a ClockError, and nothing changes', async () => {
    const manual = createManualClock('2026-09-07T02:00:00.000Z');
    let broken: unknown;
    const clock: Clock = {
      now: () => (broken === undefined ? manual.now() : (broken as Date)),
      setTimeout: (fn, ms) => manual.setTimeout(fn, ms),
      clearTimeout: (h) => manual.clearTimeout(h),
    };
    const store = createMemoryStore();
    const engine = createEngine({ packs: [pack], store, clock });
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!r.ok) throw new Error(r.error.message);
    const before = { cases: await engine.query(), timers: await engine.timers(r.case.id) };
    manual.set('2026-12-31T00:00:00.000Z');
    for (const value of [new Date(Number.NaN), new Date('+010000-01-01T00:00:00Z'), '2026-10-01', null]) {
      broken = value;
      const reported = await engine.report(reportInput(), { actor: people.gridWorker }).catch((e: unknown) => e);
      expect(reported, String(value)).toBeInstanceOf(ClockError);
      expect(isClockError(reported)).toBe(true);
      expect((reported as ClockError).code).toBe('INVALID_CLOCK');
      await expect(engine.runDueTimers()).rejects.toBeInstanceOf(ClockError);
      await expect(engine.checkpoint()).rejects.toBeInstanceOf(ClockError);
    }
    expect({ cases: await engine.query(), timers: await engine.timers(r.case.id) }).toEqual(before);
    expect(await engine.history(r.case.id)).toHaveLength(1);
    broken = undefined;
    expect(await engine.runDueTimers()).toBeGreaterThan(0);
  });
});
