import type { Locale } from '@hazardflow/core';
import { Command, CommanderError } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { CliError } from './cli-error';
import { addDiagramCommand } from './commands/diagram-command';
import { addHistoryCommand } from './commands/history-command';
import { addLedgerCommand } from './commands/ledger-command';
import { addMigrateCommand } from './commands/migrate-command';
import { addRepairDeadlinesCommand } from './commands/repair-deadlines-command';
import { addReportCommand } from './commands/report-command';
import { addSimulateCommand } from './commands/simulate-command';
import { addValidateCommand } from './commands/validate-command';
import { addVerifyCommand } from './commands/verify-command';
import { EXIT_CODES, type ExitCode } from './exit-codes';
import { parseLangOption } from './locale';
import { SHIPPED_PACK_NAMES } from './shipped-pack-names';
import { processTerminal, type Terminal, withoutColour } from './terminal';
import { langArgument, localizeUsageError } from './usage-errors';

// Imported rather than read at run time, so a bundle of the binary carries its own version.
const { version } = packageJson;

/**
 * Runs `hazardflow` with the given arguments (without `node` and the script) and returns the
 * exit code: 0 ok, 1 invalid input or a failed check, 2 usage error. Never calls
 * `process.exit`, so it can be embedded and tested in-process.
 *
 * @example
 * ```ts
 * import { runCli } from '@hazardflow/cli';
 * process.exitCode = await runCli(['validate', 'my-pack.yaml']);
 * ```
 */
export async function runCli(args: readonly string[], terminal: Terminal = processTerminal()): Promise<ExitCode> {
  let exitCode: ExitCode = EXIT_CODES.ok;
  // Usage errors are written while commander parses, before `--lang` is an option value.
  const usageLocale = readLang(langArgument(args)) ?? terminal.locale ?? 'zh-CN';
  const program = createProgram(terminal, usageLocale, async (work) => {
    const { color, lang } = program.opts<{ color?: boolean; lang?: Locale }>();
    const chosen = lang === undefined ? terminal : { ...terminal, locale: lang };
    exitCode = await work(color === false ? withoutColour(chosen) : chosen);
  });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end "with an error" that is not one; everything else is a usage error.
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
    }
    const locale = program.opts<{ lang?: Locale }>().lang ?? usageLocale;
    if (error instanceof CliError) {
      terminal.err(`${terminal.errStyle.red('hazardflow:')} ${error.messageIn(locale)}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    const unexpected = locale === 'en' ? 'hazardflow: unexpected error:' : 'hazardflow：意外错误：';
    terminal.err(`${terminal.errStyle.red(unexpected)} ${message}\n`);
    return EXIT_CODES.failed;
  }
}

/**
 * The commander program. Built with commander because it gives subcommands, `--help` on every
 * command, choices and required options, and lets us take over exiting (`exitOverride`) so
 * that every usage error maps to exit code 2.
 */
function createProgram(
  terminal: Terminal,
  usageLocale: Locale,
  run: Parameters<typeof addValidateCommand>[1],
): Command {
  const program = new Command('hazardflow')
    .description('Validate and draw hazardflow policy packs, simulate a case, report on a cases database.')
    .version(version, '-V, --version', 'print the version')
    .option('--no-color', 'never colour the output (also: NO_COLOR=1; FORCE_COLOR=1 forces it)')
    .option(
      '--lang <locale>',
      'language of the output for people: zh-CN or en (default: from LC_ALL/LANG, else Chinese)',
      parseLangOption,
    )
    .helpOption('-h, --help', 'show help for a command')
    .showHelpAfterError(localizeUsageError('(run with --help for usage)', usageLocale))
    .configureOutput({
      writeOut: (text) => terminal.out(text),
      writeErr: (text) => terminal.err(text),
      outputError: (text, write) => write(terminal.errStyle.red(localizeUsageError(text, usageLocale))),
    })
    .exitOverride();
  program.addHelpText(
    'after',
    `
Packs: a .json, .yaml/.yml, .ts/.mts or .js/.mjs file, or ${SHIPPED_PACK_NAMES.join(', ')} (the shipped packs).
Exit status: 0 ok, 1 invalid input or a failed check, 2 usage error.`,
  );
  addValidateCommand(program, run);
  addDiagramCommand(program, run);
  addSimulateCommand(program, run);
  addReportCommand(program, run);
  addHistoryCommand(program, run);
  addLedgerCommand(program, run);
  addRepairDeadlinesCommand(program, run);
  addMigrateCommand(program, run);
  addVerifyCommand(program, run);
  return program;
}

/** `--lang` as given, or undefined when absent or not a language (commander reports that). */
function readLang(value: string | undefined): Locale | undefined {
  if (value === undefined) return undefined;
  try {
    return parseLangOption(value);
  } catch {
    return undefined;
  }
}
