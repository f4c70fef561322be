import { describe, it } from 'vitest';
import {
  CONFORMANCE_CHECKS,
  checkPackConformance,
  type PackConformanceOptions,
  packLabel,
} from './check-pack-conformance';
import { type ConformanceReport, formatConformanceReport } from './conformance-report';

export interface RunPackConformanceOptions extends PackConformanceOptions {
  /** Test timeout for the check that runs the exploration (default 120 s: CI machines are slow). */
  readonly timeoutMs?: number;
}

/**
 * Registers the pack conformance suite with vitest: one `describe` per pack, one test per
 * check (`CONFORMANCE_CHECKS`). The checks run once, in the first test; each test then
 * fails with its own problems, and every failure message names the fast-check seed to
 * replay the random sequences with (`{ seed }`). Call it at the top level of a test file:
 *
 * ```ts
 * import { runPackConformance } from '@hazardflow/testing/vitest';
 * import { firePack } from '@hazardflow/policy-fire';
 * runPackConformance(firePack);
 * ```
 */
export function runPackConformance(pack: unknown, options: RunPackConformanceOptions = {}): void {
  const { timeoutMs = 120_000, ...checkOptions } = options;
  describe(`policy pack ${packLabel(pack)} conforms`, () => {
    let report: Promise<ConformanceReport> | undefined;
    const run = () => {
      report ??= checkPackConformance(pack, checkOptions);
      return report;
    };
    for (const { id, title } of CONFORMANCE_CHECKS) {
      it(
        title,
        async (context) => {
          const result = await run();
          const check = result.checks.find((c) => c.id === id);
          if (!check) throw new Error(`conformance check "${id}" did not run`);
          if (check.skipped !== undefined) {
            context.skip(check.skipped);
            return;
          }
          if (!check.ok) {
            const own = { ...result, ok: false, checks: [check] };
            throw new Error(
              `${formatConformanceReport(own)}\n  replay the random sequences with { seed: ${result.seed} }`,
            );
          }
        },
        timeoutMs,
      );
    }
  });
}
