import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import { loadValidPack } from '../load-pack';
import { formatTimeline } from '../scenario/format-timeline';
import { loadScenario } from '../scenario/load-scenario';
import type { SimulationResult } from '../scenario/run-scenario';
import { PACK_ARGUMENT_HELP } from '../shipped-pack-names';
import type { CommandRunner } from './command-runner';

interface SimulateOptions {
  scenario: string;
  json?: boolean;
  export?: string;
}

/** `hazardflow simulate <pack> --scenario <file>`: a scripted story on a manual clock, printed as a timeline. */
export function addSimulateCommand(program: Command, run: CommandRunner): void {
  program
    .command('simulate')
    .description(
      'run a scripted story on a manual clock and print its timeline: status, due dates, escalation, notifications',
    )
    .argument('<pack>', PACK_ARGUMENT_HELP)
    .requiredOption('-s, --scenario <file>', 'the story: a .json or .yaml scenario file (see docs/cli.md)')
    .option('--json', 'print the timeline as JSON for programs')
    .option('--export <name>', 'for a module: the export that holds the pack')
    .addHelpText(
      'after',
      `
A scenario names a start instant, the actors, the hazard reported, then steps:
  { as: <actor>, send: { type: TRIAGE, ... } }      a command (expectError: <code> if it must be refused)
  { advance: { workingDays: 3 } }                  move the clock (workingDays, days, hours, minutes, or to:
                                                   <instant>), firing every timer that falls due on the way
  { expect: { status: rectifying, escalationLevel: 1, notified: [escalated] } }

Exit status: 0 the story ran and every expectation held, 1 a command was refused, an
expectation failed, or the pack or scenario is invalid, 2 usage error.

Examples:
  $ hazardflow simulate fire --scenario stairwell.yaml
  $ hazardflow simulate my-pack.ts --scenario story.json --json`,
    )
    .action((spec: string, options: SimulateOptions) =>
      run(async (terminal) => {
        const { pack } = await loadValidPack(spec, { cwd: terminal.cwd, exportName: options.export });
        const scenario = await loadScenario(options.scenario, terminal.cwd);
        let result: SimulationResult;
        try {
          const { runScenario } = await import('../scenario/run-scenario');
          result = await runScenario(pack, scenario);
        } catch (error) {
          if (error instanceof CliError) throw error;
          const reason = error instanceof Error ? error.message : String(error);
          throw new CliError(
            'INVALID_SCENARIO',
            { zh: `模拟中止：${reason}`, en: `the simulation stopped: ${reason}` },
            undefined,
            { cause: error },
          );
        }
        if (options.json) terminal.out(`${JSON.stringify(result, null, 2)}\n`);
        else terminal.out(formatTimeline(result, terminal.outStyle, scenario.title, terminal.locale));
        for (const failure of result.failures) terminal.err(`${terminal.errStyle.red('✗')} ${failure}\n`);
        return result.ok ? EXIT_CODES.ok : EXIT_CODES.failed;
      }),
    );
}
