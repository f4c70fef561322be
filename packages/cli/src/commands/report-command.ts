import type { AssessmentGroup } from '@hazardflow/engine';
import { type Command, Option } from 'commander';
import { EXIT_CODES } from '../exit-codes';
import { parseInstantOption } from '../instant-option';
import type { CommandRunner } from './command-runner';

const GROUPS = ['territory', 'regulator', 'pack', 'category'] as const;

interface ReportOptions {
  db: string;
  groupBy: AssessmentGroup;
  from?: string;
  to?: string;
  json?: boolean;
}

/** `hazardflow report --db <file>`: the assessment (考核) table of a cases database. */
export function addReportCommand(program: Command, run: CommandRunner): void {
  program
    .command('report')
    .description('print the assessment (考核) figures of a cases database: found, closed, on time, overdue, escalation')
    .requiredOption('--db <file>', 'a hazardflow SQLite database (@hazardflow/store-sqlite)')
    .addOption(new Option('-g, --group-by <dimension>', 'group cases by').choices(GROUPS).default('territory'))
    .option('--from <instant>', 'count cases reported (and closed) at or after this instant', parseInstantOption)
    .option('--to <instant>', '… and before this instant', parseInstantOption)
    .option('--json', 'print the rows as JSON for programs')
    .addHelpText(
      'after',
      `
Columns: found (reported in the window), closed, closure (closed / found), on time (closed on
time / closed), open overdue, top level (highest escalation level reached), listed (under
listed supervision), median wd (median working days to close).

Exit status: 0 printed, 1 missing, damaged or foreign database, 2 usage error.

Examples:
  $ hazardflow report --db cases.sqlite
  $ hazardflow report --db cases.sqlite --group-by regulator --from 2025-01-01T00:00:00+08:00 --json`,
    )
    .action((options: ReportOptions) =>
      run(async (terminal) => {
        // The SQLite store (a native module) and the engine load only for the commands that read a database.
        const { withCaseDatabase } = await import('../open-case-database');
        const { createEngine, formatAssessmentTable } = await import('@hazardflow/engine');
        return withCaseDatabase(options.db, terminal.cwd, async ({ store, shown }) => {
          const engine = createEngine({ packs: [], store });
          const rows = await engine.assessment({
            groupBy: options.groupBy,
            ...(options.from !== undefined ? { from: options.from } : {}),
            ...(options.to !== undefined ? { to: options.to } : {}),
          });
          if (options.json) {
            const window = { from: options.from ?? null, to: options.to ?? null };
            terminal.out(`${JSON.stringify({ groupBy: options.groupBy, ...window, rows }, null, 2)}\n`);
          } else if (rows.length === 0) {
            terminal.out(`no cases in ${shown}\n`);
          } else {
            terminal.out(`${formatAssessmentTable(rows, options.groupBy)}\n`);
          }
          return EXIT_CODES.ok;
        });
      }),
    );
}
