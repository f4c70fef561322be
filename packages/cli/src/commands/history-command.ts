import type { AuditEntry } from '@hazardflow/engine';
import type { Command } from 'commander';
import type { Colors } from 'picocolors/types';
import { readAuditKey } from '../audit-keys';
import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import type { CommandRunner } from './command-runner';

interface HistoryOptions {
  db: string;
  keyFile?: string;
  json?: boolean;
}

/** `hazardflow history <caseId> --db <file>`: a case's audit trail, its hash chain recomputed. */
export function addHistoryCommand(program: Command, run: CommandRunner): void {
  program
    .command('history')
    .description("print a case's audit trail and verify its hash chain (exit 1 if any entry was changed or removed)")
    .argument('<caseId>', 'the case id')
    .requiredOption('--db <file>', 'a hazardflow SQLite database (@hazardflow/store-sqlite)')
    .option('--key-file <file>', "the HMAC key the engine was given as audit.key (the file's bytes)")
    .option('--json', 'print { caseId, entries, verification } as JSON for programs')
    .addHelpText(
      'after',
      `
Every entry's hash is SHA-256 (HMAC-SHA256 under --key-file) over the RFC 8785 canonical JSON
of the entry and the previous entry's hash; the first entry follows a hash of the case id. An
edit, deletion, reordering or another case's trail breaks the chain; entries removed from the
end are found against the case's version and the audit head its snapshot stores; an edited case
view or snapshot against the state hash of the last entry. Without the key, this finds
accidental corruption and edits by someone who did not recompute the hashes; with it, edits by
anyone without the key. A whole case deleted, or timers deleted: \`hazardflow verify\`.
See docs/audit.md.

Exit status: 0 chain intact, 1 chain broken, unknown case, or unreadable database, 2 usage error.

Example:
  $ hazardflow history 01K9Z8M3R4J6T0W2X5Y7A9C1E3 --db cases.sqlite`,
    )
    .action((caseId: string, options: HistoryOptions) =>
      run(async (terminal) => {
        // The SQLite store (a native module) and the engine load only for the commands that read a database.
        const { withCaseDatabase } = await import('../open-case-database');
        const { verifyCaseTrail, hmacHasher } = await import('@hazardflow/engine');
        const key = options.keyFile ? await readAuditKey(options.keyFile, terminal.cwd) : undefined;
        return withCaseDatabase(options.db, terminal.cwd, async ({ store, shown }) => {
          const record = await store.getCase(caseId);
          const entries = await store.history(caseId);
          if (!record && entries.length === 0) throw new CliError('UNKNOWN_CASE', `${shown}: no case "${caseId}"`);
          const verification = verifyCaseTrail(caseId, entries, record, key ? { hasher: hmacHasher(key) } : {});
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
                ? `${style.green('✓')} audit chain intact: ${verification.length} ${verification.length === 1 ? 'entry' : 'entries'}, head ${entries.at(-1)?.hash ?? '-'}${verification.legacy ? ' (legacy trail: not bound to its case or not committing to its state; see docs/audit.md)' : ''}\n`
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
