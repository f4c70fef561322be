import type { AssessmentGroup, CaseView, Engine } from '@hazardflow/engine';
import { type Command, Option } from 'commander';
import { EXIT_CODES } from '../exit-codes';
import { parseInstantOption } from '../instant-option';
import type { CommandRunner } from './command-runner';

const GROUPS = ['territory', 'regulator', 'pack', 'category', 'officer', 'industry'] as const;

interface ReportOptions {
  db: string;
  groupBy?: AssessmentGroup;
  from?: string;
  to?: string;
  json?: boolean;
}

/** `hazardflow report --db <file>`: the assessment (考核) table of a cases database. */
export function addReportCommand(program: Command, run: CommandRunner): void {
  program
    .command('report')
    .description(
      'print the assessment (考核) of a cases database: 隐患总数, 整改率, 按期整改率, 逾期未整改 … by street and by department',
    )
    .requiredOption('--db <file>', 'a hazardflow SQLite database (@hazardflow/store-sqlite)')
    .addOption(
      new Option('-g, --group-by <dimension>', 'one table grouped by this instead of the full report').choices(GROUPS),
    )
    .option('--from <instant>', 'count cases reported (and closed) at or after this instant', parseInstantOption)
    .option('--to <instant>', '… and before this instant', parseInstantOption)
    .option('--json', 'print the rows as JSON for programs')
    .addHelpText(
      'after',
      `
The report (in Chinese unless --lang en or an English LANG): the district total, then by
street (属地) and by department (监管部门): 隐患总数 hazards found in the window (dismissed
reports are not hazards), 已整改 rectified, 整改率 rectified / found, 按期整改率 closed on
time / closed, 逾期未整改 open and overdue, 重大隐患 major, 挂牌督办 listed supervision, 销号
closed, 平均整改用时（工作日） mean working days to close, 回头看/复发 reopened by a
follow-up check; then the share found by each discovery method (发现方式).

With --group-by: one table of the engine's assessment rows instead: found, closed, closure
rate, on-time rate, open overdue, highest escalation level, listed, median working days.
With --json: { groupBy, from, to, rows } (rows grouped by --group-by, default territory) and
the report's figures as "report".

Exit status: 0 printed, 1 missing, damaged or foreign database, 2 usage error.

Examples:
  $ hazardflow report --db cases.sqlite
  $ hazardflow report --db cases.sqlite --group-by regulator --from 2025-01-01T00:00:00+08:00 --json`,
    )
    .action((options: ReportOptions) =>
      run(async (terminal) => {
        // The SQLite store (a native module) and the engine load only for the commands that read a database.
        const { withCaseDatabase } = await import('../open-case-database');
        const { computeAssessmentReport, createEngine, formatAssessmentReport, formatAssessmentTable } = await import(
          '@hazardflow/engine'
        );
        const locale = terminal.locale ?? 'zh-CN';
        return withCaseDatabase(options.db, terminal.cwd, async ({ store, shown }) => {
          const engine = createEngine({ packs: [], store });
          const window = {
            ...(options.from !== undefined ? { from: options.from } : {}),
            ...(options.to !== undefined ? { to: options.to } : {}),
          };
          const groupBy = options.groupBy ?? 'territory';
          const rows = await engine.assessment({ groupBy, ...window });
          if (rows.length === 0 && !options.json) {
            terminal.out(locale === 'en' ? `no cases in ${shown}\n` : `${shown} 中没有案件\n`);
          } else if (options.json || options.groupBy === undefined) {
            const report = computeAssessmentReport(await allViews(engine), window);
            if (options.json) {
              const shownWindow = { from: options.from ?? null, to: options.to ?? null };
              terminal.out(`${JSON.stringify({ groupBy, ...shownWindow, rows, report }, null, 2)}\n`);
            } else {
              terminal.out(`${formatAssessmentReport(report, { locale })}\n`);
            }
          } else {
            terminal.out(`${formatAssessmentTable(rows, groupBy, { locale })}\n`);
          }
          return EXIT_CODES.ok;
        });
      }),
    );
}

/** Every case view of the database, page by page. */
async function allViews(engine: Pick<Engine, 'query'>): Promise<CaseView[]> {
  const views: CaseView[] = [];
  let cursor: string | undefined;
  do {
    const page = await engine.query({}, { limit: 1000, ...(cursor ? { cursor } : {}) });
    views.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return views;
}
