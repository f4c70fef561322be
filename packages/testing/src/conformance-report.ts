import type { TransitionKind } from './machine-graph';

/** The checks a conformance run makes, in the order it makes them. */
export type ConformanceCheckId =
  | 'validation'
  | 'ladder-order'
  | 'ladder-roles'
  | 'report-checks'
  | 'states'
  | 'transitions'
  | 'invariants'
  | 'random-walks'
  | 'working-days';

/** One problem found, as data: a stable `code`, where (`path` in the pack or a state / transition id) and why. */
export interface ConformanceProblem {
  readonly code: string;
  readonly path?: string;
  readonly message: string;
  /** How the case got there: the events from the report on, e.g. `regulator:TRIAGE`, `timer:TIMER.DUE`. */
  readonly trace?: readonly string[];
}

export interface ConformanceCheck {
  readonly id: ConformanceCheckId;
  /** What the check promises, in words, e.g. "every state of the machine is reached". */
  readonly title: string;
  readonly ok: boolean;
  readonly problems: readonly ConformanceProblem[];
  /** Why the check did not run (the pack did not validate), when it did not. */
  readonly skipped?: string;
  /** Facts worth reading even when the check passes (what was counted, how far it looked). */
  readonly notes?: readonly string[];
}

/** How much of the machine the exploration covered. */
export interface CoverageSummary {
  readonly states: {
    readonly total: number;
    readonly reached: number;
    readonly unreached: readonly string[];
    /** Switched off by the pack's steps, with the setting that does it. */
    readonly inapplicable: readonly { readonly id: string; readonly reason: string }[];
    /** Unreached but accepted by the caller (`options.accept`). */
    readonly accepted: readonly string[];
  };
  readonly transitions: {
    readonly total: number;
    readonly taken: number;
    readonly untaken: readonly string[];
    readonly inapplicable: readonly { readonly id: string; readonly reason: string }[];
    readonly accepted: readonly string[];
    /** The kinds of transition counted: every microstep's, not only the one the event selected. */
    readonly counted: readonly TransitionKind[];
  };
  /** Distinct abstract case states explored. */
  readonly explored: number;
  /** True when the exploration stopped at `maxStates` before running out of new states. */
  readonly bounded: boolean;
}

/** The outcome of `checkPackConformance`: plain data, printable with `formatConformanceReport`. */
export interface ConformanceReport {
  /** `id@version`, or `(invalid pack)` when it has no readable id. */
  readonly pack: string;
  readonly ok: boolean;
  readonly checks: readonly ConformanceCheck[];
  readonly coverage?: CoverageSummary;
  /** The fast-check seed of the random walks; pass it back as `options.seed` to replay them. */
  readonly seed: number;
  readonly durationMs: number;
}

/** The report for people: each failing check with its problems, then a line per passing check. */
export function formatConformanceReport(report: ConformanceReport, options: { verbose?: boolean } = {}): string {
  const lines = [`Policy pack ${report.pack}: ${report.ok ? 'conforms' : 'does NOT conform'} (seed ${report.seed})`];
  for (const check of report.checks) {
    const mark = check.skipped !== undefined ? 'skipped' : check.ok ? 'ok' : 'FAILED';
    lines.push(`  [${mark}] ${check.title}${check.skipped !== undefined ? ` (${check.skipped})` : ''}`);
    for (const problem of check.problems) {
      lines.push(
        `      - ${problem.path !== undefined ? `${problem.path}: ` : ''}${problem.message} (${problem.code})`,
      );
      if (problem.trace && problem.trace.length > 0) {
        lines.push('        after:');
        for (const [index, event] of problem.trace.entries()) lines.push(`          ${index + 1}. ${event}`);
      }
    }
    if (options.verbose || !check.ok) for (const note of check.notes ?? []) lines.push(`      note: ${note}`);
  }
  return lines.join('\n');
}
