import { ENFORCEMENT_KINDS, type EnforcementKind } from '@hazardflow/core';
import type { CaseView } from './case-view';

/**
 * What each case contributes to the assessment (考核), in one place, so a store can keep the
 * figures as incremental aggregates updated in the commit (a dashboard's refresh then costs the
 * same at 1k and 1M cases) and the scan over views counts exactly the same things.
 *
 * A case adds to cells: one per grouping dimension × figure × day of the instant the figure is
 * windowed by. Days are UTC calendar days; a window's `from` and `to` days are read from the
 * views themselves (exact at the edges), the days between from the cells.
 *
 * - Adding a figure: one entry in `ASSESSMENT_FIGURES` (plus its field on `AssessmentRow` when
 *   `inRow`). Adding a grouping: one name in `ASSESSMENT_GROUPS` and one case in
 *   `assessmentGroupKeys`. Either changes `ASSESSMENT_CELLS_REVISION`, and stores rebuild their
 *   cells from the views when the revision they hold differs.
 */

/**
 * 考核: which dimension figures are grouped by. `officer` groups by the case officer
 * (ASSIGN) within each department: `<regulator>/<officer>`, and `<regulator>/` for the
 * department's cases nobody is assigned to. `industry` has a row per industry department
 * (行业主管部门, its org): 三管三必须 (《安全生产法》 Art. 3) assesses it on the cases of its place
 * types alongside the regulator, so a case with two departments counts in both rows and a
 * case with none in no row.
 */
export const ASSESSMENT_GROUPS = ['territory', 'regulator', 'pack', 'category', 'officer', 'industry'] as const;
export type AssessmentGroup = (typeof ASSESSMENT_GROUPS)[number];

/**
 * The groups a case falls in, per dimension: one for most, any number for a dimension where a
 * case can belong to several groups or none (it then counts in each, or in no row).
 */
export function assessmentGroupKeys(view: CaseView, groupBy: AssessmentGroup): readonly string[] {
  switch (groupBy) {
    case 'territory':
      return [view.territory];
    case 'regulator':
      return [view.regulator];
    case 'pack':
      return [view.packId];
    case 'category':
      return [`${view.packId}/${view.category}`];
    case 'officer':
      return [`${view.regulator}/${view.assignee ?? ''}`];
    case 'industry':
      return [...new Set((view.industry ?? []).map((department) => department.org))];
  }
}

/**
 * Which instant puts a figure in a `from`/`to` window:
 * - `reported`: the case was reported in the window;
 * - `closed`: the case was closed in the window;
 * - `reportedClosed`: reported in the window and closed before `to` (the cell keeps the close day);
 * - `current`: never windowed (the case as it stands now).
 */
export type AssessmentAnchor = 'reported' | 'closed' | 'reportedClosed' | 'current';

/** A figure: a count per case (a sum), or a histogram of one number per case (`bin`). */
export type AssessmentFigure =
  | { anchor: AssessmentAnchor; count: (view: CaseView) => number; inRow?: true }
  | { anchor: Exclude<AssessmentAnchor, 'reportedClosed'>; bin: (view: CaseView) => number | null };

function isOpen(view: CaseView): boolean {
  return view.status !== 'closed' && view.status !== 'dismissed' && view.status !== 'transferred';
}

/**
 * Every figure the assessment is computed from. `inRow` counts are copied to the
 * `AssessmentRow` field of the same name; the rest feed the rates, `byRung` and the median.
 */
export const ASSESSMENT_FIGURES = {
  /** Cases in the group at all (a group shows once it has a case, whatever the window). */
  cases: { anchor: 'current', count: () => 1 },
  found: { anchor: 'reported', count: () => 1, inRow: true },
  closed: { anchor: 'closed', count: (v) => (v.status === 'closed' ? 1 : 0), inRow: true },
  foundAndClosed: {
    anchor: 'reportedClosed',
    count: (v) => (v.status === 'closed' && v.closedAt !== null ? 1 : 0),
  },
  closedOnTime: { anchor: 'closed', count: (v) => (v.status === 'closed' && v.closedOnTime === true ? 1 : 0) },
  openOverdue: { anchor: 'current', count: (v) => (v.overdue && isOpen(v) ? 1 : 0), inRow: true },
  listedSupervision: { anchor: 'reported', count: (v) => (v.listedSupervision ? 1 : 0), inRow: true },
  reopened: { anchor: 'reported', count: (v) => v.reopenedCount, inRow: true },
  /** Cases by the highest escalation rung they reached. */
  rung: { anchor: 'current', bin: (v) => v.maxEscalationLevel },
  /** Closed cases by working days to close: the median is exact from the counts. */
  daysToClose: { anchor: 'closed', bin: (v) => (v.status === 'closed' ? v.workingDaysToClose : null) },
  /** Enforcement measures (ENFORCE) on the cases found, one figure per kind: `enforcement` of the row. */
  ...enforcementFigures(),
} as const satisfies Record<string, AssessmentFigure>;

/** `enforcement.penalty`, `enforcement.forced_removal`, …: measures of that kind on a case found. */
function enforcementFigures(): Record<`enforcement.${EnforcementKind}`, AssessmentFigure> {
  const figures = {} as Record<`enforcement.${EnforcementKind}`, AssessmentFigure>;
  for (const kind of ENFORCEMENT_KINDS) {
    figures[`enforcement.${kind}`] = {
      anchor: 'reported',
      count: (v) => (v.enforcement ?? []).reduce((sum, record) => sum + (record.kind === kind ? 1 : 0), 0),
    };
  }
  return figures;
}

export type AssessmentFigureName = keyof typeof ASSESSMENT_FIGURES;
type RowFigure = {
  [K in AssessmentFigureName]: (typeof ASSESSMENT_FIGURES)[K] extends { inRow: true } ? K : never;
}[AssessmentFigureName];

export interface AssessmentOptions {
  groupBy: AssessmentGroup;
  /** Count cases reported at or after this instant (found), and closed at or after it (closed). */
  from?: string;
  /** … and before this instant. */
  to?: string;
}

export interface AssessmentRow {
  group: string;
  found: number;
  closed: number;
  /**
   * Of the cases found, the share closed (before `to`, when a window is given): 0..1, 0 when
   * nothing was found. Cases found earlier and closed in the window count in `closed` only,
   * so the rate never exceeds 1.
   */
  closureRate: number;
  /** closed on time / closed, 0..1 (null when nothing closed). */
  onTimeRate: number | null;
  openOverdue: number;
  /**
   * Cases by the highest escalation rung they reached, whatever the window: `byRung[2]` is
   * how many reached rung 2 and no higher. Its length is one past the highest rung reached.
   */
  byRung: number[];
  listedSupervision: number;
  medianWorkingDaysToClose: number | null;
  reopened: number;
  /**
   * Enforcement measures on the cases found (in the window, when one is given), by kind: how
   * often the group's departments penalised, sealed, cut power, referred or blacklisted, not
   * only how late the cases were. Every kind is present, 0 when none.
   */
  enforcement: Record<EnforcementKind, number>;
}

// Every `inRow` figure must be a number field of the row.
type _RowFiguresAreRowFields = Pick<AssessmentRow, RowFigure>;

/**
 * Names what the stored cells mean: a store whose cells carry another revision rebuilds them
 * from its views. Derived from the groupings and figures, plus a number to bump when a
 * figure's meaning changes without its name.
 */
export const ASSESSMENT_CELLS_REVISION: string = `1:${ASSESSMENT_GROUPS.join(',')}:${Object.entries(ASSESSMENT_FIGURES)
  .map(([name, figure]) => `${name}/${figure.anchor}/${'bin' in figure ? 'bin' : 'count'}`)
  .join(',')}`;

/**
 * One aggregate cell: the sum of `count` over cases. `day` is the UTC day (YYYY-MM-DD) of the
 * figure's anchor instant, '' for `current` figures; `bin` the histogram bin, or for
 * `reportedClosed` the close day; '' otherwise.
 */
export interface AssessmentCell {
  groupBy: AssessmentGroup;
  group: string;
  figure: AssessmentFigureName;
  day: string;
  bin: string;
  count: number;
}

/** The UTC day of an instant. */
export function dayOf(at: string): string {
  return at.length === 24 && at.endsWith('Z') ? at.slice(0, 10) : new Date(Date.parse(at)).toISOString().slice(0, 10);
}

/** The instant a UTC day starts and the start of the next one, for reading edge days. */
export function dayBounds(day: string): { start: string; end: string } {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  return { start: new Date(start).toISOString(), end: new Date(start + 86_400_000).toISOString() };
}

const FIGURE_ENTRIES = Object.entries(ASSESSMENT_FIGURES) as [AssessmentFigureName, AssessmentFigure][];

/** A figure's cell coordinates and count for one view, whatever the grouping; null when it adds nothing. */
function figureCellOf(view: CaseView, figure: AssessmentFigure): { day: string; bin: string; count: number } | null {
  const anchorAt = figure.anchor === 'current' ? '' : figure.anchor === 'closed' ? view.closedAt : view.reportedAt;
  if (anchorAt === null) return null;
  const day = anchorAt === '' ? '' : dayOf(anchorAt);
  if ('bin' in figure) {
    const bin = figure.bin(view);
    return bin === null ? null : { day, bin: String(bin), count: 1 };
  }
  const count = figure.count(view);
  if (count === 0) return null;
  if (figure.anchor !== 'reportedClosed') return { day, bin: '', count };
  return view.closedAt === null ? null : { day, bin: dayOf(view.closedAt), count };
}

/** The cells one case view adds to, with their counts (zero counts left out). */
export function assessmentCellsOf(view: CaseView): AssessmentCell[] {
  const cells: AssessmentCell[] = [];
  const perFigure = FIGURE_ENTRIES.map(([name, figure]) => [name, figureCellOf(view, figure)] as const);
  for (const groupBy of ASSESSMENT_GROUPS) {
    for (const group of assessmentGroupKeys(view, groupBy)) {
      for (const [figure, cell] of perFigure) if (cell) cells.push({ groupBy, group, figure, ...cell });
    }
  }
  return cells;
}

/**
 * Everything a view's cells depend on, as one string: two versions of a case with the same
 * signature add to the same cells, so a commit that changes none of it changes no cell.
 */
export function assessmentSignature(view: CaseView): string {
  const parts: string[] = ASSESSMENT_GROUPS.map((groupBy) => assessmentGroupKeys(view, groupBy).join('\u0002'));
  for (const [, figure] of FIGURE_ENTRIES) {
    const cell = figureCellOf(view, figure);
    parts.push(cell === null ? '' : `${cell.day}|${cell.bin}|${cell.count}`);
  }
  return parts.join('\u0001');
}

/** The identity of a cell, for maps and primary keys. */
export function assessmentCellKey(cell: Omit<AssessmentCell, 'count'>): string {
  return `${cell.groupBy}\u0001${cell.group}\u0001${cell.figure}\u0001${cell.day}\u0001${cell.bin}`;
}

/**
 * What a commit changes in the cells: the new view's cells minus the previous view's, with
 * the cells whose count does not change left out (most commands change none).
 */
export function assessmentCellDelta(before: CaseView | undefined, after: CaseView | undefined): AssessmentCell[] {
  if (before && after && assessmentSignature(before) === assessmentSignature(after)) return [];
  const delta = new Map<string, AssessmentCell>();
  const add = (view: CaseView | undefined, sign: number) => {
    if (!view) return;
    for (const cell of assessmentCellsOf(view)) {
      const key = assessmentCellKey(cell);
      const known = delta.get(key);
      if (known) known.count += sign * cell.count;
      else delta.set(key, { ...cell, count: sign * cell.count });
    }
  };
  add(before, -1);
  add(after, 1);
  return [...delta.values()].filter((cell) => cell.count !== 0);
}

/**
 * How a store answers a window from cells: cells of `current` figures (day '') and of days
 * strictly between `low` and `high` (UTC days), plus every view whose reported or closed day
 * is one of `edgeDays`, read directly.
 */
export interface AssessmentWindowPlan {
  low: string;
  high: string;
  edgeDays: string[];
}

export function assessmentWindowPlan(options: Pick<AssessmentOptions, 'from' | 'to'>): AssessmentWindowPlan {
  const edgeDays = new Set<string>();
  if (options.from !== undefined) edgeDays.add(dayOf(options.from));
  if (options.to !== undefined) edgeDays.add(dayOf(options.to));
  return {
    // '0' sorts before every day and after ''; '~' after every day.
    low: options.from === undefined ? '0' : dayOf(options.from),
    high: options.to === undefined ? '~' : dayOf(options.to),
    edgeDays: [...edgeDays].sort(),
  };
}

interface GroupTotals {
  counts: Map<string, number>;
  bins: Map<string, Map<number, number>>;
}

function totalsOf(groups: Map<string, GroupTotals>, group: string): GroupTotals {
  let totals = groups.get(group);
  if (!totals) {
    totals = { counts: new Map(), bins: new Map() };
    groups.set(group, totals);
  }
  return totals;
}

function addCount(totals: GroupTotals, figure: string, count: number): void {
  totals.counts.set(figure, (totals.counts.get(figure) ?? 0) + count);
}

function addBin(totals: GroupTotals, figure: string, bin: number, count: number): void {
  let bins = totals.bins.get(figure);
  if (!bins) {
    bins = new Map();
    totals.bins.set(figure, bins);
  }
  bins.set(bin, (bins.get(bin) ?? 0) + count);
}

/**
 * Adds one view's figures, exactly windowed; with `onlyEdges`, only the figures whose anchor
 * day is an edge day (the cells hold the rest).
 */
function addView(
  groups: Map<string, GroupTotals>,
  view: CaseView,
  options: AssessmentOptions,
  onlyEdges?: ReadonlySet<string>,
): void {
  const inWindow = (at: string | null) =>
    at !== null && (options.from === undefined || at >= options.from) && (options.to === undefined || at < options.to);
  const beforeTo = (at: string | null) => at !== null && (options.to === undefined || at < options.to);
  const reportedEdge = onlyEdges === undefined || onlyEdges.has(dayOf(view.reportedAt));
  const closedEdge = onlyEdges === undefined || (view.closedAt !== null && onlyEdges.has(dayOf(view.closedAt)));
  const keys = assessmentGroupKeys(view, options.groupBy);
  for (const [name, figure] of FIGURE_ENTRIES) {
    let counts: boolean;
    switch (figure.anchor) {
      case 'current':
        counts = onlyEdges === undefined;
        break;
      case 'reported':
        counts = reportedEdge && inWindow(view.reportedAt);
        break;
      case 'closed':
        counts = closedEdge && inWindow(view.closedAt);
        break;
      case 'reportedClosed':
        counts = (reportedEdge || closedEdge) && inWindow(view.reportedAt) && beforeTo(view.closedAt);
        break;
    }
    if (!counts) continue;
    for (const key of keys) {
      const totals = totalsOf(groups, key);
      if ('bin' in figure) {
        const bin = figure.bin(view);
        if (bin !== null) addBin(totals, name, bin, 1);
      } else {
        const count = figure.count(view);
        if (count !== 0) addCount(totals, name, count);
      }
    }
  }
}

/** Per-group figures over case views: the scan. Pure, so every store and the CLI get the same numbers. */
export function computeAssessment(views: Iterable<CaseView>, options: AssessmentOptions): AssessmentRow[] {
  const groups = new Map<string, GroupTotals>();
  for (const view of views) addView(groups, view, options);
  return rowsOf(groups);
}

/**
 * The same figures from cells and edge-day views (see `assessmentWindowPlan`). `cells` may
 * hold cells of other groupings and days; only those the window needs are counted. Pure.
 */
export function assessmentFromCells(
  cells: Iterable<AssessmentCell>,
  edgeViews: Iterable<CaseView>,
  options: AssessmentOptions,
): AssessmentRow[] {
  const plan = assessmentWindowPlan(options);
  const edges = new Set(plan.edgeDays);
  const interior = (day: string) => day > plan.low && day < plan.high && !edges.has(day);
  const groups = new Map<string, GroupTotals>();
  for (const cell of cells) {
    if (cell.groupBy !== options.groupBy || cell.count === 0) continue;
    const figure: AssessmentFigure = ASSESSMENT_FIGURES[cell.figure];
    if (figure.anchor === 'current') {
      if (cell.day !== '') continue;
    } else if (!interior(cell.day)) continue;
    // Reported on a day inside the window; closed before `to` unless closed on an edge day (read directly).
    if (figure.anchor === 'reportedClosed' && (edges.has(cell.bin) || cell.bin > plan.high)) continue;
    const totals = totalsOf(groups, cell.group);
    if ('bin' in figure) addBin(totals, cell.figure, Number(cell.bin), cell.count);
    else addCount(totals, cell.figure, cell.count);
  }
  const seen = new Set<string>();
  for (const view of edgeViews) {
    if (seen.has(view.id)) continue;
    seen.add(view.id);
    addView(groups, view, options, edges);
  }
  return rowsOf(groups);
}

function rowsOf(groups: Map<string, GroupTotals>): AssessmentRow[] {
  const rows: AssessmentRow[] = [];
  for (const [group, totals] of groups) {
    if ((totals.counts.get('cases') ?? 0) === 0) continue;
    const count = (figure: AssessmentFigureName) => totals.counts.get(figure) ?? 0;
    const found = count('found');
    const closed = count('closed');
    const rungs = totals.bins.get('rung') ?? new Map<number, number>();
    const byRung = Array.from(
      { length: rungs.size === 0 ? 0 : Math.max(...rungs.keys()) + 1 },
      (_, rung) => rungs.get(rung) ?? 0,
    );
    const inRow = Object.fromEntries(
      FIGURE_ENTRIES.filter(([, figure]) => 'inRow' in figure && figure.inRow).map(([name]) => [name, count(name)]),
    ) as Pick<AssessmentRow, RowFigure>;
    // The row's fields in their published order (JSON readers see it); `inRow` counts fill in.
    const row: AssessmentRow = {
      group,
      found,
      closed,
      closureRate: found === 0 ? 0 : round(count('foundAndClosed') / found),
      onTimeRate: closed === 0 ? null : round(count('closedOnTime') / closed),
      openOverdue: 0,
      byRung,
      listedSupervision: 0,
      medianWorkingDaysToClose: medianOfCounts(totals.bins.get('daysToClose')),
      reopened: 0,
      enforcement: Object.fromEntries(ENFORCEMENT_KINDS.map((kind) => [kind, count(`enforcement.${kind}`)])) as Record<
        EnforcementKind,
        number
      >,
    };
    rows.push(Object.assign(row, inRow));
  }
  return rows.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/** The median of values given as value → how many times it occurs. */
function medianOfCounts(bins: Map<number, number> | undefined): number | null {
  if (!bins) return null;
  const sorted = [...bins.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  // The values at 0-based positions lo and hi of the sorted list (equal when total is odd).
  const lo = (total - 1) >> 1;
  const hi = total >> 1;
  let seen = 0;
  let atLo: number | undefined;
  for (const [value, n] of sorted) {
    if (atLo === undefined && lo < seen + n) atLo = value;
    if (hi < seen + n) return ((atLo as number) + value) / 2;
    seen += n;
  }
  return null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
