import type { AuditEntry } from '@hazardflow/engine';
import type { Command } from 'commander';
import type { Colors } from 'picocolors/types';
import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import type { CommandRunner } from './command-runner';

interface HistoryOptions {
  db: string;
  json?: boolean;
}

/** `hazardflow history <caseId> --db <file>`: a case's audit trail, its hash chain recomputed. */
export function addHistoryCommand(program: Command, run: CommandRunner): void {
  program
    .command('history')
    .description("print a case's audit trail and verify its hash chain (exit 1 if any entry was changed or removed)")
    .argument('<caseId>', 'the case id')
    .requiredOption('--db <file>', 'a hazardflow SQLite database (@hazardflow/store-sqlite)')
    .option('--json', 'print { caseId, entries, verification } as JSON for programs')
    .addHelpText(
      'after',
      `
Every entry's hash is sha256 over the RFC 8785 canonical JSON of the entry and the previous
entry's hash, so an edit, a deletion or a reordering anywhere breaks the chain from there on;
entries removed from the end are found by comparing the trail's length with the case's version.

Exit status: 0 chain intact, 1 chain broken, unknown case, or unreadable database, 2 usage error.

Example:
  $ hazardflow history 01K9Z8M3R4J6T0W2X5Y7A9C1E3 --db cases.sqlite`,
    )
    .action((caseId: string, options: HistoryOptions) =>
      run(async (terminal) => {
        // The SQLite store (a native module) and the engine load only for the commands that read a database.
        const { withCaseDatabase } = await import('../open-case-database');
        const { verifyCaseTrail } = await import('@hazardflow/engine');
        return withCaseDatabase(options.db, terminal.cwd, async ({ store, shown }) => {
          const record = await store.getCase(caseId);
          const entries = await store.history(caseId);
          if (!record && entries.length === 0) throw new CliError('UNKNOWN_CASE', `${shown}: no case "${caseId}"`);
          const verification = verifyCaseTrail(entries, record?.view);
          if (options.json) {
            terminal.out(`${JSON.stringify({ caseId, entries, verification }, null, 2)}\n`);
          } else {
            const view = record?.view;
            const style = terminal.outStyle;
            const about = view
              ? ` (${view.packId}@${view.packVersion}, ${view.category}, ${view.siteName}; now ${view.status})`
              : '';
            terminal.out(`${style.bold(`Audit trail of case ${caseId}`)}${about}\n\n`);
            terminal.out(`${formatEntries(entries, style)}\n\n`);
            terminal.out(
              verification.ok
                ? `${style.green('✓')} audit chain intact: ${verification.length} ${verification.length === 1 ? 'entry' : 'entries'}, head ${entries.at(-1)?.hash ?? '-'}\n`
                : `${style.red('✗')} audit chain broken at entry ${verification.brokenAt}: ${verification.message} (${verification.reason})\n`,
            );
          }
          if (!verification.ok) {
            terminal.err(`${terminal.errStyle.red('✗')} the audit trail of ${caseId} in ${shown} was tampered with\n`);
          }
          return verification.ok ? EXIT_CODES.ok : EXIT_CODES.failed;
        });
      }),
    );
}

/** One line per entry: seq, instant, actor, command, status change, the start of its hash. */
function formatEntries(entries: readonly AuditEntry[], style: Colors): string {
  const rows = entries.map((e) => [
    String(e.seq),
    e.at,
    `${e.actor.id} (${e.actor.role})`,
    e.command,
    `${e.fromStatus ?? ''} → ${e.toStatus}`.trim(),
    `${e.hash.slice(0, 12)}…`,
  ]);
  const header = ['seq', 'at', 'actor', 'command', 'status', 'hash'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [style.dim(line(header)), ...rows.map(line)].join('\n');
}
