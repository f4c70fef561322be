import type { CaseView } from './case-view';

/** 考核: which dimension figures are grouped by. */
export type AssessmentGroup = 'territory' | 'regulator' | 'pack' | 'category';

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
  highestEscalationLevel: number;
  listedSupervision: number;
  medianWorkingDaysToClose: number | null;
  reopened: number;
}

/** Per-group figures over case views. Pure, so every store and the CLI get the same numbers. */
export function computeAssessment(views: Iterable<CaseView>, options: AssessmentOptions): AssessmentRow[] {
  const inWindow = (at: string | null) =>
    at !== null && (options.from === undefined || at >= options.from) && (options.to === undefined || at < options.to);
  const groups = new Map<string, { rows: CaseView[] }>();
  for (const view of views) {
    const key = groupKey(view, options.groupBy);
    let group = groups.get(key);
    if (!group) {
      group = { rows: [] };
      groups.set(key, group);
    }
    group.rows.push(view);
  }
  const result: AssessmentRow[] = [];
  for (const [group, { rows }] of groups) {
    const found = rows.filter((v) => inWindow(v.reportedAt));
    const closed = rows.filter((v) => v.status === 'closed' && inWindow(v.closedAt));
    const foundAndClosed = found.filter(
      (v) => v.status === 'closed' && v.closedAt !== null && (options.to === undefined || v.closedAt < options.to),
    );
    const onTime = closed.filter((v) => v.closedOnTime === true).length;
    const days = closed.map((v) => v.workingDaysToClose).filter((d): d is number => d !== null);
    result.push({
      group,
      found: found.length,
      closed: closed.length,
      closureRate: found.length === 0 ? 0 : round(foundAndClosed.length / found.length),
      onTimeRate: closed.length === 0 ? null : round(onTime / closed.length),
      openOverdue: rows.filter((v) => v.overdue && isOpen(v)).length,
      highestEscalationLevel: rows.reduce((max, v) => Math.max(max, v.maxEscalationLevel), 0),
      listedSupervision: rows.filter((v) => v.listedSupervision && inWindow(v.reportedAt)).length,
      medianWorkingDaysToClose: median(days),
      reopened: found.reduce((sum, v) => sum + v.reopenedCount, 0),
    });
  }
  return result.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/** A fixed-width text table of assessment rows, for terminals and logs. */
export function formatAssessmentTable(rows: readonly AssessmentRow[], groupLabel = 'group'): string {
  const header = [
    groupLabel,
    'found',
    'closed',
    'closure',
    'on time',
    'open overdue',
    'top level',
    'listed',
    'median wd',
  ];
  const body = rows.map((r) => [
    r.group,
    String(r.found),
    String(r.closed),
    percent(r.closureRate),
    r.onTimeRate === null ? '-' : percent(r.onTimeRate),
    String(r.openOverdue),
    String(r.highestEscalationLevel),
    String(r.listedSupervision),
    r.medianWorkingDaysToClose === null ? '-' : r.medianWorkingDaysToClose.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function groupKey(view: CaseView, groupBy: AssessmentGroup): string {
  switch (groupBy) {
    case 'territory':
      return view.territory;
    case 'regulator':
      return view.regulator;
    case 'pack':
      return view.packId;
    case 'category':
      return `${view.packId}/${view.category}`;
  }
}

function isOpen(view: CaseView): boolean {
  return view.status !== 'closed' && view.status !== 'dismissed' && view.status !== 'transferred';
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
