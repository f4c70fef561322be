/** A table: a header row, then rows of cells; numbers should be formatted by the caller. */
export interface Table {
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns to right-align (numbers). */
  numeric?: readonly number[];
}

/** The table as GitHub-flavoured Markdown; `|` in cells is escaped. */
export function markdownTable(table: Table): string {
  const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');
  const align = table.header.map((_, i) => (table.numeric?.includes(i) ? '---:' : '---'));
  return [table.header, align, ...table.rows].map((row) => `| ${row.map(escapeCell).join(' | ')} |`).join('\n');
}

/** The table as aligned plain text for a terminal. */
export function textTable(table: Table): string {
  const rows = [table.header, ...table.rows];
  const widths = table.header.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (table.numeric?.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(table.header), widths.map((w) => '─'.repeat(w)).join('  '), ...table.rows.map(line)].join('\n');
}
