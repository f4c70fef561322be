import {
  type AuditEntry,
  type CaseFilter,
  type CaseView,
  type Commit,
  createMemoryStore,
  type HazardStore,
} from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirectory } from './support/temp-directory';

/**
 * The memory store is the reference behaviour. Random sequences of commits (some stale, some
 * duplicate, some firing timers that were re-armed or leased elsewhere), claims, releases,
 * queries and reads go to both stores; every answer must be the same.
 */

const BASE = Date.parse('2026-03-02T00:00:00.000Z');
const at = (minutes: number) => new Date(BASE + minutes * 60_000).toISOString();
const CASES = ['c1', 'c2', 'c3', 'c4'] as const;
// c1 and c2 share reportedAt, so paging order falls back to id.
const REPORTED: Record<string, string> = { c1: at(0), c2: at(0), c3: at(-5), c4: at(7) };
const TIMERS = ['deadline', 'warning', 'escalation'] as const;
const OWNERS = ['w1', 'w2'] as const;
const STATUSES = ['reported', 'triaged', 'rectifying', 'closed'] as const;

/** Few distinct instants, so comparisons often meet equal values. */
const moment = fc.constantFrom(0, 10, 20, 30).map(at);

const viewFields = fc.record({
  status: fc.constantFrom(...STATUSES),
  packId: fc.constantFrom('fire', 'traffic'),
  category: fc.constantFrom('exits', 'wiring'),
  severity: fc.constantFrom('general' as const, 'major' as const, null),
  territory: fc.constantFrom('street-a', 'street-b'),
  regulator: fc.constantFrom('fire-brigade', 'housing'),
  overdue: fc.boolean(),
  escalationLevel: fc.integer({ min: 0, max: 3 }),
  dueAt: fc.option(moment, { nil: null }),
  updatedAt: moment,
});

/** `undefined` three times out of four. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });

const commitOp = fc.record({
  kind: fc.constant('commit' as const),
  caseId: fc.constantFrom(...CASES),
  versionSkew: fc.constantFrom(0, 0, 0, 0, 0, 0, 1, -1),
  fields: viewFields,
  set: fc.array(fc.record({ timerId: fc.constantFrom(...TIMERS), due: fc.constantFrom(0, 5, 10, 20, 30) }), {
    maxLength: 2,
  }),
  cancel: fc.array(fc.constantFrom(...TIMERS), { maxLength: 1 }),
  fire: sometimes(
    fc.record({
      pick: fc.nat(),
      staleDueAt: fc.constantFrom(false, false, false, true),
      owner: fc.constantFrom(...OWNERS),
    }),
  ),
  key: sometimes(fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8')),
});

/** Up to two conditions, so that queries usually match something and paging matters. */
const filter: fc.Arbitrary<CaseFilter> = fc
  .array(
    fc.oneof(
      fc.record({ ids: fc.subarray([...CASES, 'missing']) }),
      fc.record({ status: fc.oneof(fc.constantFrom(...STATUSES), fc.subarray([...STATUSES])) }),
      fc.record({ packId: fc.constantFrom('fire', 'traffic') }),
      fc.record({ category: fc.constantFrom('exits', 'wiring') }),
      fc.record({ severity: fc.constantFrom('general' as const, 'major' as const) }),
      fc.record({ territory: fc.constantFrom('street-a', 'street-b') }),
      fc.record({ regulator: fc.constantFrom('fire-brigade', 'housing') }),
      fc.record({ overdue: fc.boolean() }),
      fc.record({ escalationLevel: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ minEscalationLevel: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ dueBefore: moment }),
      fc.record({ updatedAfter: moment }),
    ),
    { maxLength: 2 },
  )
  .map((parts): CaseFilter => Object.assign({}, ...parts));

const op = fc.oneof(
  { arbitrary: commitOp, weight: 6 },
  {
    arbitrary: fc.record({
      kind: fc.constant('claim' as const),
      now: fc.constantFrom(0, 5, 10, 15, 20, 30, 40),
      limit: fc.integer({ min: 1, max: 3 }),
      owner: fc.constantFrom(...OWNERS),
      leaseMinutes: fc.constantFrom(5, 10),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('release' as const),
      caseId: fc.constantFrom(...CASES),
      timerId: fc.constantFrom(...TIMERS),
      owner: fc.constantFrom(...OWNERS),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('query' as const), filter, limit: fc.integer({ min: 1, max: 3 }) }),
    weight: 2,
  },
  { arbitrary: fc.record({ kind: fc.constant('read' as const), caseId: fc.constantFrom(...CASES) }), weight: 1 },
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

/** The commit an engine would write for `o`, given the reference store's current state. */
async function commitFor(reference: HazardStore, o: Extract<Op, { kind: 'commit' }>): Promise<Commit> {
  const current = await reference.getCase(o.caseId);
  const version = (current?.view.version ?? 0) + o.versionSkew;
  const view: CaseView = {
    id: o.caseId,
    version: Math.max(version, 0) + 1,
    packVersion: '1.0.0',
    imminentDanger: false,
    siteId: 'site-1',
    siteName: 'Site',
    responsible: 'party-1',
    maxEscalationLevel: 3,
    listedSupervision: false,
    paused: false,
    interimControls: [],
    reportedAt: REPORTED[o.caseId] as string,
    closedAt: null,
    reopenedCount: 0,
    closedOnTime: null,
    workingDaysToClose: null,
    ...o.fields,
  };
  const history = await reference.history(o.caseId);
  const previous = history[history.length - 1];
  const audit: AuditEntry = {
    caseId: o.caseId,
    seq: view.version,
    at: o.fields.updatedAt,
    actor: { id: 'x', role: 'regulator' },
    command: 'COMMENT',
    fromStatus: previous?.toStatus ?? null,
    toStatus: view.status,
    reasons: [],
    evidence: [],
    prevHash: previous?.hash ?? '0',
    hash: `h${o.caseId}${view.version}`,
  };
  let firedTimer: Commit['firedTimer'];
  if (o.fire) {
    // Mostly one of the case's timers, as an engine would fire; else one that is not there.
    const timers = await reference.timersOf(o.caseId);
    const timer = timers[o.fire.pick % Math.max(timers.length, 1)];
    const dueAt = timer && !o.fire.staleDueAt ? timer.dueAt : at(99);
    firedTimer = { timerId: timer?.timerId ?? 'deadline', dueAt, leaseOwner: o.fire.owner };
  }
  return {
    caseId: o.caseId,
    expectedVersion: Math.max(version, 0),
    record: { view, snapshot: { value: view.status, context: { n: view.version, nested: [1, { a: 'b' }] } } },
    audit,
    timers: {
      set: o.set.map((s) => ({
        caseId: o.caseId,
        timerId: s.timerId,
        dueAt: at(s.due),
        event: { type: `TIMER.${s.timerId}`, at: at(s.due) },
      })),
      cancel: o.cancel,
    },
    ...(firedTimer ? { firedTimer } : {}),
    ...(o.key ? { idempotency: { key: o.key, result: { ok: true, case: view } } } : {}),
  };
}

/** What a call returned or threw, in a form two stores can be compared by. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await run() };
  } catch (error) {
    const e = error as Error & { code?: string };
    return { error: e.name, code: e.code, message: e.message };
  }
}

/** Every page of a query; cursors are opaque, so pages are compared by their items. */
async function allPages(store: HazardStore, f: CaseFilter, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 20; i++) {
    const page = await store.query(f, { limit, ...(cursor ? { cursor } : {}) });
    pages.push(page.items.map((v) => `${v.id}@${v.version}`));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  // The memory store may end on an empty page that the SQLite store knows not to offer.
  if (pages.length > 1 && pages[pages.length - 1]?.length === 0) pages.pop();
  return pages;
}

async function step(store: HazardStore, o: Op, commit: Commit | undefined): Promise<unknown> {
  switch (o.kind) {
    case 'commit':
      return outcome(() => store.commit(commit as Commit));
    case 'claim':
      return outcome(() =>
        store.claimDueTimers(at(o.now), { limit: o.limit, owner: o.owner, leaseMs: o.leaseMinutes * 60_000 }),
      );
    case 'release':
      return outcome(() => store.releaseTimer(o.caseId, o.timerId, o.owner));
    case 'query':
      return outcome(() => allPages(store, o.filter, o.limit));
    case 'read':
      return outcome(async () => ({
        record: await store.getCase(o.caseId),
        history: await store.history(o.caseId),
        timers: await store.timersOf(o.caseId),
        next: await store.nextTimerDueAt(),
        keys: await Promise.all(['k1', 'k2', 'k3'].map((k) => store.getIdempotentResult(k))),
      }));
  }
}

describe('the SQLite store answers exactly as the memory store', () => {
  const temp = tempDirectory();
  afterEach(() => temp.clean());

  it('for random sequences of commits, claims, releases, queries and reads', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 80 }), async (ops) => {
        const reference = createMemoryStore();
        const sqlite = createSqliteStore({ filename: temp.file(`equivalence-${run++}.db`), durability: 'normal' });
        try {
          for (const o of ops) {
            const commit = o.kind === 'commit' ? await commitFor(reference, o) : undefined;
            const expected = await step(reference, o, commit);
            const actual = await step(sqlite, o, commit);
            expect(actual, JSON.stringify(o)).toEqual(expected);
          }
          const views: CaseView[] = [];
          for await (const view of sqlite.allViews?.() ?? []) views.push(view);
          expect(views).toEqual((await reference.query({}, { limit: 100 })).items);
        } finally {
          await sqlite.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
