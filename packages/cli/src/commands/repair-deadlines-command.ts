import type { Locale, PolicyPack } from '@hazardflow/core';
import type { DeadlineRepairReport } from '@hazardflow/engine';
import { type Command, InvalidArgumentError } from 'commander';
import type { Colors } from 'picocolors/types';
import { EXIT_CODES } from '../exit-codes';
import { sayer } from '../terminal';
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
        const { SHIPPED_PACK_VERSIONS } = await import('../shipped-packs');
        const { loadValidPack } = await import('../load-pack');
        const packs: PolicyPack[] = [...SHIPPED_PACK_VERSIONS];
        for (const spec of options.pack ?? []) packs.push((await loadValidPack(spec, { cwd: terminal.cwd })).pack);
        const { withCaseDatabase } = await import('../open-case-database');
        const { createEngine } = await import('@hazardflow/engine');
        return withCaseDatabase(options.db, terminal.cwd, async ({ store, shown }) => {
          const engine = createEngine({ packs, store, calendar });
          const report = await engine.repairDeadlines({ dryRun: options.dryRun === true });
          terminal.out(
            options.json
              ? `${JSON.stringify(report, null, 2)}\n`
              : formatReport(report, shown, terminal.outStyle, terminal.locale),
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
export function formatReport(
  report: DeadlineRepairReport,
  shown: string,
  style: Colors,
  locale: Locale = 'zh-CN',
): string {
  const say = sayer({ locale });
  const covered = report.coveredYears
    ? `${report.coveredYears.from}–${report.coveredYears.to}`
    : say({ zh: '无官方数据', en: 'no official data' });
  const n = report.changes.length;
  const lines = [
    style.bold(
      say({
        zh: `${report.dryRun ? '试运行：' : ''}${shown} 中 ${report.examined} 个未结案件里有 ${n} 个${report.dryRun ? '将要修改' : '已修改'}（日历覆盖 ${covered}）`,
        en: `${report.dryRun ? 'Dry run: ' : ''}${n} of ${report.examined} open cases in ${shown} ${report.dryRun ? 'would change' : 'changed'} (calendar covers ${covered})`,
      }),
    ),
  ];
  for (const change of report.changes) {
    lines.push(
      '',
      `${change.caseId}  ${change.step}  ${change.from} → ${change.to}`,
      say({ zh: `  原因：${change.why}`, en: `  why: ${change.why}` }),
    );
    if (change.rectifyDueAt) {
      const { from, to } = change.rectifyDueAt;
      lines.push(say({ zh: `  整改时限：${from} → ${to}`, en: `  rectification deadline: ${from} → ${to}` }));
    }
    for (const timer of change.timers) {
      const from = timer.from ?? say({ zh: '（无）', en: '(none)' });
      const to = timer.to ?? say({ zh: '（已取消）', en: '(cancelled)' });
      lines.push(
        say({ zh: `  定时器 ${timer.timerId}：${from} → ${to}`, en: `  timer ${timer.timerId}: ${from} → ${to}` }),
      );
    }
    const kept = change.escalationKept;
    if (kept) {
      const at = kept.newDeadlineReachesAt;
      lines.push(
        style.yellow(
          say({
            zh: `  督办级别 ${kept.level}（于 ${kept.reachedAt ?? '?'} 升级）保持不变：升级不会撤销${at ? `；新期限直到 ${at} 才到达该级别` : ''}`,
            en: `  escalation level ${kept.level} (reached ${kept.reachedAt ?? '?'}) stays: escalations are not undone${at ? `; the new deadline reaches it only at ${at}` : ''}`,
          }),
        ),
      );
    }
  }
  for (const skip of report.skipped) {
    const due = skip.dueAt ?? '-';
    lines.push(
      '',
      style.yellow(
        say({
          zh: `跳过 ${skip.caseId}（期限 ${due}）：${skip.reason}`,
          en: `skipped ${skip.caseId} (deadline ${due}): ${skip.reason}`,
        }),
      ),
    );
  }
  if (report.dryRun) {
    lines.push(
      '',
      style.dim(
        say({
          zh: '未写入任何内容。去掉 --dry-run 再运行一次即可提交这些修改。',
          en: 'Nothing was written. Run again without --dry-run to commit these changes.',
        }),
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}
