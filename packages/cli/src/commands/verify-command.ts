import type { Command } from 'commander';
import { readAuditKey, readPublicKey } from '../audit-keys';
import { EXIT_CODES } from '../exit-codes';
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
        return withCaseDatabase(options.db, terminal.cwd, async ({ store, shown }) => {
          const result = await verifyStore(store, { hasher, ...(publicKey ? { publicKey } : {}) });
          if (options.json) {
            terminal.out(`${JSON.stringify(result, null, 2)}\n`);
          } else {
            const style = terminal.outStyle;
            for (const problem of result.problems) {
              terminal.out(
                `${style.red('✗')} ${problem.caseId ? `case ${problem.caseId}: ` : ''}${problem.message} (${problem.reason})\n`,
              );
            }
            for (const warning of result.warnings) terminal.out(`${style.yellow('!')} ${warning}\n`);
            const legacy = result.legacyCases > 0 ? `, ${result.legacyCases} with legacy trails (weaker proof)` : '';
            terminal.out(
              result.ok
                ? `${style.green('✓')} store verified: ${result.cases} cases${legacy}, ${result.checkpoints} checkpoints${publicKey ? ', all signed' : ''}\n`
                : `${style.red('✗')} ${result.problems.length} problems in ${result.cases} cases and ${result.checkpoints} checkpoints\n`,
            );
          }
          if (!result.ok) terminal.err(`${terminal.errStyle.red('✗')} ${shown} was tampered with\n`);
          return result.ok ? EXIT_CODES.ok : EXIT_CODES.failed;
        });
      }),
    );
}
