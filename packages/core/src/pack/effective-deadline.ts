import { type Duration, scaleDuration } from '../duration';
import type { Severity } from '../vocabulary';
import { isInForce, validityDateOf } from './rule-validity';
import { type DatedDeadlines, DEFAULT_INTERIM_CONTROL_DEADLINE, type Deadlines, type PolicyPack } from './schema';
import { activeSeasons } from './season-window';

/** A step with a deadline: `triage`, `notice`, `acknowledge`, `rectify`, `plan`, … */
export type DeadlineStep = keyof Deadlines;

export interface EffectiveDeadlineOptions {
  readonly category: string;
  readonly severity: Severity;
  /** When the clock starts (ISO instant); seasons apply only when it is given. */
  readonly at?: string | undefined;
  /**
   * When the case was reported (ISO instant): the dated deadlines in force on its local date
   * apply. Defaults to `at`.
   */
  readonly reportedAt?: string | undefined;
}

type DeadlinePolicy = Pick<PolicyPack, 'categories' | 'deadlines' | 'seasons' | 'timeZone'> & {
  readonly datedDeadlines?: readonly DatedDeadlines[] | undefined;
};

/**
 * The duration a step allows for a case. Most specific first: dated deadlines in force that
 * name the category, the category's own deadline, dated deadlines in force for every
 * category, the pack's; `rectify` is chosen by severity. A general hazard's rectification
 * deadline is then scaled by the `deadlineFactor` of the seasons in force at `at` for its
 * category (`scaleDuration`, so a deadline never reaches zero). When several seasons are in
 * force the smallest factor applies: factors do not compound, since halving twice is not
 * what two overlapping "halve the deadlines" notices mean.
 *
 * Dated deadlines are chosen on the report's local date (`reportedAt`), not on the date each
 * step starts: every deadline of one case then comes from one set of rules, as its grade
 * does (`classify`), so a case reported under the old limits is not switched to new ones
 * halfway through; moving running cases to new rules is a deliberate, audited migration.
 * Without `reportedAt` or `at`, dated entries with no end apply. Seasons stay on `at`: they
 * describe the risk of the days the step runs in. Throws RangeError for an unknown
 * category or an instant that is not ISO 8601.
 */
export function effectiveDeadline(
  policy: DeadlinePolicy,
  step: DeadlineStep,
  { category: categoryId, severity, at, reportedAt }: EffectiveDeadlineOptions,
): Duration {
  const category = policy.categories.find((candidate) => candidate.id === categoryId);
  if (category === undefined) throw new RangeError(`unknown category "${categoryId}"`);
  const dated = policy.datedDeadlines ?? [];
  const date = dated.length === 0 ? undefined : validityDateOf(policy.timeZone, reportedAt, at);
  const inForce = dated.filter((entry) => isInForce(entry, date));
  const named = inForce.filter((entry) => entry.categories.includes(categoryId));
  const everyCategory = inForce.filter((entry) => entry.categories.length === 0);
  const pick = (read: (deadlines: DatedDeadlines['deadlines']) => Duration | undefined): Duration | undefined => {
    for (const entry of named) {
      const found = read(entry.deadlines);
      if (found !== undefined) return found;
    }
    const own = category.deadlines === undefined ? undefined : read(category.deadlines);
    if (own !== undefined) return own;
    for (const entry of everyCategory) {
      const found = read(entry.deadlines);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  if (step === 'interimControl') {
    return (
      pick((deadlines) => deadlines.interimControl) ??
      policy.deadlines.interimControl ??
      DEFAULT_INTERIM_CONTROL_DEADLINE
    );
  }
  if (step !== 'rectify') return pick((deadlines) => deadlines[step]) ?? policy.deadlines[step];

  const base = pick((deadlines) => deadlines.rectify?.[severity]) ?? policy.deadlines.rectify[severity];
  if (severity !== 'general' || at === undefined) return base;
  const factors = activeSeasons(policy, at, categoryId).flatMap((season) =>
    season.deadlineFactor === undefined ? [] : [season.deadlineFactor],
  );
  return factors.length === 0 ? base : scaleDuration(base, Math.min(...factors));
}
