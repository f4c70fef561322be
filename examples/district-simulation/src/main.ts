import { performance } from 'node:perf_hooks';
import { formatAssessmentTable } from '@hazardflow/engine';
import { SingleBar } from 'cli-progress';
import { openCaseStore } from './case-store';
import { figuresTable } from './figures-table';
import { parseOptions, USAGE } from './options';
import { prepareOutputFolder, writeOutputs } from './outputs';
import { districtNames } from './report';
import { type DailySample, runSimulation } from './simulation';

/**
 * `pnpm demo`: simulates the district's campaign, writes out/ and prints the headline table.
 * Bad options print a message and exit with 2, the usual code for a usage error.
 */
async function main(argv: readonly string[]): Promise<number> {
  // `pnpm demo -- --seed 7` hands the script a literal `--` first; it is not an option.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  // pnpm runs the script in the example's folder; a relative --out means where the user typed the command.
  const parsed = parseOptions(args, process.env.INIT_CWD ?? process.cwd());
  if (!parsed.ok) {
    process.stderr.write(`district-simulation: ${parsed.message}\nRun with --help for the options.\n`);
    return 2;
  }
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { options } = parsed;
  const started = performance.now();
  await prepareOutputFolder(options.out);
  const opened = await openCaseStore(options.out);

  const bar = process.stdout.isTTY
    ? new SingleBar({
        format: 'Simulating |{bar}| day {value}/{total} {date} · open {open} · overdue {overdue} · listed {listed}',
        barsize: 30,
        hideCursor: true,
      })
    : null;
  const payload = (s: DailySample | null) => ({
    date: s?.date ?? options.start,
    open: s?.open ?? 0,
    overdue: s?.openOverdue ?? 0,
    listed: s?.openListed ?? 0,
  });
  bar?.start(options.days, 0, payload(null));
  if (!bar) process.stdout.write(`Simulating ${options.hazards} hazards over ${options.days} days…\n`);
  const run = await runSimulation(options, {
    store: opened.store,
    onDay: (done, _total, sample) => bar?.update(done, payload(sample)),
  });
  bar?.stop();

  const outputs = await writeOutputs(run, options, opened.label);
  const locale = options.lang ?? 'zh-CN';
  const groupNames = Object.fromEntries(
    Object.entries(districtNames(run)).map(([id, name]) => [id, locale === 'en' ? name.en : name.zh]),
  );
  await run.engine.store.close();
  const seconds = (performance.now() - started) / 1000;
  const last = run.samples.at(-1);
  const stats = run.stats;
  const commands = Object.values(stats.commands).reduce((a, b) => a + b, 0);
  const lines = [
    '',
    locale === 'en'
      ? `District simulation, seed ${options.seed}: ${stats.reported} hazards over ${options.days} days from ${options.start}`
      : `区级隐患排查治理模拟，种子 ${options.seed}：自 ${options.start} 起 ${options.days} 天，${stats.reported} 条隐患`,
    locale === 'en'
      ? `closed ${last?.closed ?? 0}, open ${last?.open ?? 0} (overdue ${last?.openOverdue ?? 0}, listed ${last?.openListed ?? 0}); ` +
        `${commands} commands, ${stats.timersFired} timers fired, ${stats.rejections.length} refused`
      : `已销号 ${last?.closed ?? 0}，未办结 ${last?.open ?? 0}（逾期 ${last?.openOverdue ?? 0}，挂牌督办 ${last?.openListed ?? 0}）；` +
        `指令 ${commands} 条，计时器触发 ${stats.timersFired} 次，被拒绝 ${stats.rejections.length} 条`,
    '',
    ...figuresTable(outputs.figures, locale),
    '',
    formatAssessmentTable(outputs.byStreet, 'territory', { locale, groupNames }),
    '',
    formatAssessmentTable(outputs.byDepartment, 'regulator', { locale, groupNames }),
    '',
    `Wrote ${outputs.files.length + 1} files to ${options.out} in ${seconds.toFixed(1)} s:`,
    `  ${[...outputs.files, opened.file].join(', ')}`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  return stats.rejections.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `district-simulation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
