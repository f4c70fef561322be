import stringWidth from 'string-width';

/**
 * Lays out rows as left-aligned columns two spaces apart, widths counted in terminal columns as
 * `string-width` does: a CJK character is two, a combining mark none, ANSI colour codes none.
 * So Chinese headers, statuses and street names line up with the rest. The last column is not
 * padded; trailing spaces are trimmed.
 */
export function textColumns(rows: readonly (readonly string[])[]): { widths: number[]; lines: string[] } {
  const count = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: count }, (_, i) => Math.max(0, ...rows.map((row) => stringWidth(row[i] ?? ''))));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : padEndToWidth(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
  return { widths, lines };
}

/** `text` followed by spaces up to `width` terminal columns (CJK counted as two). */
export function padEndToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
