import type { Locale } from '@hazardflow/core';
import type { AuditEntry } from '@hazardflow/engine';
import type { Command } from 'commander';
import type { Colors } from 'picocolors/types';
import { readAuditKey } from '../audit-keys';
import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import { sayer } from '../terminal';
import { textColumns } from '../text-columns';
import { vocabulary } from '../vocabulary-text';
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
        const locale = terminal.locale ?? 'zh-CN';
        const say = sayer(terminal);
        return withCaseDatabase(options.db, terminal.cwd, async ({ store, shown }) => {
          const record = await store.getCase(caseId);
          const entries = await store.history(caseId);
          if (!record && entries.length === 0) {
            throw new CliError('UNKNOWN_CASE', {
              zh: `${shown}：没有案件“${caseId}”`,
              en: `${shown}: no case "${caseId}"`,
            });
          }
          const verification = verifyCaseTrail(caseId, entries, record, key ? { hasher: hmacHasher(key) } : {});
          if (options.json) {
            terminal.out(`${JSON.stringify({ caseId, entries, verification }, null, 2)}\n`);
          } else {
            const view = record?.view;
            const style = terminal.outStyle;
            const status = view ? vocabulary('status', view.status, locale) : '';
            const about = view
              ? say({
                  zh: `（${view.packId}@${view.packVersion}，${view.category}，${view.siteName}；当前${status}）`,
                  en: ` (${view.packId}@${view.packVersion}, ${view.category}, ${view.siteName}; now ${status})`,
                })
              : '';
            terminal.out(
              `${style.bold(say({ zh: `案件 ${caseId} 的审计记录`, en: `Audit trail of case ${caseId}` }))}${about}\n\n`,
            );
            terminal.out(`${formatEntries(entries, style, locale)}\n\n`);
            if (verification.ok) {
              const n = verification.length;
              const head = entries.at(-1)?.hash ?? '-';
              const legacy = verification.legacy
                ? say({
                    zh: '（旧版记录：未绑定案件或未承诺其状态；见 docs/audit.md）',
                    en: ' (legacy trail: not bound to its case or not committing to its state; see docs/audit.md)',
                  })
                : '';
              const intact = say({
                zh: `审计链完好：${n} 条记录，链头 ${head}`,
                en: `audit chain intact: ${n} ${n === 1 ? 'entry' : 'entries'}, head ${head}`,
              });
              terminal.out(`${style.green('✓')} ${intact}${legacy}\n`);
            } else {
              const at = verification.brokenAt;
              const broken = say({ zh: `审计链在第 ${at} 条断裂：`, en: `audit chain broken at entry ${at}: ` });
              terminal.out(`${style.red('✗')} ${broken}${verification.message} (${verification.reason})\n`);
            }
          }
          if (!verification.ok) {
            terminal.err(
              `${terminal.errStyle.red('✗')} ${say({ zh: `${shown} 中案件 ${caseId} 的审计记录遭到篡改`, en: `the audit trail of ${caseId} in ${shown} was tampered with` })}\n`,
            );
          }
          return verification.ok ? EXIT_CODES.ok : EXIT_CODES.failed;
        });
      }),
    );
}

/**
 * One line per entry: seq, instant, actor, command, status change, the start of its hash. Roles,
 * commands and statuses are the vocabulary's Chinese labels in Chinese, and stay the ids the API
 * and docs use in English; columns line up in CJK too.
 */
function formatEntries(entries: readonly AuditEntry[], style: Colors, locale: Locale = 'zh-CN'): string {
  const status = (s: string) => vocabulary('status', s, locale);
  const rows = entries.map((e) => [
    String(e.seq),
    e.at,
    `${e.actor.id} (${vocabulary('role', e.actor.role, locale)})`,
    vocabulary('command', e.command, locale),
    `${e.fromStatus ? status(e.fromStatus) : ''} → ${status(e.toStatus)}`.trim(),
    `${e.hash.slice(0, 12)}…`,
  ]);
  const header =
    locale === 'en'
      ? ['seq', 'at', 'actor', 'command', 'status', 'hash']
      : ['序号', '时间', '操作人', '操作', '状态', '哈希'];
  const [first = '', ...rest] = textColumns([header, ...rows]).lines;
  return [style.dim(first), ...rest].join('\n');
}
