import { createInterface } from 'node:readline/promises';
import type { PolicyPack } from '@hazardflow/core';
import type { MigrationPlan } from '@hazardflow/engine';
import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { EXIT_CODES } from '../exit-codes';
import { sayer, type Terminal } from '../terminal';
import { textColumns } from '../text-columns';
import type { CommandRunner } from './command-runner';

interface MigrateOptions {
  from: string;
  to: string;
  db: string;
  packFile?: string[];
  dryRun?: boolean;
  json?: boolean;
  yes?: boolean;
  actor: string;
}

/** The actor a CLI migration is recorded under: the district command centre's operator. */
const OPERATOR_ROLE = 'command';

/**
 * `hazardflow migrate --from fire@1.0.0 --to fire@1.1.0 --db cases.sqlite [--dry-run]`: plans
 * moving the open cases of one pack version onto another, prints the plan, and (without
 * `--dry-run`, once confirmed) carries it out with a progress bar.
 */
export function addMigrateCommand(program: Command, run: CommandRunner): void {
  program
    .command('migrate')
    .description('move the open cases of a pack version onto a newer version (plan with --dry-run first)')
    .requiredOption('--from <pack@version>', 'the version the cases run on, e.g. fire@1.0.0')
    .requiredOption('--to <pack@version>', 'the version to move them to, e.g. fire@1.1.0')
    .requiredOption('--db <file>', 'a hazardflow SQLite database (@hazardflow/store-sqlite)')
    .option(
      '--pack-file <file>',
      'a pack version that is not shipped (.json, .yaml, .ts, .js); repeat for several',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--dry-run', 'print the plan and change nothing')
    .option('--json', 'print the plan (and the outcome) as JSON')
    .option('--yes', 'do not ask for confirmation (needed when stdin is not a terminal)')
    .option('--actor <id>', 'who the MIGRATED audit entries name', 'hazardflow-cli')
    .addHelpText(
      'after',
      `
The shipped packs are known at their current versions and at the versions they replaced
(fire@1.1.0, building@1.0.0); give any other version with --pack-file (an older release kept
as a file). Each case moves in one audited
commit; a killed migration run again finishes the rest and moves no case twice.

Exit status: 0 done (or planned), 1 refused or cases skipped, 2 usage error.

Example:
  $ hazardflow migrate --from fire@1.1.0 --to fire@1.2.0 --db cases.sqlite --dry-run`,
    )
    .action((options: MigrateOptions) =>
      run(async (terminal) => {
        const say = sayer(terminal);
        const from = parseRef(options.from, '--from');
        const to = parseRef(options.to, '--to');
        if (from.id !== to.id) {
          throw new CliError('MIGRATION_REFUSED', {
            zh: `--to：迁移只能在同一政策包内进行（${from.id}，而非 ${to.id}）`,
            en: `--to: a migration stays within one pack (${from.id}, not ${to.id})`,
          });
        }
        const packs = await knownPacks(options.packFile ?? [], terminal.cwd);
        const { withCaseDatabase } = await import('../open-case-database');
        const { createEngine, MigrationError } = await import('@hazardflow/engine');
        return withCaseDatabase(options.db, terminal.cwd, async ({ store }) => {
          const engine = createEngine({ packs, store });
          let plan: MigrationPlan;
          try {
            plan = await engine.planMigration({ packId: from.id, from: from.version, to: to.version });
          } catch (error) {
            if (error instanceof MigrationError) {
              const refused = `${error.message} (${error.code})`;
              throw new CliError('MIGRATION_REFUSED', { zh: `拒绝迁移：${refused}`, en: refused });
            }
            throw error;
          }
          if (options.json && options.dryRun) terminal.out(`${JSON.stringify(plan, null, 2)}\n`);
          else if (!options.json) terminal.out(`${formatPlan(plan, terminal)}\n`);
          if (options.dryRun || plan.moves.length === 0) return EXIT_CODES.ok;
          if (!options.yes) {
            if (!process.stdin.isTTY) {
              throw new CliError('CONFIRMATION_REQUIRED', {
                zh: '标准输入不是终端：如需不经确认直接迁移，请加 --yes',
                en: 'stdin is not a terminal: pass --yes to migrate without confirmation',
              });
            }
            const question = say({
              zh: `将 ${plan.moves.length} 个案件迁移到 ${plan.packId}@${plan.to}？[y/N] `,
              en: `Migrate ${plan.moves.length} cases to ${plan.packId}@${plan.to}? [y/N] `,
            });
            if (!(await confirm(question))) {
              terminal.err(say({ zh: '未迁移\n', en: 'not migrated\n' }));
              return EXIT_CODES.failed;
            }
          }
          const bar = await progressBar(
            plan.moves.length,
            say({
              zh: '迁移中 [{bar}] {value}/{total} 个案件（{percentage}%）剩余 {eta_formatted}',
              en: 'migrating [{bar}] {value}/{total} cases ({percentage}%) {eta_formatted} left',
            }),
          );
          const report = await engine.migrate(plan, {
            actor: { id: options.actor, role: OPERATOR_ROLE },
            onProgress: ({ done }) => {
              bar.update(done);
              // One line per case on a pipe, so a supervising program can follow (and tests wait on it).
              if (!process.stderr.isTTY) {
                terminal.err(
                  say({ zh: `已迁移 ${done}/${plan.moves.length}\n`, en: `migrated ${done}/${plan.moves.length}\n` }),
                );
              }
            },
          });
          bar.stop();
          if (options.json) terminal.out(`${JSON.stringify(report, null, 2)}\n`);
          else {
            terminal.out(
              say({
                zh: `已迁移 ${report.migrated} 个，跳过 ${report.skipped.length} 个，受阻 ${report.blocked} 个\n`,
                en: `${report.migrated} migrated, ${report.skipped.length} skipped, ${report.blocked} blocked\n`,
              }) +
                report.skipped
                  .map((s) =>
                    say({ zh: `  跳过 ${s.caseId}：${s.reason}\n`, en: `  skipped ${s.caseId}: ${s.reason}\n` }),
                  )
                  .join(''),
            );
          }
          return report.skipped.length === 0 ? EXIT_CODES.ok : EXIT_CODES.failed;
        });
      }),
    );
}

function parseRef(text: string, option: string): { id: string; version: string } {
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) {
    throw new CliError(
      'MIGRATION_REFUSED',
      {
        zh: `${option}：“${text}”不是 <政策包>@<版本>（例如 fire@1.0.0）`,
        en: `${option}: "${text}" is not <pack>@<version> (e.g. fire@1.0.0)`,
      },
      EXIT_CODES.usage,
    );
  }
  return { id: text.slice(0, at), version: text.slice(at + 1) };
}

/** Every shipped pack version (current and replaced), and the pack files given. */
async function knownPacks(files: readonly string[], cwd: string): Promise<PolicyPack[]> {
  const { SHIPPED_PACK_VERSIONS } = await import('../shipped-packs');
  const { loadValidPack } = await import('../load-pack');
  const packs: PolicyPack[] = [...SHIPPED_PACK_VERSIONS];
  for (const file of files) {
    const { pack } = await loadValidPack(file, { cwd });
    // A file naming a shipped version replaces it (the same content, or the engine refuses both).
    const index = packs.findIndex((p) => p.id === pack.id && p.version === pack.version);
    if (index >= 0) packs[index] = pack;
    else packs.push(pack);
  }
  return packs;
}

function formatPlan(plan: MigrationPlan, terminal: Terminal): string {
  const style = terminal.outStyle;
  const say = sayer(terminal);
  const rows = [
    ...plan.moves.map((m) => [
      m.caseId,
      m.status === m.toStatus ? m.status : `${m.status} → ${m.toStatus}`,
      m.category === m.toCategory ? m.category : `${m.category} → ${m.toCategory}`,
      m.deadline ? (m.deadline.from === m.deadline.to ? m.deadline.to : `${m.deadline.from} → ${m.deadline.to}`) : '-',
      m.timers.set.map((t) => t.timerId).join(', ') || '-',
    ]),
    ...plan.blocked.map((b) => [
      b.caseId,
      b.status,
      b.category,
      style.red(say({ zh: `受阻：${b.reason}`, en: `blocked: ${b.reason}` })),
      b.message,
    ]),
  ];
  const header =
    terminal.locale === 'en'
      ? ['case', 'status', 'category', 'deadline', 'timers re-armed']
      : ['案件', '状态', '类别', '期限', '重新设置的定时器'];
  // Widths by string-width: colour codes count nothing, CJK characters two.
  const [first = '', ...lines] = textColumns([header, ...rows]).lines;
  const map = plan.map ? JSON.stringify({ categories: plan.map.categories, states: plan.map.states }) : undefined;
  return [
    style.bold(
      say({
        zh: `迁移计划 ${plan.packId}@${plan.from} → ${plan.to}`,
        en: `Migration plan ${plan.packId}@${plan.from} → ${plan.to}`,
      }),
    ),
    say({
      zh: `${plan.moves.length} 个案件迁移，${plan.blocked.length} 个受阻${map ? `；迁移映射：${map}` : ''}`,
      en: `${plan.moves.length} cases move, ${plan.blocked.length} blocked${map ? `; migration map: ${map}` : ''}`,
    }),
    '',
    style.dim(first),
    ...lines,
  ].join('\n');
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/** A progress bar on a terminal (cli-progress: see README); nothing on a pipe. */
async function progressBar(total: number, format: string): Promise<{ update(done: number): void; stop(): void }> {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const { SingleBar, Presets } = await import('cli-progress');
  const bar = new SingleBar({ format, stream: process.stderr }, Presets.shades_classic);
  bar.start(total, 0);
  return bar;
}
