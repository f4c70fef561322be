import type { PolicyPack } from '@hazardflow/core';
import type { DeadlineRepairReport } from '@hazardflow/engine';
import { type Command, InvalidArgumentError } from 'commander';
import type { Colors } from 'picocolors/types';
import { EXIT_CODES } from '../exit-codes';
import type { CommandRunner } from './command-runner';

interface RepairOptions {
  year: number;
  holidays: string;
  db: string;
  pack?: string[];
  dryRun?: boolean;
  json?: boolean;
}

/**
 * `hazardflow repair-deadlines --year 2027 --holidays file.json --db cases.sqlite`: adds a
 * year's holidays to the China calendar and counts again the deadlines that were counted
 * without them (`engine.repairDeadlines`), one audited commit per case.
 */
export function addRepairDeadlinesCommand(program: Command, run: CommandRunner): void {
  program
    .command('repair-deadlines')
    .description("add a year's holidays (调休 included) and count again the deadlines counted without them")
    .requiredOption('--year <year>', 'the year the holidays file adds', parseYear)
    .requiredOption(
      '--holidays <file>',
      "the year's holidays and make-up working days (JSON or YAML, see docs/calendar.md)",
    )
    .requiredOption('--db <file>', 'a hazardflow SQLite database (@hazardflow/store-sqlite)')
    .option('--pack <pack...>', 'packs the cases use besides the shipped ones (files, as `validate` takes them)')
    .option('--dry-run', 'report what would change and change nothing')
    .option('--json', 'print the report as JSON for programs')
    .addHelpText(
      'after',
      `
Each open case's deadline is counted again from the instant and the duration it was first
counted from, on the calendar with the new year; its warning, due, escalation and reminder
timers are armed again from it. Escalation levels already reached stay (the report names
them). A case whose deadline an extension or a paused clock moved is listed as skipped.

Exit status: 0 done (or dry run printed), 1 invalid holidays file or unreadable database
(nothing changed), 2 usage error.

Examples:
  $ hazardflow repair-deadlines --year 2027 --holidays holidays-2027.json --db cases.sqlite --dry-run
  $ hazardflow repair-deadlines --year 2027 --holidays holidays-2027.json --db cases.sqlite`,
    )
    .action((options: RepairOptions) =>
      run(async (terminal) => {
        const { loadHolidaysCalendar } = await import('../holidays-file');
        // Validated before the database is opened: a bad file changes nothing.
        const { calendar } = await loadHolidaysCalendar(options.holidays, options.year, terminal.cwd);
        const { SHIPPED_PACKS } = await import('../shipped-packs');
        const { loadValidPack } = await import('../load-pack');
        const packs: PolicyPack[] = Object.values(SHIPPED_PACKS);
        for (const spec of options.pack ?? []) packs.push((await loadValidPack(spec, { cwd: terminal.cwd })).pack);
        const { withCaseDatabase } = await import('../open-case-database');
        const { createEngine } = await import('@hazardflow/engine');
        return withCaseDatabase(options.db, terminal.cwd, async ({ store, shown }) => {
          const engine = createEngine({ packs, store, calendar });
          const report = await engine.repairDeadlines({ dryRun: options.dryRun === true });
          terminal.out(
            options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, shown, terminal.outStyle),
          );
          return EXIT_CODES.ok;
        });
      }),
    );
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || !Number.isInteger(year)) {
    throw new InvalidArgumentError('a four-digit year, such as 2027');
  }
  return year;
}

/** The report for people: one block per changed case, then the skipped ones. */
export function formatReport(report: DeadlineRepairReport, shown: string, style: Colors): string {
  const covered = report.coveredYears ? `${report.coveredYears.from}–${report.coveredYears.to}` : 'no official data';
  const verb = report.dryRun ? 'would change' : 'changed';
  const lines = [
    style.bold(
      `${report.dryRun ? 'Dry run: ' : ''}${report.changes.length} of ${report.examined} open cases in ${shown} ${verb} (calendar covers ${covered})`,
    ),
  ];
  for (const change of report.changes) {
    lines.push('', `${change.caseId}  ${change.step}  ${change.from} → ${change.to}`, `  why: ${change.why}`);
    if (change.rectifyDueAt) {
      lines.push(`  rectification deadline: ${change.rectifyDueAt.from} → ${change.rectifyDueAt.to}`);
    }
    for (const timer of change.timers) {
      lines.push(`  timer ${timer.timerId}: ${timer.from ?? '(none)'} → ${timer.to ?? '(cancelled)'}`);
    }
    const kept = change.escalationKept;
    if (kept) {
      const reaches = kept.newDeadlineReachesAt
        ? `; the new deadline reaches it only at ${kept.newDeadlineReachesAt}`
        : '';
      lines.push(
        style.yellow(
          `  escalation level ${kept.level} (reached ${kept.reachedAt ?? '?'}) stays: escalations are not undone${reaches}`,
        ),
      );
    }
  }
  for (const skip of report.skipped) {
    lines.push('', style.yellow(`skipped ${skip.caseId} (deadline ${skip.dueAt ?? '-'}): ${skip.reason}`));
  }
  if (report.dryRun)
    lines.push('', style.dim('Nothing was written. Run again without --dry-run to commit these changes.'));
  return `${lines.join('\n')}\n`;
}
