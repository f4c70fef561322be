import { type Duration, elapsedMs, formatDuration } from '../duration';
import { type PolicyPackIssue, packIssue } from './policy-pack-issue';
import { type PolicyPack, WARNED_STEPS, type WarnedStep } from './schema';

/**
 * A step's own early warning (`escalation.warnBeforeByStep`) must be shorter than that step's
 * deadline, wherever the pack sets one (the pack's deadlines, a category's, dated
 * deadlines): a warning as long as the deadline would fall at or before its start, and is
 * skipped (see `warnBeforeFor`), so the author meant something else. Durations are compared
 * only where the comparison is exact: both elapsed time (hours, minutes), or both in the same
 * calendar unit. `{ workingDays: 1 }` against `{ hours: 24 }` depends on the day and is
 * left alone.
 */
export function checkStepWarnings(
  pack: Pick<PolicyPack, 'escalation' | 'deadlines' | 'categories' | 'datedDeadlines'>,
): PolicyPackIssue[] {
  const byStep = pack.escalation.warnBeforeByStep;
  if (byStep === undefined) return [];
  const issues: PolicyPackIssue[] = [];
  for (const step of WARNED_STEPS) {
    const warnBefore = byStep[step];
    if (!warnBefore) continue;
    const tooLong = deadlinesOf(pack, step).find(({ duration }) => (comparison(warnBefore, duration) ?? -1) >= 0);
    if (tooLong === undefined) continue;
    issues.push(
      packIssue(
        ['escalation', 'warnBeforeByStep', step],
        'inconsistent',
        `must be shorter than the ${step} deadline it warns about: ${formatDuration(warnBefore)} is not shorter than ${formatDuration(tooLong.duration)} (${tooLong.where}), so the warning would be skipped`,
      ),
    );
  }
  return issues;
}

/** Every deadline the pack sets for a step, with where it is set, in words. */
function deadlinesOf(
  pack: Pick<PolicyPack, 'deadlines' | 'categories' | 'datedDeadlines'>,
  step: WarnedStep,
): { duration: Duration; where: string }[] {
  const found: { duration: Duration; where: string }[] = [];
  const add = (deadlines: Record<string, unknown> | undefined, where: string) => {
    if (deadlines === undefined) return;
    const value = deadlines[step] as Duration | { general?: Duration; major?: Duration } | undefined;
    if (value === undefined) return;
    if (step === 'rectify') {
      const rectify = value as { general?: Duration; major?: Duration };
      if (rectify.general) found.push({ duration: rectify.general, where: `${where}.general` });
      if (rectify.major) found.push({ duration: rectify.major, where: `${where}.major` });
    } else {
      found.push({ duration: value as Duration, where });
    }
  };
  add(pack.deadlines, `deadlines.${step}`);
  for (const [index, category] of pack.categories.entries()) {
    add(category.deadlines, `categories[${index}].deadlines.${step}`);
  }
  for (const [index, entry] of (pack.datedDeadlines ?? []).entries()) {
    add(entry.deadlines, `datedDeadlines[${index}].deadlines.${step}`);
  }
  return found;
}

/** `a - b` where the two compare exactly (sign only matters); undefined where they do not. */
function comparison(a: Duration, b: Duration): number | undefined {
  const ea = elapsedMs(a);
  const eb = elapsedMs(b);
  if (ea !== undefined && eb !== undefined) return ea - eb;
  if ('workingDays' in a && 'workingDays' in b) return a.workingDays - b.workingDays;
  if ('days' in a && 'days' in b) return a.days - b.days;
  return undefined;
}
