import type { Status } from '@hazardflow/core';
import { STATUSES } from '@hazardflow/core';
import { type Command, Option } from 'commander';
import { EXIT_CODES } from '../exit-codes';
import type { CommandRunner } from './command-runner';

interface LedgerCommandOptions {
  db: string;
  out: string;
  status?: Status[];
  territory?: string;
  regulator?: string;
}

/** `hazardflow ledger --db <file> --out 台账.xlsx`: the hazard ledger (隐患排查治理台账) of a cases database. */
export function addLedgerCommand(program: Command, run: CommandRunner): void {
  program
    .command('ledger')
    .description('write the hazard ledger (隐患排查治理台账) of a cases database as .xlsx or .csv')
    .requiredOption('--db <file>', 'a hazardflow SQLite database (@hazardflow/store-sqlite)')
    .requiredOption('-o, --out <file>', 'the file to write: .xlsx (a workbook) or .csv (UTF-8 with BOM)')
    .addOption(new Option('--status <status...>', 'only cases in these statuses').choices(STATUSES))
    .option('--territory <street>', 'only cases of this street (属地)')
    .option('--regulator <department>', 'only cases of this regulating department')
    .addHelpText(
      'after',
      `
One row per case, in the order found: 序号, 隐患名称/类别, 所在单位及地址, 所属街道, 发现时间,
发现方式, 隐患等级, 责任单位, 责任人, 整改措施, 整改资金, 整改时限, 整改完成时间, 复查/验收人,
销号日期, 当前状态, 案件编号. Headings and cells are in Chinese unless --lang en (or an English
LANG). Dates are local dates in each pack's time zone. Category names come from the shipped
packs; cases of other packs show their category ids.

Exit status: 0 written, 1 missing, damaged or foreign database or an unwritable file, 2 usage error.

Examples:
  $ hazardflow ledger --db cases.sqlite --out 台账.xlsx
  $ hazardflow ledger --db cases.sqlite --out open.csv --status rectifying verifying --lang en`,
    )
    .action((options: LedgerCommandOptions) =>
      run(async (terminal) => {
        const { resolve } = await import('node:path');
        const { withCaseDatabase } = await import('../open-case-database');
        const { loadLedger } = await import('@hazardflow/engine');
        const { SHIPPED_PACK_VERSIONS } = await import('../shipped-packs');
        const { writeLedger } = await import('../ledger/write-ledger');
        const locale = terminal.locale ?? 'zh-CN';
        return withCaseDatabase(options.db, terminal.cwd, async ({ store, shown }) => {
          const rows = await loadLedger(
            store,
            {
              ...(options.status ? { status: options.status } : {}),
              ...(options.territory ? { territory: options.territory } : {}),
              ...(options.regulator ? { regulator: options.regulator } : {}),
            },
            { packs: [...SHIPPED_PACK_VERSIONS], locale },
          );
          await writeLedger(resolve(terminal.cwd, options.out), rows, { locale, shown: options.out });
          terminal.err(
            locale === 'en'
              ? `wrote ${rows.length} ${rows.length === 1 ? 'case' : 'cases'} from ${shown} to ${options.out}\n`
              : `已将 ${shown} 中的 ${rows.length} 条隐患写入 ${options.out}\n`,
          );
          return EXIT_CODES.ok;
        });
      }),
    );
}
