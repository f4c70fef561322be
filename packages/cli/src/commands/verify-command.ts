import type { Command } from 'commander';
import { readAuditKey, readPublicKey } from '../audit-keys';
import { EXIT_CODES } from '../exit-codes';
import { sayer } from '../terminal';
import type { CommandRunner } from './command-runner';

interface VerifyOptions {
  db: string;
  keyFile?: string;
  publicKey?: string;
  json?: boolean;
}

/** `hazardflow verify --db <file>`: the store-wide audit check (`engine.verifyStore`). */
export function addVerifyCommand(program: Command, run: CommandRunner): void {
  program
    .command('verify')
    .description(
      "verify a whole store: every case's audit trail, armed timers, and the checkpoints (exit 1 if anything was changed or removed)",
    )
    .requiredOption('--db <file>', 'a hazardflow SQLite database (@hazardflow/store-sqlite)')
    .option('--key-file <file>', "the HMAC key the engine was given as audit.key (the file's bytes)")
    .option('--public-key <file>', 'an Ed25519 public key (PEM): every checkpoint must carry a valid signature')
    .option('--json', 'print the verification result as JSON for programs')
    .addHelpText(
      'after',
      `
Checks every case's trail as \`history\` does; that every timer a case's snapshot says is armed
has its row; the checkpoint chain (signatures too with --public-key); and that every case in
the last checkpoint is still there with the audit head it had. What each audit mode proves:
docs/audit.md.

Exit status: 0 verified, 1 something was changed or removed, or unreadable database, 2 usage error.

Example:
  $ hazardflow verify --db cases.sqlite --key-file audit.key --public-key audit-signing.pub`,
    )
    .action((options: VerifyOptions) =>
      run(async (terminal) => {
        const { withCaseDatabase } = await import('../open-case-database');
        const { verifyStore, hmacHasher, sha256Hasher } = await import('@hazardflow/engine');
        const hasher = options.keyFile ? hmacHasher(await readAuditKey(options.keyFile, terminal.cwd)) : sha256Hasher;
        const publicKey = options.publicKey ? await readPublicKey(options.publicKey, terminal.cwd) : undefined;
        const say = sayer(terminal);
        return withCaseDatabase(options.db, terminal.cwd, async ({ store, shown }) => {
          const result = await verifyStore(store, { hasher, ...(publicKey ? { publicKey } : {}) });
          if (options.json) {
            terminal.out(`${JSON.stringify(result, null, 2)}\n`);
          } else {
            const style = terminal.outStyle;
            for (const problem of result.problems) {
              const where = problem.caseId
                ? say({ zh: `案件 ${problem.caseId}：`, en: `case ${problem.caseId}: ` })
                : '';
              terminal.out(`${style.red('✗')} ${where}${problem.message} (${problem.reason})\n`);
            }
            for (const warning of result.warnings) terminal.out(`${style.yellow('!')} ${warning}\n`);
            const { cases, checkpoints, legacyCases } = result;
            const legacy =
              legacyCases > 0
                ? say({
                    zh: `，其中 ${legacyCases} 个为旧版记录（证明力较弱）`,
                    en: `, ${legacyCases} with legacy trails (weaker proof)`,
                  })
                : '';
            const signed = publicKey ? say({ zh: '，均已签名', en: ', all signed' }) : '';
            terminal.out(
              result.ok
                ? `${style.green('✓')} ${say({ zh: `存储校验通过：${cases} 个案件${legacy}，${checkpoints} 个检查点${signed}`, en: `store verified: ${cases} cases${legacy}, ${checkpoints} checkpoints${signed}` })}\n`
                : `${style.red('✗')} ${say({ zh: `${cases} 个案件和 ${checkpoints} 个检查点中发现 ${result.problems.length} 个问题`, en: `${result.problems.length} problems in ${cases} cases and ${checkpoints} checkpoints` })}\n`,
            );
          }
          if (!result.ok) {
            terminal.err(
              `${terminal.errStyle.red('✗')} ${say({ zh: `${shown} 遭到篡改`, en: `${shown} was tampered with` })}\n`,
            );
          }
          return result.ok ? EXIT_CODES.ok : EXIT_CODES.failed;
        });
      }),
    );
}
