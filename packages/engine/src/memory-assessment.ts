import {
  type AssessmentCell,
  type AssessmentOptions,
  type AssessmentRow,
  assessmentCellDelta,
  assessmentCellKey,
  assessmentFromCells,
  assessmentWindowPlan,
  dayBounds,
  dayOf,
} from './assessment-aggregates';
import type { CaseView } from './case-view';

/** What the memory store lends its assessment aggregates to read views. */
export interface MemoryAssessmentViews {
  get(id: string): CaseView | undefined;
  all(): Iterable<CaseView>;
  /** Views reported at or after `start` and before `end`. */
  reportedBetween(start: string, end: string): Iterable<CaseView>;
}

/**
 * Past this many cases changed since the last assessment the pending list is dropped and the
 * next assessment rebuilds the cells from every view, so a store nobody asks for an
 * assessment does not keep a list of every case it ever changed. [default]
 */
const PENDING_LIMIT = 65_536;

/**
 * The memory store's assessment aggregates. A commit only notes which case changed and its
 * view as last counted (one map entry, no figure computed, so the command path stays as fast
 * as it was); an assessment first applies the pending changes to the cells, then reads the
 * cells and the few views reported or closed on the window's edge days. A refresh costs the
 * changes since the last one plus the cells, not the number of cases.
 */
export function createMemoryAssessment(views: MemoryAssessmentViews) {
  const cells = new Map<string, AssessmentCell>();
  /** Case ids by the UTC day they were closed on, for the window's edge days. */
  const closedOn = new Map<string, Set<string>>();
  /** Cases changed since the last refresh, with their view as the cells count it (undefined: not counted). */
  const pending = new Map<string, CaseView | undefined>();
  let stale = false;

  const apply = (before: CaseView | undefined, after: CaseView | undefined) => {
    for (const change of assessmentCellDelta(before, after)) {
      const key = assessmentCellKey(change);
      const cell = cells.get(key);
      const count = (cell?.count ?? 0) + change.count;
      if (count === 0) cells.delete(key);
      else if (cell) cell.count = count;
      else cells.set(key, change);
    }
    const dayBefore = before?.closedAt == null ? null : dayOf(before.closedAt);
    const dayAfter = after?.closedAt == null ? null : dayOf(after.closedAt);
    if (dayBefore === dayAfter) return;
    const id = (after ?? before)?.id as string;
    if (dayBefore !== null) closedOn.get(dayBefore)?.delete(id);
    if (dayAfter !== null) {
      let ids = closedOn.get(dayAfter);
      if (!ids) {
        ids = new Set();
        closedOn.set(dayAfter, ids);
      }
      ids.add(id);
    }
  };

  const refresh = () => {
    if (stale) {
      cells.clear();
      closedOn.clear();
      for (const view of views.all()) apply(undefined, view);
      stale = false;
    } else for (const [id, before] of pending) apply(before, views.get(id));
    pending.clear();
  };

  return {
    /** Call before a commit replaces `before` (undefined for a new case). */
    touched(id: string, before: CaseView | undefined): void {
      if (stale || pending.has(id)) return;
      pending.set(id, before);
      if (pending.size > PENDING_LIMIT) {
        stale = true;
        pending.clear();
      }
    },

    assessment(options: AssessmentOptions): AssessmentRow[] {
      refresh();
      const edgeViews: CaseView[] = [];
      for (const day of assessmentWindowPlan(options).edgeDays) {
        const { start, end } = dayBounds(day);
        edgeViews.push(...views.reportedBetween(start, end));
        for (const id of closedOn.get(day) ?? []) {
          const view = views.get(id);
          if (view) edgeViews.push(view);
        }
      }
      return assessmentFromCells(cells.values(), edgeViews, options);
    },
  };
}
