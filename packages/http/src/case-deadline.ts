import { type BusinessCalendar, defaultCalendarFor, type PolicyPack, workingDaysLeft } from '@hazardflow/core';
import type { CaseView } from '@hazardflow/engine';

/** A case view as the service answers it: with the working days left before its deadline. */
export type CaseViewOut = CaseView & { workingDaysLeft: number | null };

const ENDED = new Set<CaseView['status']>(['closed', 'dismissed', 'transferred']);

/**
 * Adds `workingDaysLeft` to case views (`workingDaysLeft(dueAt, now, calendar)` from core):
 * on `calendar` when the application gives the one its engine uses, else each pack's default
 * (China's for Asia/Shanghai), and `now` from the engine's clock when it has one. Null for a
 * case with no deadline, an ended case, and a deadline the calendar cannot count (a year it
 * has no holidays for, on a strict calendar).
 */
export function caseDeadlines(options: {
  packs: readonly PolicyPack[];
  calendar?: BusinessCalendar | undefined;
  now: () => Date;
}): (view: CaseView) => CaseViewOut {
  const zoneOf = (view: CaseView) =>
    (
      options.packs.find((p) => p.id === view.packId && p.version === view.packVersion) ??
      options.packs.find((p) => p.id === view.packId)
    )?.timeZone ?? 'Asia/Shanghai';
  return (view) => {
    if (view.dueAt === null || ENDED.has(view.status)) return { ...view, workingDaysLeft: null };
    try {
      const calendar = options.calendar ?? defaultCalendarFor(zoneOf(view));
      return { ...view, workingDaysLeft: workingDaysLeft(view.dueAt, options.now(), calendar) };
    } catch {
      return { ...view, workingDaysLeft: null };
    }
  };
}
