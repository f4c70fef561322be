import {
  ASSESSMENT_GROUPS,
  type AssessmentOptions,
  type CaseView,
  computeAssessment,
  type HazardStore,
} from '@hazardflow/engine';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { StoreTest } from './store-test';

/**
 * An instant on one of a few days, at one of a few times: midnight (a day's edge), early,
 * mid-day and the last millisecond, so windows and cases meet at and next to day boundaries.
 */
const instantArb = fc
  .tuple(
    fc.integer({ min: 0, max: 6 }),
    fc.constantFrom('00:00:00.000', '00:00:00.001', '09:30:00.000', '23:59:59.999'),
  )
  .map(([day, time]) => `2026-03-${String(day + 1).padStart(2, '0')}T${time}Z`);

/** What a command may change in a view that the assessment reads. */
const changeArb = fc.record(
  {
    territory: fc.constantFrom('street-a', 'street-b', 'street-c'),
    regulator: fc.constantFrom('fire-rescue', 'housing'),
    packId: fc.constantFrom('fire', 'building'),
    category: fc.constantFrom('exits-blocked', 'hot-work'),
    assignee: fc.constantFrom(null, 'officer-1', 'officer-2'),
    status: fc.constantFrom('reported', 'rectifying', 'verifying', 'closed', 'dismissed', 'transferred'),
    closedAt: fc.option(instantArb, { nil: null }),
    closedOnTime: fc.constantFrom(null, true, false),
    workingDaysToClose: fc.option(fc.constantFrom(0, 1, 2.5, 3, 10), { nil: null }),
    overdue: fc.boolean(),
    listedSupervision: fc.boolean(),
    reopenedCount: fc.integer({ min: 0, max: 2 }),
    maxEscalationLevel: fc.integer({ min: 0, max: 3 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Partial<CaseView>>;

/** A case: reported at an instant, then changed by a few commands; `check` asks for the assessment before it. */
const historyArb = fc.record({
  reportedAt: instantArb,
  first: changeArb,
  changes: fc.array(fc.record({ change: changeArb, check: fc.boolean() }), { maxLength: 4 }),
});

const windowArb = fc.record(
  { groupBy: fc.constantFrom(...ASSESSMENT_GROUPS), from: instantArb, to: instantArb },
  { requiredKeys: ['groupBy'] },
) as fc.Arbitrary<AssessmentOptions>;

async function everyView(store: HazardStore): Promise<CaseView[]> {
  const views: CaseView[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.query({}, { limit: 1000, ...(cursor ? { cursor } : {}) });
    views.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return views;
}

/**
 * `assessment`, for stores that keep aggregates: it must equal `computeAssessment` over every
 * view, for every grouping and any window (edges on and off day boundaries), after any history
 * of commits, asked for between commits too (so aggregates kept incrementally are checked as
 * they go, not only once at the end). A store without `assessment` is scanned by the engine.
 */
export function assessmentConformance(test: StoreTest): void {
  test(
    'assessment from the store equals the scan over views, for random histories and windows',
    async (store, fx) => {
      if (!store.assessment) return;
      const assess = store.assessment.bind(store);
      const same = async (options: AssessmentOptions) =>
        expect(await assess(options), JSON.stringify(options)).toEqual(
          computeAssessment(await everyView(store), options),
        );
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(historyArb, { minLength: 1, maxLength: 6 }),
          fc.array(windowArb, { minLength: 1, maxLength: 4 }),
          async (histories, windows) => {
            run += 1;
            for (const [i, history] of histories.entries()) {
              const caseId = `as-${run}-${i}`;
              await fx.commit(store, caseId, { view: { ...history.first, reportedAt: history.reportedAt } });
              for (const { change, check } of history.changes) {
                if (check) await same(windows[0] as AssessmentOptions);
                await fx.commit(store, caseId, { view: change });
              }
            }
            for (const options of windows) await same(options);
          },
        ),
        { numRuns: 20 },
      );
      // The same window from the other groupings, over everything committed above.
      for (const groupBy of ASSESSMENT_GROUPS) {
        await same({ groupBy });
        await same({ groupBy, from: '2026-03-02T00:00:00.000Z', to: '2026-03-05T09:30:00.000Z' });
      }
    },
    60_000,
  );
}
