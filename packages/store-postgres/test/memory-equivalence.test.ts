import { type CaseFilter, type Commit, createMemoryStore, type HazardStore } from '@hazardflow/engine';
import { createPostgresStore } from '@hazardflow/store-postgres';
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { at, commitOf, timer } from './support/commits';
import { describeWithServer, dropSchemas, freshSchema } from './support/database';

/**
 * The memory store is the reference behaviour. Random sequences of commits (stale ones,
 * reused keys, timers fired after being re-armed or while leased elsewhere), claims,
 * releases, paged queries and reads go to both stores; every answer must be the same. This
 * is where SQL's collations, NULLs and keyset paging meet JavaScript's string comparisons.
 */

const CASES = ['c1', 'c2', 'c3', 'c4'] as const;
// c1 and c2 share reportedAt, so the paging order falls back to the id.
const REPORTED: Record<string, string> = { c1: at(0), c2: at(0), c3: at(-5), c4: at(7) };
const TIMERS = ['deadline', 'warning', 'escalation'] as const;
const STATUSES = ['reported', 'triaged', 'rectifying', 'closed'] as const;
const moment = fc.constantFrom(0, 10, 20, 30).map(at);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

const commitOp = fc.record({
  kind: fc.constant('commit' as const),
  caseId: fc.constantFrom(...CASES),
  skew: fc.constantFrom(0, 0, 0, 0, 0, 1, -1),
  view: fc.record({
    status: fc.constantFrom(...STATUSES),
    packId: fc.constantFrom('fire', 'traffic'),
    severity: fc.constantFrom('general' as const, 'major' as const, null),
    territory: fc.constantFrom('street-a', 'street-b'),
    overdue: fc.boolean(),
    escalationLevel: fc.integer({ min: 0, max: 3 }),
    dueAt: fc.option(moment, { nil: null }),
    updatedAt: moment,
  }),
  set: fc.array(fc.record({ timerId: fc.constantFrom(...TIMERS), due: fc.constantFrom(0, 5, 10, 20) }), {
    maxLength: 2,
  }),
  cancel: fc.array(fc.constantFrom(...TIMERS), { maxLength: 1 }),
  fire: maybe(fc.record({ pick: fc.nat(), stale: fc.boolean(), owner: fc.constantFrom('w1', 'w2') })),
  key: maybe(fc.constantFrom('k1', 'k2', 'k3', 'k4', 'k5')),
});

const filter: fc.Arbitrary<CaseFilter> = fc
  .array(
    fc.oneof(
      fc.record({ ids: fc.subarray([...CASES, 'missing']) }),
      fc.record({ status: fc.oneof(fc.constantFrom(...STATUSES), fc.subarray([...STATUSES])) }),
      fc.record({ packId: fc.constantFrom('fire', 'traffic') }),
      fc.record({ severity: fc.constantFrom('general' as const, 'major' as const) }),
      fc.record({ territory: fc.constantFrom('street-a', 'street-b') }),
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
      now: fc.constantFrom(0, 5, 10, 15, 20, 30),
      limit: fc.integer({ min: 1, max: 3 }),
      owner: fc.constantFrom('w1', 'w2'),
      leaseMinutes: fc.constantFrom(5, 10),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('release' as const),
      caseId: fc.constantFrom(...CASES),
      timerId: fc.constantFrom(...TIMERS),
      owner: fc.constantFrom('w1', 'w2'),
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

/** The commit an engine would write for `o`, given what the reference store holds now. */
async function commitFor(reference: HazardStore, o: Extract<Op, { kind: 'commit' }>): Promise<Commit> {
  const current = (await reference.getCase(o.caseId))?.view.version ?? 0;
  const expected = Math.max(current + o.skew, 0);
  const history = await reference.history(o.caseId);
  let firedTimer: Commit['firedTimer'];
  if (o.fire) {
    const timers = await reference.timersOf(o.caseId);
    const fired = timers[o.fire.pick % Math.max(timers.length, 1)];
    firedTimer = {
      timerId: fired?.timerId ?? 'deadline',
      dueAt: fired && !o.fire.stale ? fired.dueAt : at(99),
      leaseOwner: o.fire.owner,
    };
  }
  return commitOf(o.caseId, expected, {
    previous: history[expected - 1],
    view: { ...o.view, reportedAt: REPORTED[o.caseId] as string },
    set: o.set.map((s) => timer(o.caseId, s.timerId, s.due)),
    cancel: o.cancel,
    ...(firedTimer ? { firedTimer } : {}),
    ...(o.key ? { key: o.key } : {}),
  });
}

/** What a call returned or threw, comparable across stores. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await run() };
  } catch (error) {
    const e = error as Error & { code?: string };
    return { error: e.name, code: e.code, message: e.message };
  }
}

/** Every page; the memory store may end on an empty page that SQL knows not to offer. */
async function allPages(store: HazardStore, f: CaseFilter, limit: number): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query(f, { limit, ...(cursor ? { cursor } : {}) });
    pages.push(page.items.map((v) => `${v.id}@${v.version}`));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 20);
  if (pages.length > 1 && pages[pages.length - 1]?.length === 0) pages.pop();
  return pages;
}

function step(store: HazardStore, o: Op, commit: Commit | undefined): Promise<unknown> {
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

describeWithServer('the PostgreSQL store answers as the memory store does', (url) => {
  const schema = freshSchema('hfeq');
  const store = createPostgresStore({ connectionString: url, schema, poolSize: 2 });
  afterAll(async () => {
    await store.close();
    await dropSchemas(url, [schema]);
  });

  it('for random sequences of commits, claims, releases, queries and reads', async () => {
    await store.ready();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 40 }), async (ops) => {
        // One migrated schema, emptied before each run: far cheaper than a schema per run.
        await store.pool.query(
          `TRUNCATE "${schema}".cases, "${schema}".audit, "${schema}".timers, "${schema}".idempotency`,
        );
        const reference = createMemoryStore();
        for (const o of ops) {
          const commit = o.kind === 'commit' ? await commitFor(reference, o) : undefined;
          expect(await step(store, o, commit), JSON.stringify(o)).toEqual(await step(reference, o, commit));
        }
        const views = [];
        for await (const view of store.allViews()) views.push(view);
        expect(views).toEqual((await reference.query({}, { limit: 100 })).items);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
