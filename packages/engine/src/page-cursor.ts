import type { CaseView } from './case-view';

/** Where a page ended: the (reportedAt, id) of the last view it returned. Pages run in that order. */
export interface CursorPosition {
  reportedAt: string;
  id: string;
}

/** Page size when the caller gives none. */
export const DEFAULT_PAGE_LIMIT = 100;
/** The largest page any store returns. */
export const MAX_PAGE_LIMIT = 10_000;

/**
 * The page size every store uses for `page.limit`: a whole number from 1 to 10 000, 100 when
 * unset or not a number, fractions rounded down.
 */
export function normalizeLimit(limit: number | undefined): number {
  if (limit === undefined || Number.isNaN(limit)) return DEFAULT_PAGE_LIMIT;
  return Math.max(1, Math.min(Math.floor(limit), MAX_PAGE_LIMIT));
}

/**
 * The opaque `nextCursor` after `last`, the same for every store (base64url of
 * `[reportedAt, id]`), so a cursor never depends on which adapter made it.
 */
export function encodeCursor(last: Pick<CaseView, 'reportedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([last.reportedAt, last.id])).toString('base64url');
}

/** Reads a cursor `encodeCursor` made; anything else is a TypeError naming it. */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2) {
      const [reportedAt, id] = decoded as unknown[];
      if (typeof reportedAt === 'string' && typeof id === 'string') return { reportedAt, id };
    }
  } catch {
    // reported below
  }
  throw new TypeError(`not a cursor returned by this store: ${cursor}`);
}
