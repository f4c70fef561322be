import { formatPolicyPackIssues, type Locale, type PolicyPack, type PolicyPackIssue } from '@hazardflow/core';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import { loadPack } from '../load-pack';
import { PACK_ARGUMENT_HELP } from '../shipped-pack-names';
import { sayer } from '../terminal';
import type { CommandRunner } from './command-runner';

interface ValidateOptions {
  json?: boolean;
  export?: string;
}

/** `hazardflow validate <pack>`: every problem of a pack, with its path; exit 1 when there is one. */
export function addValidateCommand(program: Command, run: CommandRunner): void {
  program
    .command('validate')
    .description('check a policy pack (JSON, YAML, TypeScript or JavaScript) and list every problem with its path')
    .argument('<pack>', PACK_ARGUMENT_HELP)
    .option('--json', 'print { valid, issues } as JSON for programs')
    .option('--export <name>', 'for a module: the export that holds the pack')
    .addHelpText(
      'after',
      `
Exit status: 0 valid, 1 invalid or unreadable, 2 usage error.

Examples:
  $ hazardflow validate my-pack.yaml
  $ hazardflow validate src/pack.ts --export districtPack
  $ hazardflow validate my-pack.json --json | jq '.issues[].path'`,
    )
    .action((spec: string, options: ValidateOptions) =>
      run(async (terminal) => {
        let outcome: { origin: string; issues: readonly PolicyPackIssue[]; pack?: PolicyPack };
        try {
          const { origin, validation } = await loadPack(spec, { cwd: terminal.cwd, exportName: options.export });
          outcome = validation.success
            ? { origin, issues: [], pack: validation.pack }
            : { origin, issues: validation.issues };
        } catch (error) {
          if (!(options.json && error instanceof CliError)) throw error;
          // Programs get the same shape for a file that cannot be read at all.
          const issues = [{ path: '', code: 'unreadable', message: error.message }];
          terminal.out(`${JSON.stringify({ valid: false, issues }, null, 2)}\n`);
          return EXIT_CODES.failed;
        }
        const valid = outcome.issues.length === 0;
        if (options.json) {
          const pack = outcome.pack && { id: outcome.pack.id, version: outcome.pack.version };
          const body = valid ? { valid, issues: [], pack } : { valid, issues: outcome.issues };
          terminal.out(`${JSON.stringify(body, null, 2)}\n`);
          return valid ? EXIT_CODES.ok : EXIT_CODES.failed;
        }
        const style = terminal.outStyle;
        const say = sayer(terminal);
        if (outcome.pack) {
          const summary = summarise(outcome.pack, terminal.locale);
          terminal.out(
            `${style.green('✓')} ${say({ zh: `${outcome.origin}：有效的政策包 ${summary}`, en: `${outcome.origin}: valid policy pack ${summary}` })}\n`,
          );
          return EXIT_CODES.ok;
        }
        const n = outcome.issues.length;
        const invalid = say({
          zh: `${outcome.origin}：不是有效的政策包（${n} 个问题）`,
          en: `${outcome.origin}: not a valid policy pack (${n} ${n === 1 ? 'problem' : 'problems'})`,
        });
        terminal.out(`${style.red('✗')} ${invalid}\n`);
        terminal.out(`${formatPolicyPackIssues(outcome.issues)}\n`);
        return EXIT_CODES.failed;
      }),
    );
}

/** `fire@1.0.0 (9 categories, 5 escalation levels, 2 seasons, 0 site overrides)`, or in Chinese. */
function summarise(pack: PolicyPack, locale: Locale | undefined): string {
  if (locale !== 'en') {
    const parts = [
      `${pack.categories.length} 个类别`,
      `${pack.escalation.ladder.length} 级督办`,
      `${pack.seasons.length} 个时段`,
      `${pack.overrides.length} 项场所特别规定`,
    ];
    return `${pack.id}@${pack.version}（${parts.join('，')}）`;
  }
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    count(pack.categories.length, 'category', 'categories'),
    count(pack.escalation.ladder.length, 'escalation level'),
    count(pack.seasons.length, 'season'),
    count(pack.overrides.length, 'site override'),
  ];
  return `${pack.id}@${pack.version} (${parts.join(', ')})`;
}
