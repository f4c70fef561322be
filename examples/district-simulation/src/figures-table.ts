import type { Locale } from '@hazardflow/core';
import { FIGURE_RANGES, type FigureName, rangedFigures } from './figure-ranges';
import type { SimulationFigures } from './figures';

const LABELS: Record<FigureName, { zh: string; en: string }> = {
  majorShare: { zh: '重大隐患占比', en: 'major share' },
  listedShare: { zh: '挂牌督办占比', en: 'listed share' },
  listedMajorShare: { zh: '挂牌督办中重大隐患占比', en: 'major among the listed' },
  generalClosureRate: { zh: '一般隐患整改率', en: 'general: closure' },
  generalOnTimeRate: { zh: '一般隐患按期整改率', en: 'general: closed on time' },
  majorClosureRate: { zh: '重大隐患整改率', en: 'major: closure' },
  rungZeroShare: { zh: '未升级案件占比', en: 'never escalated' },
  topRungShare: { zh: '一般隐患升至最高层级占比', en: 'general hazards at the top rung' },
  blockedExitsSameDay: { zh: '堵塞通道当日消除', en: 'blocked exits ended the same day' },
  enforcedCompliance: { zh: '执法或约谈后整改', en: 'acted after enforcement or 约谈' },
};

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/**
 * The believability figures as Markdown: each ranged figure with its range, then cases by the
 * highest rung reached, closure by grade and blocked exits ended the same day. Used by
 * report.md and the console.
 */
export function figuresTable(figures: SimulationFigures, locale: Locale): string[] {
  const t = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const values = rangedFigures(figures);
  const { general, major } = figures.closure;
  const rungs = figures.casesByRung.map((n, level) => `${level}: ${n}`).join(' · ');
  return [
    `| ${t('指标', 'figure')} | ${t('数值', 'value')} | ${t('可信区间', 'believable range')} |`,
    '|---|---:|---:|',
    ...(Object.keys(FIGURE_RANGES) as FigureName[]).map((name) => {
      const { min, max } = FIGURE_RANGES[name];
      const inRange = values[name] >= min && values[name] <= max;
      return `| ${t(LABELS[name].zh, LABELS[name].en)} | ${percent(values[name])}${inRange ? '' : ' ⚠'} | ${percent(min)} – ${percent(max)} |`;
    }),
    '',
    `- ${t('已定级隐患', 'graded cases')}: ${figures.graded}; ${t('一般', 'general')} ${general.found} (${t('已销号', 'closed')} ${general.closed}), ${t('重大', 'major')} ${major.found} (${t('已销号', 'closed')} ${major.closed}, ${t('按期', 'on time')} ${percent(major.onTimeRate)})`,
    `- ${t('按到达的最高升级层级统计的案件数（0 为未升级）', 'cases by the highest rung reached (0: never escalated)')}: ${rungs}; ${t('到达最高层级', 'top rung')} ${percent(figures.topRungShare)}`,
    `- ${t('堵塞疏散通道、消防车通道当日消除', 'blocked exits and fire lanes ended the day they were found')}: ${figures.blockedExits.endedSameDay} / ${figures.blockedExits.found}`,
    `- ${t('被处罚、查封或约谈的案件，其后责任单位整改', 'cases fined, sealed or with a 约谈, whose party then acted')}: ${figures.enforced.complied} / ${figures.enforced.cases}`,
  ];
}
