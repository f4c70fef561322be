import { inLocale, type Label, type Locale } from '@hazardflow/core';
import { type CaseView, computeAssessmentReport, formatAssessmentReport } from '@hazardflow/engine';
import type { CalendarNotes, DayRange } from './calendar-notes';
import { PACKS } from './district';
import type { SimulationFigures } from './figures';
import { figuresTable } from './figures-table';
import type { SimulationOptions } from './options';
import type { SimulationRun } from './simulation';

/** Everything report.md is written from. */
export interface ReportInput {
  run: SimulationRun;
  options: Pick<SimulationOptions, 'seed' | 'days' | 'hazards' | 'start'> & { lang?: Locale | undefined };
  views: readonly CaseView[];
  notes: CalendarNotes;
  /** The believability figures (computeFigures). */
  figures: SimulationFigures;
  /** e.g. 'SQLite (cases.sqlite)' or 'in memory'. */
  storeLabel: string;
  files: {
    charts: { open: string; closure: string };
    statecharts: { pack: string; mmd: string; svg: string }[];
    ledger: string;
  };
}

/** Display names of the district's streets and departments, for the tables and the ledger. */
export function districtNames(run: SimulationRun): Record<string, Label> {
  const names: Record<string, Label> = {};
  for (const street of run.district.streets) names[street.id] = { zh: street.zh, en: street.name };
  for (const department of Object.values(run.district.departments))
    names[department.id] = department.pack.regulator.name;
  return names;
}

/** The section headings of report.md; the end-to-end test finds the tables by them. */
export const SECTION_HEADINGS = {
  numbers: { zh: '运行概况', en: 'The run in numbers' },
  figures: { zh: '可信度指标', en: 'Is it believable?' },
  assessment: { zh: '考核', en: 'Assessment' },
  charts: { zh: '趋势', en: 'Over time' },
  calendar: { zh: '运行期间的日历', en: 'The calendar the run went through' },
  statecharts: { zh: '状态图', en: 'Statecharts' },
  refused: { zh: '被引擎拒绝的指令', en: 'Commands the engine refused' },
} as const satisfies Record<string, Label>;

/**
 * report.md, in Chinese unless `lang: 'en'`: the run in numbers, the assessment (考核) by
 * street and by department with the usual measures and the share found by each discovery
 * method (`computeAssessmentReport` over the engine's views), the charts, the calendar the run
 * went through and the statecharts. Nothing in it depends on the wall clock, so the same
 * seed gives the same file.
 */
export function buildReport(input: ReportInput): string {
  const { run, options, views, notes } = input;
  const locale: Locale = options.lang ?? 'zh-CN';
  const t = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const h = (label: Label) => inLocale(label, locale);
  const { stats, time } = run;
  const lastDate = time.dateOf(time.days - 1);
  const closed = views.filter((v) => v.status === 'closed');
  const open = views.filter((v) => !['closed', 'dismissed', 'transferred'].includes(v.status));
  const majors = views.filter((v) => v.severity === 'major');
  const count = (key: string) => stats.commands[key] ?? 0;
  const outcome = (key: string) => stats.outcomes[key] ?? 0;
  const escalations = stats.notifications.escalated ?? 0;
  const assessment = computeAssessmentReport(views);
  const lines: string[] = [
    t(
      `# 区级隐患排查治理模拟：${options.days} 天，${options.hazards} 条隐患`,
      `# District simulation: ${options.hazards} hazards over ${options.days} days`,
    ),
    '',
    `${t('种子', 'Seed')} ${options.seed} · ${options.start} … ${lastDate} (Asia/Shanghai) · ${t('政策包', 'packs')} ${Object.values(
      PACKS,
    )
      .map((p) => `${p.id}@${p.version}`)
      .join(', ')} · ${t('案件存储', 'cases stored')} ${input.storeLabel}`,
    '',
    t(
      `由 \`pnpm demo -- --seed ${options.seed} --days ${options.days} --hazards ${options.hazards} --start ${options.start}${locale === 'en' ? ' --lang en' : ''}\` 生成：相同参数得到相同数字（案件编号为 ULID，每次不同）。`,
      `Made by \`pnpm demo -- --seed ${options.seed} --days ${options.days} --hazards ${options.hazards} --start ${options.start} --lang en\`: the same options give the same figures (case ids are ULIDs and differ).`,
    ),
    '',
    `## ${h(SECTION_HEADINGS.numbers)}`,
    '',
    '| | |',
    '|---|---:|',
    `| ${t('发现隐患', 'hazards found')} | ${views.length} |`,
    `| ${t('已销号', 'closed')} | ${closed.length} (${t('立查立改', 'fixed on the spot')} ${count('FIX_ON_SPOT')}) |`,
    `| ${t('不予立案 / 移送其他部门', 'dismissed / transferred to another department')} | ${countStatus(views, 'dismissed')} / ${countStatus(views, 'transferred')} |`,
    `| ${t('期末未办结', 'still open at the end')} | ${open.length}${t('，其中逾期', ', of which overdue')} ${open.filter((v) => v.overdue).length} |`,
    `| ${t('重大隐患 / 挂牌督办 / 临时管控措施', 'major hazards / listed supervision (挂牌督办) / interim controls ordered')} | ${majors.length} / ${views.filter((v) => v.listedSupervision).length} / ${count('START_INTERIM_CONTROL')} |`,
    `| ${t('重大险情', 'imminent dangers')} | ${views.filter((v) => v.imminentDanger).length} |`,
    `| ${t('整改方案 提交 / 退回 / 批准', 'rectification plans submitted / rejected / approved')} | ${count('SUBMIT_PLAN')} / ${count('REJECT_PLAN')} / ${count('APPROVE_PLAN')} |`,
    `| ${t('延期申请（批准 / 不批准）', 'extension requests (granted / refused)')} | ${count('REQUEST_EXTENSION')} (${outcome('DECIDE_EXTENSION granted')} / ${outcome('DECIDE_EXTENSION refused')}) |`,
    `| ${t('等待结构鉴定暂停计时', 'clocks paused for a structural appraisal')} | ${count('PAUSE_CLOCK')} |`,
    `| ${t('复查 合格 / 不合格', 'verifications passed / failed')} | ${outcome('VERIFY pass')} / ${outcome('VERIFY fail')} |`,
    `| ${t('回头看发现复发', 'reopened after a follow-up check (回头看)')} | ${views.reduce((sum, v) => sum + v.reopenedCount, 0)} |`,
    `| ${t('升级通知 / 挂牌督办决定 / 摘牌', 'escalation notifications / listing decisions / delistings')} | ${escalations} / ${count('LIST')} / ${count('DELIST')} |`,
    `| ${t('行政处罚 / 强制清除 / 临时查封 / 联合惩戒 / 约谈', 'penalties / forced removals / temporary seals / joint-punishment listings / admonition talks (约谈)')} | ${outcome('ENFORCE penalty')} / ${outcome('ENFORCE forced_removal')} / ${outcome('ENFORCE temporary_seal')} / ${outcome('ENFORCE blacklist')} / ${count('INTERVIEW')} |`,
    `| ${t('到期预警 / 催办', 'early warnings (预警) / reminders')} | ${stats.notifications.warning ?? 0} / ${stats.notifications.reminder ?? 0} |`,
    `| ${t('指令 / 计时器触发', 'commands sent / timers fired')} | ${Object.values(stats.commands).reduce((a, b) => a + b, 0)} / ${stats.timersFired} |`,
    `| ${t('被引擎拒绝的指令', 'commands the engine refused')} | ${stats.rejections.length} |`,
    '',
    `## ${h(SECTION_HEADINGS.figures)}`,
    '',
    t(
      '行为模型及其参数见示例的 README；每项指标应落在 README 论证的区间内（⚠ 表示超出）。',
      "The behaviour model and its parameters are in the example's README; each figure should fall in the range the README justifies (⚠ when it does not).",
    ),
    '',
    ...figuresTable(input.figures, locale),
    '',
    `## ${h(SECTION_HEADINGS.assessment)}`,
    '',
    formatAssessmentReport(assessment, { locale, format: 'markdown', names: districtNames(run), headingLevel: 3 }),
    '',
    t(
      '隐患总数不含不予立案的报告；已整改 = 待复查 + 已销号；整改率 = 已整改 / 隐患总数；按期整改率 = 按期销号 / 销号；逾期未整改为期末未办结且已过当前时限的案件；平均整改用时按政策包的中国工作日历（含调休）自登记至销号计算；回头看/复发为销号后经回头看重新立案的案件数。',
      "Hazards found leaves out dismissed reports; rectified = awaiting verification + closed; rectification rate = rectified / found; on-time rate = closed on time / closed; overdue, open counts open cases past their current deadline; mean working days to close counts working days on the packs' China calendar (make-up days included) from report to closure; reopened counts cases a follow-up check (回头看) reopened.",
    ),
    '',
    t(
      `隐患台账（隐患排查治理台账）见 [${input.files.ledger}](${input.files.ledger})。`,
      `The hazard ledger (隐患排查治理台账) is [${input.files.ledger}](${input.files.ledger}).`,
    ),
    '',
    `## ${h(SECTION_HEADINGS.charts)}`,
    '',
    `![${t('每日未办结案件与升级督办', 'Open cases and escalations per day')}](${input.files.charts.open})`,
    '',
    `![${t('各街道整改率', 'Closure rate by street')}](${input.files.charts.closure})`,
    '',
    `## ${h(SECTION_HEADINGS.calendar)}`,
    '',
    ...calendarLines(notes, run, t),
    '',
    `## ${h(SECTION_HEADINGS.statecharts)}`,
    '',
    t(
      '每个政策包生成自己的状态机（升级阶梯来自政策包）。Mermaid 源码由 core 的 `toMermaid(pack)` 生成；SVG 由 Graphviz（WebAssembly）根据同一状态机绘制。',
      "Each pack builds its own machine (the escalation ladder comes from the pack). The Mermaid source is core's `toMermaid(pack)`; the SVG is drawn by Graphviz (WebAssembly) from the same machine.",
    ),
    '',
    `| ${t('政策包', 'pack')} | ${t('Mermaid 源码', 'Mermaid source')} | ${t('图', 'diagram')} |`,
    '|---|---|---|',
    ...input.files.statecharts.map((s) => `| ${s.pack} | [${s.mmd}](${s.mmd}) | [${s.svg}](${s.svg}) |`),
    '',
  ];
  if (stats.rejections.length > 0) {
    lines.push(`## ${h(SECTION_HEADINGS.refused)}`, '');
    for (const r of stats.rejections.slice(0, 20)) {
      lines.push(`- ${t('隐患', 'hazard')} #${r.seq} ${r.command}: ${r.code} ${r.message}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function calendarLines(notes: CalendarNotes, run: SimulationRun, t: (zh: string, en: string) => string): string[] {
  const span = (range: DayRange) =>
    range.from === range.to
      ? run.time.dateOf(range.from)
      : `${run.time.dateOf(range.from)} … ${run.time.dateOf(range.to)}`;
  const lines = [
    `- ${t('法定节假日（连休三天及以上）', 'Public holidays (three or more days off)')}: ${notes.holidays.map((r) => `${span(r)} (${r.to - r.from + 1} ${t('天', 'days')})`).join('; ') || t('无', 'none')}.`,
    `- ${t('周末调休上班日', 'Make-up working days on a weekend (调休)')}: ${notes.makeUpWorkdays.join(', ') || t('无', 'none')}. ${t('按工作日计算的时限计入这些日子。', 'Working-day deadlines count them.')}`,
  ];
  for (const season of notes.seasons) {
    const effect = season.effect === '' ? '' : ` (${season.effect})`;
    lines.push(`- ${season.pack.id}: ${season.name}${effect}: ${season.ranges.map(span).join('; ')}.`);
  }
  return lines;
}

function countStatus(views: readonly CaseView[], status: CaseView['status']): number {
  return views.filter((v) => v.status === status).length;
}
