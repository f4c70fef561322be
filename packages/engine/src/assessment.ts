import { inLocale, type Label, type Locale } from '@hazardflow/core';
import type { AssessmentGroup, AssessmentRow } from './assessment-aggregates';
import { formatTextTable } from './text-table';

export {
  ASSESSMENT_GROUPS,
  type AssessmentGroup,
  type AssessmentOptions,
  type AssessmentRow,
  computeAssessment,
} from './assessment-aggregates';

/** Column headings of `formatAssessmentTable`, per locale. */
const TABLE_HEADINGS: Record<Locale, readonly string[]> = {
  'zh-CN': [
    '隐患总数',
    '销号',
    '整改率',
    '按期整改率',
    '逾期未整改',
    '各级督办数',
    '挂牌督办',
    '整改用时中位数（工作日）',
  ],
  en: ['found', 'closed', 'closure', 'on time', 'open overdue', 'by rung', 'listed', 'median wd'],
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
    formatByRung(r.byRung),
    String(r.listedSupervision),
    r.medianWorkingDaysToClose === null ? '-' : r.medianWorkingDaysToClose.toFixed(1),
  ]);
  return formatTextTable(header, body);
}

/** Cases per escalation rung, rung 0 first: `12/3/1`; `-` when the group has no case. */
function formatByRung(byRung: readonly number[]): string {
  return byRung.length === 0 ? '-' : byRung.join('/');
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
