import { DISCOVERY_METHODS, type DiscoveryMethod, inLocale, type Label, type Locale, label } from '@hazardflow/core';
import { ASSESSMENT_GROUP_LABELS, type AssessmentGroup, percent } from './assessment';
import type { CaseView } from './case-view';
import { formatMarkdownTable, formatTextTable } from './text-table';

/**
 * The measures a district's assessment (考核) report uses, for one group of cases. Every
 * figure is over the cases found in the window (a cohort), so rates stay within 0..1;
 * dismissed reports (不予立案: duplicates, not substantiated) are not hazards and are left out.
 */
export interface AssessmentMeasures {
  group: string;
  /** 隐患总数: hazards found (reported in the window, not dismissed). */
  total: number;
  /** 已整改: rectification done (awaiting verification, or closed). */
  rectified: number;
  /** 整改率: rectified / total, 0..1 (0 when nothing was found). */
  rectificationRate: number;
  /** 按期整改率: closed on time / closed, 0..1; null when nothing closed. */
  onTimeRate: number | null;
  /** 逾期未整改: open and past the current deadline. */
  overdueOpen: number;
  /** 重大隐患. */
  major: number;
  /** 挂牌督办: under listed supervision at some point. */
  listed: number;
  /** 销号: closed after verification (or fixed on the spot). */
  closed: number;
  /** 平均整改用时（工作日）: mean working days from report to closure; null when nothing closed. */
  meanWorkingDaysToClose: number | null;
  /** 回头看/复发: cases a follow-up check reopened. */
  reopened: number;
}

/** How many hazards each discovery method found, and its share of all found. */
export interface DiscoveryShare {
  /** `unrecorded` for views stored before the discovery method was kept. */
  method: DiscoveryMethod | 'unrecorded';
  count: number;
  /** count / total found, 0..1. */
  share: number;
}

export interface AssessmentReport {
  from: string | null;
  to: string | null;
  overall: AssessmentMeasures;
  byTerritory: AssessmentMeasures[];
  byRegulator: AssessmentMeasures[];
  byDiscovery: DiscoveryShare[];
}

export interface AssessmentReportOptions {
  /** Count cases reported at or after this instant … */
  from?: string | undefined;
  /** … and before this one. */
  to?: string | undefined;
}

/** The district assessment over case views: overall, by street, by department, by discovery method. Pure. */
export function computeAssessmentReport(
  views: Iterable<CaseView>,
  options: AssessmentReportOptions = {},
): AssessmentReport {
  const found = [...views].filter(
    (v) =>
      v.status !== 'dismissed' &&
      (options.from === undefined || v.reportedAt >= options.from) &&
      (options.to === undefined || v.reportedAt < options.to),
  );
  const counts = new Map<DiscoveryShare['method'], number>();
  for (const v of found) {
    const method = v.discoveredBy ?? 'unrecorded';
    counts.set(method, (counts.get(method) ?? 0) + 1);
  }
  const methods: DiscoveryShare['method'][] = [...DISCOVERY_METHODS, 'unrecorded'];
  return {
    from: options.from ?? null,
    to: options.to ?? null,
    overall: measuresOf('', found),
    byTerritory: grouped(found, (v) => v.territory),
    byRegulator: grouped(found, (v) => v.regulator),
    byDiscovery: methods
      .filter((m) => m !== 'unrecorded' || counts.has(m))
      .map((method) => {
        const count = counts.get(method) ?? 0;
        return { method, count, share: found.length === 0 ? 0 : round(count / found.length) };
      }),
  };
}

function grouped(views: readonly CaseView[], key: (v: CaseView) => string): AssessmentMeasures[] {
  const groups = new Map<string, CaseView[]>();
  for (const v of views) {
    const k = key(v);
    const list = groups.get(k);
    if (list) list.push(v);
    else groups.set(k, [v]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, list]) => measuresOf(group, list));
}

function measuresOf(group: string, views: readonly CaseView[]): AssessmentMeasures {
  const closed = views.filter((v) => v.status === 'closed');
  const rectified = views.filter((v) => v.status === 'closed' || v.status === 'verifying').length;
  const days = closed.map((v) => v.workingDaysToClose).filter((d): d is number => d !== null);
  return {
    group,
    total: views.length,
    rectified,
    rectificationRate: views.length === 0 ? 0 : round(rectified / views.length),
    onTimeRate:
      closed.length === 0 ? null : round(closed.filter((v) => v.closedOnTime === true).length / closed.length),
    overdueOpen: views.filter((v) => v.overdue && v.status !== 'closed' && v.status !== 'transferred').length,
    major: views.filter((v) => v.severity === 'major').length,
    listed: views.filter((v) => v.listedSupervision).length,
    closed: closed.length,
    meanWorkingDaysToClose:
      days.length === 0 ? null : Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10,
    reopened: views.filter((v) => v.reopenedCount > 0).length,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The measures' headings, in the order the tables show them. */
export const ASSESSMENT_MEASURE_LABELS: Record<Exclude<keyof AssessmentMeasures, 'group'>, Label> = {
  total: { zh: '隐患总数', en: 'Hazards found' },
  rectified: { zh: '已整改', en: 'Rectified' },
  rectificationRate: { zh: '整改率', en: 'Rectification rate' },
  onTimeRate: { zh: '按期整改率', en: 'On-time rate' },
  overdueOpen: { zh: '逾期未整改', en: 'Overdue, open' },
  major: { zh: '重大隐患', en: 'Major' },
  listed: { zh: '挂牌督办', en: 'Listed supervision' },
  closed: { zh: '销号', en: 'Closed' },
  meanWorkingDaysToClose: { zh: '平均整改用时（工作日）', en: 'Mean working days to close' },
  reopened: { zh: '回头看/复发', en: 'Reopened on follow-up' },
};

const TEXT: Record<string, Label> = {
  title: { zh: '隐患排查治理考核', en: 'Hazard assessment' },
  overall: { zh: '全区合计', en: 'District total' },
  scope: { zh: '统计范围', en: 'Scope' },
  window: { zh: '统计期间', en: 'Period' },
  all: { zh: '全部', en: 'all time' },
  discovery: { zh: '发现方式', en: 'Discovery method' },
  count: { zh: '数量', en: 'Count' },
  share: { zh: '占比', en: 'Share' },
  unrecorded: { zh: '未记录', en: 'Not recorded' },
};

export interface AssessmentReportFormat {
  /** Chinese (the default) or English. */
  locale?: Locale;
  /** `text` for terminals (widths count CJK characters as two), `markdown` for files. */
  format?: 'text' | 'markdown';
  /** Display names per street id and department id; ids show as they are otherwise. */
  names?: Readonly<Record<string, Label>>;
  /** Heading level of the sections in Markdown (default 2). */
  headingLevel?: number;
  /** Which groupings to show; default both, by street then by department. */
  groupings?: readonly ('territory' | 'regulator')[];
}

/** The assessment report for people: overall, by street (属地), by department, discovery shares. */
export function formatAssessmentReport(report: AssessmentReport, options: AssessmentReportFormat = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const t = (key: string) => inLocale(TEXT[key] as Label, locale);
  const markdown = options.format === 'markdown';
  const table = markdown ? formatMarkdownTable : formatTextTable;
  // In text the table's first heading names the grouping; Markdown gets a section heading too.
  const heading = (text: string) => (markdown ? [`${'#'.repeat(options.headingLevel ?? 2)} ${text}`] : []);
  const name = (id: string) => {
    const known = options.names?.[id];
    return known ? inLocale(known, locale) : id;
  };
  const measureHeader = Object.values(ASSESSMENT_MEASURE_LABELS).map((l) => inLocale(l, locale));
  const cells = (m: AssessmentMeasures) => [
    String(m.total),
    String(m.rectified),
    percent(m.rectificationRate),
    m.onTimeRate === null ? '-' : percent(m.onTimeRate),
    String(m.overdueOpen),
    String(m.major),
    String(m.listed),
    String(m.closed),
    m.meanWorkingDaysToClose === null ? '-' : m.meanWorkingDaysToClose.toFixed(1),
    String(m.reopened),
  ];
  const sections: string[] = [];
  const window = `${t('window')}: ${report.from === null && report.to === null ? t('all') : `${report.from ?? '…'} – ${report.to ?? '…'}`}`;
  sections.push(window, table([t('scope'), ...measureHeader], [[t('overall'), ...cells(report.overall)]]));
  const groups: Record<'territory' | 'regulator', AssessmentMeasures[]> = {
    territory: report.byTerritory,
    regulator: report.byRegulator,
  };
  for (const group of options.groupings ?? (['territory', 'regulator'] as const)) {
    const title = inLocale(ASSESSMENT_GROUP_LABELS[group as AssessmentGroup], locale);
    sections.push(
      ...heading(title),
      table(
        [title, ...measureHeader],
        groups[group].map((m) => [name(m.group), ...cells(m)]),
      ),
    );
  }
  sections.push(
    ...heading(t('discovery')),
    table(
      [t('discovery'), t('count'), t('share')],
      report.byDiscovery.map((d) => [
        d.method === 'unrecorded' ? t('unrecorded') : label('discoveryMethod', d.method, locale),
        String(d.count),
        percent(d.share),
      ]),
    ),
  );
  return sections.join('\n\n');
}
