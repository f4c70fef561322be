import * as api from '@hazardflow/testing';
import { expect, it } from 'vitest';

/** The public API is the explicit list in src/index.ts: a change to it is a reviewed change here. */
it('@hazardflow/testing exports', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "CONFORMANCE_CHECKS",
      "FIXTURE_START",
      "ScenarioError",
      "checkPackConformance",
      "createCommitBuilder",
      "createTestEngine",
      "fixtureCaseView",
      "fixtureInstant",
      "formatCaseHistory",
      "formatConformanceReport",
      "isScenarioError",
      "scenario",
    ]
  `);
});
