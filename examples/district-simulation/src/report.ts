import type { AssessmentRow, CaseView } from '@hazardflow/engine';
import type { CalendarNotes, DayRange } from './calendar-notes';
import { PACKS } from './district';
import type { SimulationOptions } from './options';
import type { SimulationRun } from './simulation';

/** Everything report.md is written from. */
export interface ReportInput {
  run: SimulationRun;
  options: Pick<SimulationOptions, 'seed' | 'days' | 'hazards' | 'start'>;
  byStreet: readonly AssessmentRow[];
  byDepartment: readonly AssessmentRow[];
  views: readonly CaseView[];
  notes: CalendarNotes;
  /** e.g. 'SQLite (cases.sqlite)' or 'in memory'. */
  storeLabel: string;
  files: { charts: { open: string; closure: string }; statecharts: { pack: string; mmd: string; svg: string }[] };
}

/** The column headings of both assessment tables; the end-to-end test reads the tables back by them. */
export const ASSESSMENT_COLUMNS = [
  'found',
  'closed',
  'closure rate',
  'on-time rate',
  'open overdue',
  'highest level',
  'listed supervision',
  'median working days to close',
  'reopened',
] as const;

/**
 * report.md: the run in numbers, the 考核 tables by street and by department (exactly
 * `engine.assessment(...)`), the charts, the calendar the run went through and the
 * statecharts. Nothing in it depends on the wall clock, so the same seed gives the same file.
 */
export function buildReport(input: ReportInput): string {
  const { run, options, views, notes } = input;
  const { stats, time } = run;
  const lastDate = time.dateOf(time.days - 1);
  const closed = views.filter((v) => v.status === 'closed');
  const open = views.filter((v) => !['closed', 'dismissed', 'transferred'].includes(v.status));
  const majors = views.filter((v) => v.severity === 'major');
  const count = (key: string) => stats.commands[key] ?? 0;
  const outcome = (key: string) => stats.outcomes[key] ?? 0;
  const escalations = (stats.notifications.escalated ?? 0) + (stats.notifications.listed_supervision ?? 0);
  const lines: string[] = [
    `# District simulation: ${options.hazards} hazards over ${options.days} days`,
    '',
    `Seed ${options.seed} · ${options.start} … ${lastDate} (Asia/Shanghai) · packs ${Object.values(PACKS)
      .map((p) => `${p.id}@${p.version}`)
      .join(', ')} · cases stored ${input.storeLabel}`,
    '',
    `Made by \`pnpm demo -- --seed ${options.seed} --days ${options.days} --hazards ${options.hazards} --start ${options.start}\`: the same options give the same figures (case ids are ULIDs and differ).`,
    '',
    '## The run in numbers',
    '',
    '| | |',
    '|---|---:|',
    `| hazards found | ${views.length} |`,
    `| closed | ${closed.length} (${count('FIX_ON_SPOT')} fixed on the spot) |`,
    `| dismissed / transferred to another department | ${countStatus(views, 'dismissed')} / ${countStatus(views, 'transferred')} |`,
    `| still open at the end | ${open.length}, of which ${open.filter((v) => v.overdue).length} overdue |`,
    `| major hazards, all under listed supervision (挂牌督办) | ${majors.length}; listed ${views.filter((v) => v.listedSupervision).length}; interim control ordered ${count('START_INTERIM_CONTROL')} times |`,
    `| imminent dangers | ${views.filter((v) => v.imminentDanger).length} |`,
    `| rectification plans submitted / rejected / approved | ${count('SUBMIT_PLAN')} / ${count('REJECT_PLAN')} / ${count('APPROVE_PLAN')} |`,
    `| extension requests | ${count('REQUEST_EXTENSION')} (granted ${outcome('DECIDE_EXTENSION granted')}, refused ${outcome('DECIDE_EXTENSION refused')}) |`,
    `| clocks paused for a structural appraisal | ${count('PAUSE_CLOCK')} |`,
    `| verifications passed / failed | ${outcome('VERIFY pass')} / ${outcome('VERIFY fail')} |`,
    `| reopened after a follow-up check (回头看) | ${views.reduce((sum, v) => sum + v.reopenedCount, 0)} |`,
    `| escalation notifications (a level reached, listed supervision) | ${escalations}; highest level reached ${Math.max(0, ...views.map((v) => v.maxEscalationLevel))} |`,
    `| early warnings (预警) / reminders | ${stats.notifications.warning ?? 0} / ${stats.notifications.reminder ?? 0} |`,
    `| commands sent / timers fired | ${Object.values(stats.commands).reduce((a, b) => a + b, 0)} / ${stats.timersFired} |`,
    `| commands the engine refused | ${stats.rejections.length} |`,
    '',
    '## Assessment by street (属地责任)',
    '',
    ...assessmentTable(input.byStreet, 'street', (id) => {
      const street = run.district.streets.find((s) => s.id === id);
      return street ? `${street.name} (${street.zh})` : id;
    }),
    '',
    '## Assessment by department (监管责任)',
    '',
    ...assessmentTable(input.byDepartment, 'department', (id) => {
      const department = Object.values(run.district.departments).find((d) => d.id === id);
      return department ? department.name : id;
    }),
    '',
    'Closure rate = closed / found; on-time rate = closed on time / closed; open overdue counts open cases past',
    'their current deadline; highest level is the highest escalation level any case reached (3 = listed',
    'supervision by the district safety committee office, 5 = enforcement); median working days to close counts',
    "working days on the packs' China calendar from report to closure. The tables are",
    "`engine.assessment({ groupBy: 'territory' })` and `engine.assessment({ groupBy: 'regulator' })` at the end of the run.",
    '',
    '## Over time',
    '',
    `![Open cases and escalations per day](${input.files.charts.open})`,
    '',
    `![Closure rate by street](${input.files.charts.closure})`,
    '',
    '## The calendar the run went through',
    '',
    ...calendarLines(notes, run),
    '',
    '## Statecharts',
    '',
    'Each pack builds its own machine (the escalation ladder comes from the pack). The Mermaid source is',
    "core's `toMermaid(pack)`; the SVG is drawn by Graphviz (WebAssembly) from the same machine.",
    '',
    '| pack | Mermaid source | diagram |',
    '|---|---|---|',
    ...input.files.statecharts.map((s) => `| ${s.pack} | [${s.mmd}](${s.mmd}) | [${s.svg}](${s.svg}) |`),
    '',
  ];
  if (stats.rejections.length > 0) {
    lines.push('## Commands the engine refused', '');
    for (const r of stats.rejections.slice(0, 20)) {
      lines.push(`- hazard #${r.seq} ${r.command}: ${r.code} ${r.message}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function assessmentTable(rows: readonly AssessmentRow[], label: string, nameOf: (id: string) => string): string[] {
  return [
    `| ${label} | id | ${ASSESSMENT_COLUMNS.join(' | ')} |`,
    `|---|---|${ASSESSMENT_COLUMNS.map(() => '---:').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${nameOf(r.group)} | \`${r.group}\` | ${r.found} | ${r.closed} | ${percent(r.closureRate)} | ${
          r.onTimeRate === null ? '–' : percent(r.onTimeRate)
        } | ${r.openOverdue} | ${r.highestEscalationLevel} | ${r.listedSupervision} | ${
          r.medianWorkingDaysToClose === null ? '–' : r.medianWorkingDaysToClose.toFixed(1)
        } | ${r.reopened} |`,
    ),
  ];
}

function calendarLines(notes: CalendarNotes, run: SimulationRun): string[] {
  const span = (range: DayRange) =>
    range.from === range.to
      ? run.time.dateOf(range.from)
      : `${run.time.dateOf(range.from)} … ${run.time.dateOf(range.to)}`;
  const lines = [
    `- Public holidays (three or more days off): ${notes.holidays.map((r) => `${span(r)} (${r.to - r.from + 1} days)`).join('; ') || 'none'}.`,
    `- Make-up working days on a weekend (调休): ${notes.makeUpWorkdays.join(', ') || 'none'}. Working-day deadlines count them.`,
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

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
