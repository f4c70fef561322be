import { createInterner } from './interner';
import type { TimerPlan } from './timer-plan';

/** Most open cases have the same one or two timers due at the same end of day: share the maps. */
const shared = createInterner<Readonly<Record<string, string>>>();

/**
 * The case's armed timers (timerId → dueAt) after a commit: the previous snapshot's, less the
 * fired and cancelled ones, plus the ones set. A snapshot written before snapshots recorded
 * their timers starts from none, so only timers armed since are known (`verifyStore` then
 * checks only that those rows exist).
 */
export function armedTimersAfter(
  previous: Readonly<Record<string, string>> | undefined,
  plan: TimerPlan,
  fired: string | undefined,
): Readonly<Record<string, string>> {
  if (previous === undefined && plan.set.length === 0) return EMPTY;
  const next: Record<string, string> = {};
  for (const [timerId, dueAt] of Object.entries(previous ?? EMPTY)) {
    if (timerId !== fired && !plan.cancel.includes(timerId)) next[timerId] = dueAt;
  }
  for (const row of plan.set) next[row.timerId] = row.dueAt;
  const ids = Object.keys(next).sort();
  if (ids.length === 0) return EMPTY;
  const ordered: Record<string, string> = {};
  for (const id of ids) ordered[id] = next[id] as string;
  return shared(Object.freeze(ordered));
}

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});
