import type { CaseFilter, CaseView, HazardStore } from '@hazardflow/engine';
import { describe, expect } from 'vitest';
import { fixtureInstant as at, type CommitBuilder } from '../fixtures';
import { errorOf, type StoreTest } from './store-test';

/**
 * Six cases that tell every filter apart. Paging order is (reportedAt, id): q-03, q-05, q-06
 * (q-05 and q-06 share reportedAt), q-02, q-04, q-01; they are committed in id order.
 */
const CASES: Record<string, Partial<CaseView>> = {
  'q-01': {
    reportedAt: at(5),
    packId: 'fire',
    category: 'exits-blocked',
    severity: 'general',
    territory: 'street-a',
    regulator: 'fire-rescue',
    assignee: 'officer-1',
    // The safety committee assigned a department: out of the gap.
    regulatoryGap: false,
    status: 'reported',
    overdue: false,
    escalationLevel: 0,
    dueAt: at(100),
    updatedAt: at(10),
  },
  'q-02': {
    reportedAt: at(3),
    packId: 'fire',
    // Migrated: its first version (below) is at the fixtures' 1.0.0.
    packVersion: '2.0.0',
    category: 'hot-work',
    severity: 'major',
    territory: 'street-b',
    regulator: 'fire-rescue',
    assignee: 'officer-1',
    status: 'rectifying',
    overdue: true,
    listedSupervision: true,
    escalationLevel: 2,
    dueAt: at(50),
    updatedAt: at(20),
  },
  'q-03': {
    reportedAt: at(1),
    packId: 'traffic',
    category: 'signals',
    severity: 'general',
    territory: 'street-a',
    regulator: 'traffic-police',
    status: 'closed',
    overdue: false,
    escalationLevel: 0,
    dueAt: null,
    updatedAt: at(30),
  },
  'q-04': {
    reportedAt: at(4),
    packId: 'building',
    category: 'cracks',
    severity: null,
    territory: 'street-c',
    regulator: 'housing',
    // Text that spells an assignee inside another field must not match it.
    siteName: '"assignee":"officer-1"',
    // Nobody regulates it yet (监管盲区).
    regulatoryGap: true,
    status: 'reported',
    overdue: false,
    escalationLevel: 0,
    dueAt: null,
    updatedAt: at(40),
  },
  'q-05': {
    reportedAt: at(2),
    packId: 'fire',
    category: 'exits-blocked',
    severity: 'general',
    territory: 'street-b',
    regulator: 'fire-rescue',
    // An id with a quote and a backslash: stores that match the view's JSON text must escape it.
    assignee: 'officer "2\\',
    status: 'notice_issued',
    overdue: true,
    escalationLevel: 1,
    dueAt: at(80),
    updatedAt: at(50),
  },
  'q-06': {
    reportedAt: at(2),
    packId: 'traffic',
    category: 'signals',
    severity: 'major',
    territory: 'street-c',
    regulator: 'traffic-police',
    assignee: null,
    // Text that spells the gap inside another field must not match it.
    siteName: '"regulatoryGap":true',
    status: 'supervised',
    overdue: true,
    listedSupervision: true,
    escalationLevel: 3,
    dueAt: at(60),
    updatedAt: at(60),
  },
};

const FILTERS: [string, CaseFilter, string[]][] = [
  ['no filter', {}, ['q-03', 'q-05', 'q-06', 'q-02', 'q-04', 'q-01']],
  ['ids', { ids: ['q-01', 'q-06', 'missing'] }, ['q-06', 'q-01']],
  ['ids: none', { ids: [] }, []],
  ['one status', { status: 'reported' }, ['q-04', 'q-01']],
  ['several statuses', { status: ['closed', 'supervised'] }, ['q-03', 'q-06']],
  ['packId', { packId: 'fire' }, ['q-05', 'q-02', 'q-01']],
  ["packVersion (the latest view's)", { packId: 'fire', packVersion: '2.0.0' }, ['q-02']],
  ['packVersion, the others', { packId: 'fire', packVersion: '1.0.0' }, ['q-05', 'q-01']],
  ['category', { category: 'signals' }, ['q-03', 'q-06']],
  ['severity', { severity: 'major' }, ['q-06', 'q-02']],
  ['territory', { territory: 'street-b' }, ['q-05', 'q-02']],
  ['regulator', { regulator: 'traffic-police' }, ['q-03', 'q-06']],
  ['assignee', { assignee: 'officer-1' }, ['q-02', 'q-01']],
  ['assignee with a quote and a backslash', { assignee: 'officer "2\\' }, ['q-05']],
  ['assignee: a prefix is not a match', { assignee: 'officer' }, []],
  ['assignee null: nobody assigned (also views from before the field)', { assignee: null }, ['q-03', 'q-06', 'q-04']],
  ['overdue', { overdue: true }, ['q-05', 'q-06', 'q-02']],
  ['not overdue', { overdue: false }, ['q-03', 'q-04', 'q-01']],
  ['listedSupervision', { listedSupervision: true }, ['q-06', 'q-02']],
  ['not listed', { listedSupervision: false }, ['q-03', 'q-05', 'q-04', 'q-01']],
  ['regulatoryGap: the safety committee’s queue', { regulatoryGap: true }, ['q-04']],
  [
    'regulatoryGap false: the gap closed, or never open (views without the field)',
    { regulatoryGap: false },
    ['q-03', 'q-05', 'q-06', 'q-02', 'q-01'],
  ],
  ['escalationLevel', { escalationLevel: 0 }, ['q-03', 'q-04', 'q-01']],
  ['minEscalationLevel', { minEscalationLevel: 2 }, ['q-06', 'q-02']],
  ['dueBefore (strictly; no deadline never matches)', { dueBefore: at(80) }, ['q-06', 'q-02']],
  ['updatedAfter (strictly)', { updatedAfter: at(40) }, ['q-05', 'q-06']],
  ['every condition must hold', { packId: 'fire', overdue: true, minEscalationLevel: 1 }, ['q-05', 'q-02']],
  ['ids with another condition', { ids: ['q-01', 'q-02', 'q-03'], territory: 'street-a' }, ['q-03', 'q-01']],
  ['nothing matches', { packId: 'fire', regulator: 'housing' }, []],
];

/** Commits the six filter cases (each twice, so a query must read the latest view). */
export async function arrangeFilterCases(store: HazardStore, fx: CommitBuilder): Promise<void> {
  for (const [id, view] of Object.entries(CASES)) {
    // A first version with other values, so the query must read the latest view.
    await fx.commit(store, id, { view: { reportedAt: view.reportedAt ?? at(0), territory: 'elsewhere' } });
    await fx.commit(store, id, { view });
  }
}

/** Every case a walk through the pages returns, checking each page on the way. */
async function walk(store: HazardStore, filter: CaseFilter, limit: number): Promise<CaseView[]> {
  const seen: CaseView[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await store.query(filter, { limit, ...(cursor !== undefined ? { cursor } : {}) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
  throw new Error(`paging with limit ${limit} did not end`);
}

const byPagingOrder = (a: CaseView, b: CaseView) =>
  a.reportedAt < b.reportedAt ? -1 : a.reportedAt > b.reportedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** query: every CaseFilter field, and cursor paging. */
export function queryConformance(test: StoreTest): void {
  describe('query', () => {
    test('every CaseFilter field selects what it says, in (reportedAt, id) order', async (store, fx) => {
      await arrangeFilterCases(store, fx);
      for (const [name, filter, expected] of FILTERS) {
        const { items, nextCursor } = await store.query(filter, { limit: 100 });
        expect(
          items.map((v) => v.id),
          name,
        ).toEqual(expected);
        expect(nextCursor, name).toBeNull();
      }
      const latest = (await store.query({ ids: ['q-02'] })).items[0];
      expect(latest).toEqual(fx.view('q-02'));
    });

    test('paging returns every match exactly once, in order, whatever the page size', async (store, fx) => {
      // 23 cases, three to a reportedAt, committed out of order.
      const ids = Array.from({ length: 23 }, (_, i) => `p-${String((i * 7) % 23).padStart(2, '0')}`);
      for (const id of ids) {
        const n = Number(id.slice(2));
        await fx.commit(store, id, {
          view: { reportedAt: at(Math.floor(n / 3)), territory: n % 2 === 0 ? 'street-a' : 'street-b' },
        });
      }
      const all = (await store.query({}, { limit: 1000 })).items;
      expect(all.map((v) => v.id)).toEqual([...ids].sort());
      expect([...all].sort(byPagingOrder)).toEqual(all);
      for (const limit of [1, 4, 22, 23, 50]) {
        expect((await walk(store, {}, limit)).map((v) => v.id)).toEqual(all.map((v) => v.id));
      }
      const even = all.filter((v) => v.territory === 'street-a').map((v) => v.id);
      for (const limit of [1, 3, 12]) {
        expect((await walk(store, { territory: 'street-a' }, limit)).map((v) => v.id)).toEqual(even);
      }
    });

    test('paging stays correct while cases are reported and updated between pages', async (store, fx) => {
      for (let i = 0; i < 12; i++) {
        await fx.commit(store, `p-${String(i).padStart(2, '0')}`, { view: { reportedAt: at(i * 10) } });
      }
      const original = (await store.query({}, { limit: 1000 })).items.map((v) => v.id);
      const seen: CaseView[] = [];
      let page = await store.query({}, { limit: 5 });
      seen.push(...page.items);
      expect(page.items.map((v) => v.id)).toEqual(original.slice(0, 5));
      // Before the cursor, at the cursor's reportedAt on both sides of its id, and after it.
      await fx.commit(store, 'n-early', { view: { reportedAt: at(15) } });
      await fx.commit(store, 'p-03z', { view: { reportedAt: at(40) } });
      await fx.commit(store, 'p-04a', { view: { reportedAt: at(40) } });
      await fx.commit(store, 'n-late', { view: { reportedAt: at(500) } });
      await fx.commit(store, 'p-02', { view: { status: 'triaged' } });
      await fx.commit(store, 'p-07', { view: { status: 'triaged' } });
      while (page.nextCursor !== null) {
        page = await store.query({}, { limit: 5, cursor: page.nextCursor });
        seen.push(...page.items);
        if (page.nextCursor !== null) await fx.commit(store, `n-${seen.length}`, { view: { reportedAt: at(1) } });
      }
      const ids = seen.map((v) => v.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of original) expect(ids).toContain(id);
      expect([...seen].sort(byPagingOrder)).toEqual(seen);
      for (const view of seen) expect(fx.view(view.id)).toBeDefined();
    });

    test('a cursor the store did not make is rejected', async (store, fx) => {
      await fx.commit(store, 'case-1');
      await fx.commit(store, 'case-2');
      for (const cursor of ['not-a-cursor', '!!!', '{"reportedAt":1}']) {
        const error = await errorOf(() => store.query({}, { limit: 1, cursor }));
        expect(error, cursor).toBeInstanceOf(Error);
      }
    });
  });
}
