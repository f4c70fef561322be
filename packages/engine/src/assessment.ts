import { ENFORCEMENT_KINDS, type EnforcementKind, inLocale, type Label, type Locale } from '@hazardflow/core';
import type { CaseView } from './case-view';
import { formatTextTable } from './text-table';

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
  /**
   * Enforcement measures taken in the window (their decision's `at`), by kind: how often the
   * group's departments penalised, sealed, cut power, referred or listed, not only how late
   * the cases were. Every kind is present, 0 when none.
   */
  enforcement: Record<EnforcementKind, number>;
}

/** Per-group figures over case views. Pure, so every store and the CLI get the same numbers. */
export function computeAssessment(views: Iterable<CaseView>, options: AssessmentOptions): AssessmentRow[] {
  const inWindow = (at: string | null) =>
    at !== null && (options.from === undefined || at >= options.from) && (options.to === undefined || at < options.to);
  const groups = new Map<string, { rows: CaseView[] }>();
  for (const view of views) {
    for (const key of groupKeys(view, options.groupBy)) {
      let group = groups.get(key);
      if (!group) {
        group = { rows: [] };
        groups.set(key, group);
      }
      group.rows.push(view);
    }
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
      enforcement: enforcementCounts(rows, inWindow),
    });
  }
  return result.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/** Measures taken within the window, per kind, over the group's cases. */
function enforcementCounts(rows: readonly CaseView[], inWindow: (at: string | null) => boolean) {
  const counts = Object.fromEntries(ENFORCEMENT_KINDS.map((kind) => [kind, 0])) as Record<EnforcementKind, number>;
  for (const view of rows) {
    for (const record of view.enforcement ?? []) if (inWindow(record.at)) counts[record.kind] += 1;
  }
  return counts;
}

/** Column headings of `formatAssessmentTable`, per locale. */
const TABLE_HEADINGS: Record<Locale, readonly string[]> = {
  'zh-CN': [
    '隐患总数',
    '销号',
    '整改率',
    '按期整改率',
    '逾期未整改',
    '最高督办级别',
    '挂牌督办',
    '整改用时中位数（工作日）',
  ],
  en: ['found', 'closed', 'closure', 'on time', 'open overdue', 'top level', 'listed', 'median wd'],
};

/** The name of each grouping dimension, per locale. */
export const ASSESSMENT_GROUP_LABELS: Record<AssessmentGroup, Label> = {
  territory: { zh: '属地（街道）', en: 'territory' },
  regulator: { zh: '监管部门', en: 'regulator' },
  pack: { zh: '政策包', en: 'pack' },
  category: { zh: '隐患类别', en: 'category' },
  officer: { zh: '承办人', en: 'officer' },
  industry: { zh: '行业主管部门', en: 'industry department' },
};

export interface AssessmentTableOptions {
  /** Chinese (the default) or English headings. */
  locale?: Locale;
  /** A display name per group id (a street's or department's name); ids show as they are otherwise. */
  groupNames?: Readonly<Record<string, string>>;
}

/**
 * A fixed-width text table of assessment rows, for terminals and logs; Chinese headings
 * unless `locale: 'en'`. `group` is the first column's heading: a dimension (its name is
 * shown in the locale) or any text. Columns count CJK characters as two wide.
 */
export function formatAssessmentTable(
  rows: readonly AssessmentRow[],
  group: AssessmentGroup | (string & {}) = 'group',
  options: AssessmentTableOptions = {},
): string {
  const locale = options.locale ?? 'zh-CN';
  const groupLabel = Object.hasOwn(ASSESSMENT_GROUP_LABELS, group)
    ? inLocale(ASSESSMENT_GROUP_LABELS[group as AssessmentGroup], locale)
    : group === 'group' && locale === 'zh-CN'
      ? '分组'
      : group;
  const header = [groupLabel, ...TABLE_HEADINGS[locale]];
  const body = rows.map((r) => [
    options.groupNames?.[r.group] ?? r.group,
    String(r.found),
    String(r.closed),
    percent(r.closureRate),
    r.onTimeRate === null ? '-' : percent(r.onTimeRate),
    String(r.openOverdue),
    String(r.highestEscalationLevel),
    String(r.listedSupervision),
    r.medianWorkingDaysToClose === null ? '-' : r.medianWorkingDaysToClose.toFixed(1),
  ]);
  return formatTextTable(header, body);
}

function groupKeys(view: CaseView, groupBy: AssessmentGroup): string[] {
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

export function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
