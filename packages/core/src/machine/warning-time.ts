import { warnBeforeFor } from '../pack/warn-before';
import { iso } from './case-time';
import type { HazardContext } from './hazard-context';
import type { MachineRuntime } from './machine-runtime';

/**
 * When the tracked deadline's early warning is due (ISO instant), or null when there is none:
 * the step's `warnBefore` (`warnBeforeFor`) counted back from the deadline. A warning whose
 * instant is at or before the moment the deadline started (`deadlineFrom`) is skipped rather
 * than sent at that moment: a 2-hour triage deadline with a one-working-day `warnBefore` is
 * not "approaching" when the report comes in, and its next notice is the overdue one. When
 * the start is not known (an extension or a resumed clock moved the deadline) the warning
 * stands, and is sent at once if its instant has passed.
 */
export function warningInstant(
  rt: Pick<MachineRuntime, 'calendar' | 'policyOf'>,
  context: Pick<HazardContext, 'deadline' | 'deadlineFrom' | 'appliedOverrides' | 'site'>,
): string | null {
  const deadline = context.deadline;
  if (!deadline) return null;
  const warnBefore = warnBeforeFor(rt.policyOf(context).escalation, deadline.step);
  if (!warnBefore) return null;
  const warnAt = iso(rt.calendar.subtractDuration(deadline.dueAt, warnBefore));
  const from = context.deadlineFrom ?? null;
  if (from !== null && Date.parse(warnAt) <= Date.parse(from)) return null;
  return warnAt;
}
