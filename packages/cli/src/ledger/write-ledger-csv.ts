import { inLocale, type Locale } from '@hazardflow/core';
import { LEDGER_COLUMNS, type LedgerRow } from '@hazardflow/engine';
import { cellValue, wallTimeText } from './ledger-cells';

/**
 * The ledger as CSV text: RFC 4180 (CRLF line ends, a field quoted when it holds a comma, a
 * quote or a line break, quotes doubled), UTF-8 with a byte-order mark so that Excel opens
 * Chinese text as UTF-8 rather than the system's code page. Dates are local times as text.
 */
export function ledgerCsv(rows: readonly LedgerRow[], options: { locale?: Locale } = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const lines = [LEDGER_COLUMNS.map((c) => quote(inLocale(c.label, locale)))];
  for (const row of rows) {
    lines.push(
      LEDGER_COLUMNS.map((column) => {
        const value = cellValue(row, column);
        if (value === null) return '';
        if (value instanceof Date) return wallTimeText(value, column.kind === 'date' ? 'date' : 'datetime');
        return quote(String(value));
      }),
    );
  }
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
