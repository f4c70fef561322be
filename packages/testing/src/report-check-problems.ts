import { checkReportSite } from '@hazardflow/core';
import type { ConformanceProblem } from './conformance-report';
import type { ConformanceStart } from './conformance-starts';

/**
 * The pack's own example reports (the cases the suite starts from: one per category, one per
 * site override) checked the way the engine checks a new report (`checkReportSite` on the
 * case's effective policy). A pack whose categories cannot be reported at the place types it
 * names, refused or only with a warning, is a pack its users cannot use as written.
 */
export function reportCheckProblems(starts: readonly ConformanceStart[]): ConformanceProblem[] {
  const problems: ConformanceProblem[] = [];
  for (const start of starts) {
    const { issues, warnings } = checkReportSite(start.policy, start.input.report);
    const placeType = start.input.report.site.placeType;
    const where = placeType !== undefined ? ` at place type "${placeType}"` : '';
    for (const [issue, outcome] of [
      ...issues.map((i) => [i, 'refused'] as const),
      ...warnings.map((w) => [w, 'accepted with a warning'] as const),
    ]) {
      problems.push({
        code: issue.code,
        path: issue.path,
        message: `the example report "${start.label}"${where} is ${outcome}: ${issue.message}`,
      });
    }
  }
  return problems;
}
