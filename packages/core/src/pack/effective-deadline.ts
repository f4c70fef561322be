import { type Duration, scaleDuration } from '../duration';
import type { Severity } from '../vocabulary';
import type { Deadlines, PolicyPack } from './schema';
import { activeSeasons } from './season-window';

/** A step with a deadline: `triage`, `notice`, `acknowledge`, `rectify`, `plan`, … */
export type DeadlineStep = keyof Deadlines;

export interface EffectiveDeadlineOptions {
  readonly category: string;
  readonly severity: Severity;
  /** When the clock starts (ISO instant); seasons apply only when it is given. */
  readonly at?: string | undefined;
}

/**
 * The duration a step allows for a case: the category's deadline if it sets one, else the
 * pack's; `rectify` is chosen by severity. A general hazard's rectification deadline is
 * then scaled by the `deadlineFactor` of the seasons in force at `at` for its category
 * (`scaleDuration`, so a deadline never reaches zero). When several seasons are in force
 * the smallest factor applies: factors do not compound, since halving twice is not what
 * two overlapping "halve the deadlines" notices mean. Throws RangeError for an unknown
 * category or an invalid `at`.
 */
export function effectiveDeadline(
  policy: Pick<PolicyPack, 'categories' | 'deadlines' | 'seasons' | 'timeZone'>,
  step: DeadlineStep,
  { category: categoryId, severity, at }: EffectiveDeadlineOptions,
): Duration {
  const category = policy.categories.find((candidate) => candidate.id === categoryId);
  if (category === undefined) throw new RangeError(`unknown category "${categoryId}"`);
  if (step !== 'rectify') return category.deadlines?.[step] ?? policy.deadlines[step];

  const base = category.deadlines?.rectify?.[severity] ?? policy.deadlines.rectify[severity];
  if (severity !== 'general' || at === undefined) return base;
  const factors = activeSeasons(policy, at, categoryId).flatMap((season) =>
    season.deadlineFactor === undefined ? [] : [season.deadlineFactor],
  );
  return factors.length === 0 ? base : scaleDuration(base, Math.min(...factors));
}
