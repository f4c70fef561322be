import { INPUT_LIMITS, STATUSES } from '@hazardflow/core';
import { createEngine, type Engine, type HazardStore, isReadInputError, type ReadMethod } from '@hazardflow/engine';
import { MAX_PAGE_LIMIT } from '@hazardflow/engine/adapter';
import { describe, expect } from 'vitest';
import { fixtureInstant as at } from '../fixtures';
import { arrangeFilterCases } from './query-conformance';
import { observe, type StoreTest } from './store-test';

/** A value of the wrong type, passed as the caller of an untyped API (JSON, JavaScript) would. */
const bad = (value: unknown) => value as never;

/**
 * Bad read inputs (issue 28): each is refused by the engine with the same ReadInputError
 * (VALIDATION_FAILED, the method, the path of the first issue) whatever the store, before the
 * store is read, and changes nothing. [name, method, read, path]
 */
const BAD_READS: [string, ReadMethod, (engine: Engine) => Promise<unknown>, string][] = [
  ['limit NaN', 'query', (e) => e.query({}, { limit: Number.NaN }), 'page.limit'],
  ['limit a string', 'query', (e) => e.query({}, bad({ limit: 'abc' })), 'page.limit'],
  ['limit a fraction', 'query', (e) => e.query({}, { limit: 1.5 }), 'page.limit'],
  ['limit 0', 'query', (e) => e.query({}, { limit: 0 }), 'page.limit'],
  ['limit past the maximum', 'query', (e) => e.query({}, { limit: MAX_PAGE_LIMIT + 1 }), 'page.limit'],
  ['a foreign cursor', 'query', (e) => e.query({}, { cursor: '!!!' }), 'page.cursor'],
  ['status unknown', 'query', (e) => e.query(bad({ status: ['closed', 'open'] })), 'filter.status[1]'],
  ['overdue a string', 'query', (e) => e.query(bad({ overdue: 'false' })), 'filter.overdue'],
  ['escalationLevel a string', 'query', (e) => e.query(bad({ escalationLevel: '2' })), 'filter.escalationLevel'],
  ['minEscalationLevel a fraction', 'query', (e) => e.query({ minEscalationLevel: 0.5 }), 'filter.minEscalationLevel'],
  ['packId a number', 'query', (e) => e.query(bad({ packId: 1 })), 'filter.packId'],
  ['territory with a NUL byte', 'query', (e) => e.query({ territory: 'street-a\u0000' }), 'filter.territory'],
  ['assignee a number', 'query', (e) => e.query(bad({ assignee: 7 })), 'filter.assignee'],
  ['regulatoryGap a string', 'query', (e) => e.query(bad({ regulatoryGap: 'true' })), 'filter.regulatoryGap'],
  ['assignee empty', 'query', (e) => e.query({ assignee: '' }), 'filter.assignee'],
  ['regulator an object', 'query', (e) => e.query(bad({ regulator: { $ne: null } })), 'filter.regulator'],
  ['dueBefore without an offset', 'query', (e) => e.query({ dueBefore: '2026-03-02T01:20' }), 'filter.dueBefore'],
  ['dueBefore in year 10000', 'query', (e) => e.query({ dueBefore: '+010000-01-01T00:00:00Z' }), 'filter.dueBefore'],
  [
    'updatedAfter past 9999 in UTC',
    'query',
    (e) => e.query({ updatedAfter: '9999-12-31T23:30:00-01:00' }),
    'filter.updatedAfter',
  ],
  ['ids nested', 'query', (e) => e.query(bad({ ids: [['q-01', ['q-02']]] })), 'filter.ids[0]'],
  ['ids with a NUL byte', 'query', (e) => e.query({ ids: ['q-01\u0000'] }), 'filter.ids[0]'],
  [
    'ids past INPUT_LIMITS.filterIdsCount',
    'query',
    (e) => e.query({ ids: Array.from({ length: INPUT_LIMITS.filterIdsCount + 1 }, (_, i) => `q-${i}`) }),
    'filter.ids',
  ],
  ['a filter field unknown', 'query', (e) => e.query(bad({ teritory: 'street-a' })), 'filter.teritory'],
  ['assessment without options', 'assessment', (e) => e.assessment(bad(undefined)), 'options.groupBy'],
  ['assessment with null', 'assessment', (e) => e.assessment(bad(null)), 'options.groupBy'],
  [
    'assessment from past 9999',
    'assessment',
    (e) => e.assessment({ groupBy: 'pack', from: '10000-01-01T00:00:00Z' }),
    'options.from',
  ],
  ['assessment to a number', 'assessment', (e) => e.assessment(bad({ groupBy: 'pack', to: 1 })), 'options.to'],
  ['ledger filter', 'ledger', (e) => e.ledger(bad({ ids: 'q-01' })), 'filter.ids'],
  ['get with a NUL byte', 'get', (e) => e.get('q-01\u0000'), 'caseId'],
  ['history of an empty id', 'history', (e) => e.history(''), 'caseId'],
  ['timers of an object', 'timers', (e) => e.timers(bad({})), 'caseId'],
];

/** Good edge inputs: the same answer on every store. [name, filter, page, ids in paging order] */
const EDGE_QUERIES: [string, Parameters<Engine['query']>[0], Parameters<Engine['query']>[1], string[]][] = [
  ['no arguments (null)', null, null, ['q-03', 'q-05', 'q-06', 'q-02', 'q-04', 'q-01']],
  ['limit at the maximum', {}, { limit: MAX_PAGE_LIMIT }, ['q-03', 'q-05', 'q-06', 'q-02', 'q-04', 'q-01']],
  ['ids empty', { ids: [] }, {}, []],
  [
    'ids at the maximum count',
    { ids: Array.from({ length: INPUT_LIMITS.filterIdsCount }, (_, i) => `q-${String(i).padStart(2, '0')}`) },
    undefined,
    ['q-03', 'q-05', 'q-06', 'q-02', 'q-04', 'q-01'],
  ],
  ['every status', { status: [...STATUSES] }, undefined, ['q-03', 'q-05', 'q-06', 'q-02', 'q-04', 'q-01']],
  ['dueBefore with an offset', { dueBefore: '2026-03-02T09:20:00+08:00' }, undefined, ['q-06', 'q-02']],
  [
    'dueBefore at the end of 9999',
    { dueBefore: '9999-12-31T23:59:59.999Z' },
    undefined,
    ['q-05', 'q-06', 'q-02', 'q-01'],
  ],
  [
    'updatedAfter at the start of 0000',
    { updatedAfter: '0000-01-01T00:00:00Z' },
    undefined,
    ['q-03', 'q-05', 'q-06', 'q-02', 'q-04', 'q-01'],
  ],
  ['an id padded with spaces (ids are trimmed)', { ids: [' q-01 '] }, undefined, ['q-01']],
  ['a territory nobody has, in Chinese', { territory: '东湖街道' }, undefined, []],
  ['an assignee padded with spaces (ids are trimmed)', { assignee: ' officer-1 ' }, undefined, ['q-02', 'q-01']],
  ['nobody assigned', { assignee: null }, undefined, ['q-03', 'q-06', 'q-04']],
  ['escalation level far above any ladder', { minEscalationLevel: 1_000 }, undefined, []],
];

/** Read inputs through an engine over the store: bad ones refused alike, edge ones answered alike. */
export function readInputConformance(test: StoreTest): void {
  describe('read inputs', () => {
    const engineOver = (store: HazardStore) => createEngine({ packs: [], store });

    test('each bad read input is the same ReadInputError and changes nothing', async (store, fx) => {
      await arrangeFilterCases(store, fx);
      const engine = engineOver(store);
      const ids = ['q-01', 'q-02', 'q-03', 'q-04', 'q-05', 'q-06'];
      const before = await observe(store, ids, []);
      for (const [name, method, read, path] of BAD_READS) {
        const error = await read(engine).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isReadInputError(error), `${name}: ${String(error)}`).toBe(true);
        if (!isReadInputError(error)) continue;
        expect({ code: error.code, method: error.method, path: error.issues[0]?.path }, name).toEqual({
          code: 'VALIDATION_FAILED',
          method,
          path,
        });
      }
      expect(await observe(store, ids, [])).toEqual(before);
    });

    test('good edge inputs give the same answer on every store', async (store, fx) => {
      await arrangeFilterCases(store, fx);
      const engine = engineOver(store);
      for (const [name, filter, page, expected] of EDGE_QUERIES) {
        const { items, nextCursor } = await engine.query(filter, page);
        expect(
          items.map((v) => v.id),
          name,
        ).toEqual(expected);
        expect(nextCursor, name).toBeNull();
      }
      const rows = await engine.assessment({ groupBy: 'pack', from: at(0), to: '9999-12-31T23:59:59.999Z' });
      expect(rows.map((r) => [r.group, r.found])).toEqual([
        ['building', 1],
        ['fire', 3],
        ['traffic', 2],
      ]);
      const officers = await engine.assessment({ groupBy: 'officer' });
      expect(officers.map((r) => [r.group, r.found])).toEqual([
        ['fire-rescue/officer "2\\', 1],
        ['fire-rescue/officer-1', 2],
        ['housing/', 1],
        ['traffic-police/', 2],
      ]);
      expect(await engine.ledger(null, null)).toHaveLength(6);
      expect(await engine.get(' q-01')).toEqual(await engine.get('q-01'));
      expect(await engine.get('q-99')).toBeUndefined();
    });
  });
}
