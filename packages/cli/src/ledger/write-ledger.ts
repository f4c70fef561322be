import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Locale } from '@hazardflow/core';
import type { LedgerRow } from '@hazardflow/engine';
import { CliError } from '../cli-error';
import { ledgerCsv } from './write-ledger-csv';
import { writeLedgerXlsx } from './write-ledger-xlsx';

/** The ledger file formats, by extension. */
export const LEDGER_EXTENSIONS = ['.xlsx', '.csv'] as const;

/** Writes the ledger as .xlsx or .csv, chosen by the file's extension; errors name the file as `shown`. */
export async function writeLedger(
  path: string,
  rows: readonly LedgerRow[],
  options: { locale?: Locale; shown?: string } = {},
): Promise<void> {
  const shown = options.shown ?? path;
  const extension = extname(path).toLowerCase();
  if (extension !== '.xlsx' && extension !== '.csv') {
    throw new CliError('UNSUPPORTED_FILE', {
      zh: `${shown}：台账只能写成 ${LEDGER_EXTENSIONS.join(' 或 ')} 文件，不能是“${extension || '（无扩展名）'}”`,
      en: `${shown}: a ledger is written as ${LEDGER_EXTENSIONS.join(' or ')}, not "${extension || '(no extension)'}"`,
    });
  }
  try {
    if (extension === '.xlsx') await writeLedgerXlsx(path, rows, options);
    else await writeFile(path, ledgerCsv(rows, options), 'utf8');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(
      'WRITE_FAILED',
      { zh: `${shown}：无法写入台账：${message}`, en: `${shown}: cannot write the ledger: ${message}` },
      undefined,
      { cause: error },
    );
  }
}
