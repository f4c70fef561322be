/**
 * @hazardflow/testing — what a pack author and an adapter author test with: an engine on a
 * manual clock that fires timers as time advances, scenarios that read like the story they
 * tell, and the pure conformance checks. It imports no test runner; the suites that register
 * vitest tests are in `@hazardflow/testing/vitest`.
 *
 * @example
 * ```ts
 * import { checkPackConformance, createTestEngine, scenario } from '@hazardflow/testing';
 * import { firePack } from '@hazardflow/policy-fire';
 *
 * const conformance = await checkPackConformance(firePack); // data; formatConformanceReport for people
 *
 * const t = createTestEngine({ packs: [firePack], start: '2026-03-02T02:00:00.000Z' });
 * const s = await scenario(t).report(report, { as: gridWorker });
 * await s.as(inspector).send({ type: 'TRIAGE' });
 * await s.advance({ workingDays: 3 });
 * await s.expect({ status: 'triaged', overdue: true });
 * ```
 *
 * @packageDocumentation
 */

export {
  CONFORMANCE_CHECKS,
  checkPackConformance,
  type PackConformanceOptions,
} from './check-pack-conformance';
export {
  type ConformanceCheck,
  type ConformanceCheckId,
  type ConformanceProblem,
  type ConformanceReport,
  type CoverageSummary,
  formatConformanceReport,
} from './conformance-report';
export {
  type CommitBuilder,
  type CommitDraft,
  createCommitBuilder,
  FIXTURE_START,
  fixtureCaseView,
  fixtureInstant,
} from './fixtures';
export { formatCaseHistory } from './format-case-history';
export type { TransitionKind } from './machine-graph';
export {
  type CaseExpectation,
  type CaseScenario,
  isScenarioError,
  type ScenarioActor,
  type ScenarioCommand,
  ScenarioError,
  type ScenarioStart,
  scenario,
} from './scenario';
export { createTestEngine, type NotificationMark, type TestEngine, type TestEngineOptions } from './test-engine';
