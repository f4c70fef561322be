import { inLocale, type Locale } from '@hazardflow/core';
import { LEDGER_COLUMNS, type LedgerRow } from '@hazardflow/engine';
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { cellValue } from './ledger-cells';

const FORMATS = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' } as const;
/** Widest a column grows (in Excel's character units), so a long note wraps instead. */
const MAX_WIDTH = 48;

/**
 * The ledger as an .xlsx workbook (exceljs): one sheet 隐患排查治理台账, headings in the
 * locale, the heading row frozen and filterable, date columns as real dates in the case's
 * local time, widths from the content (CJK characters count two).
 */
export async function ledgerWorkbook(
  rows: readonly LedgerRow[],
  options: { locale?: Locale; sheetName?: string } = {},
): Promise<ExcelJS.Workbook> {
  const locale = options.locale ?? 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hazardflow';
  const sheet = workbook.addWorksheet(options.sheetName ?? (locale === 'en' ? 'Hazard ledger' : '隐患排查治理台账'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = LEDGER_COLUMNS.map((column) => ({
    header: inLocale(column.label, locale),
    key: column.key,
    ...(column.kind === 'date' || column.kind === 'datetime' ? { style: { numFmt: FORMATS[column.kind] } } : {}),
  }));
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(LEDGER_COLUMNS.map((column) => [column.key, cellValue(row, column)])));
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  LEDGER_COLUMNS.forEach((column, i) => {
    const texts = [
      inLocale(column.label, locale),
      ...rows.map((row) => {
        const value = cellValue(row, column);
        if (value instanceof Date) return column.kind === 'date' ? '2026-01-01' : '2026-01-01 00:00';
        return value === null ? '' : String(value);
      }),
    ];
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(...texts.map((t) => stringWidth(t))) + 2);
  });
  return workbook;
}

/** Writes the ledger workbook to a file. */
export async function writeLedgerXlsx(
  path: string,
  rows: readonly LedgerRow[],
  options: { locale?: Locale } = {},
): Promise<void> {
  await (await ledgerWorkbook(rows, options)).xlsx.writeFile(path);
}
