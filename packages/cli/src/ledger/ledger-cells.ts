import type { LedgerColumn, LedgerRow } from '@hazardflow/engine';

/**
 * An instant's wall-clock time in a time zone, as a `Date` whose UTC fields hold that local
 * time. Spreadsheet dates have no time zone: exceljs writes a `Date` by its UTC fields, so
 * this is how a cell shows 2026-09-07 10:00 for a Shanghai case, whatever zone the file is
 * opened in.
 */
export function localWallTime(instant: string, timeZone: string): Date {
  const parts: Record<string, number> = {};
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  for (const p of format.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return new Date(
    Date.UTC(
      parts.year ?? 0,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    ),
  );
}

/** The value a column shows for a row: a number, a text, a local wall time, or null for an empty cell. */
export function cellValue(row: LedgerRow, column: LedgerColumn): string | number | Date | null {
  const value = row[column.key];
  if (value === null || value === '') return null;
  if (column.kind === 'date' || column.kind === 'datetime') {
    const local = localWallTime(String(value), row.timeZone);
    return column.kind === 'date'
      ? new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()))
      : local;
  }
  return value;
}

/** A local wall time as text: `2026-09-07` for a date column, `2026-09-07 10:00` for a date-time. */
export function wallTimeText(local: Date, kind: 'date' | 'datetime'): string {
  const iso = local.toISOString();
  return kind === 'date' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
