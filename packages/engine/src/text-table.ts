import stringWidth from 'string-width';

/**
 * A fixed-width text table: the first column left-aligned, the rest right-aligned, two spaces
 * between columns. Widths are terminal columns as `string-width` counts them (a CJK character
 * is two, a combining mark none), so Chinese headers and street names line up.
 */
export function formatTextTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...body.map((row) => stringWidth(row[i] ?? ''))));
  const pad = (cell: string, i: number) => {
    const fill = ' '.repeat(Math.max(0, (widths[i] ?? 0) - stringWidth(cell)));
    return i === 0 ? cell + fill : fill + cell;
  };
  const line = (cells: readonly string[]) => cells.map(pad).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** The same table as Markdown, numbers right-aligned. */
export function formatMarkdownTable(header: readonly string[], body: readonly (readonly string[])[]): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${header.map(escapeCell).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...body.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}
