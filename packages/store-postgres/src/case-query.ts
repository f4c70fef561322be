import type { CaseFilter, CursorPosition } from '@hazardflow/engine/adapter';

/** One parameterised statement: values only ever go in `values`. */
export interface CaseQuery {
  text: string;
  values: unknown[];
}

/**
 * A page of views matching `filter` in (reportedAt, id) order, after `after` (keyset paging,
 * so a page costs the same however deep it is). Asks for one row more than the page so the
 * caller knows whether a next page exists. Every condition matches `matchesFilter` in
 * @hazardflow/engine; string comparisons use the columns' "C" collation, like JavaScript's.
 */
/**
 * A case's pack version, read from its view's JSON text as written (a semver has no quote or
 * escape), as the index of schema version 2 reads it: the two must stay the same text.
 */
const PACK_VERSION = `substring(view::text from '"packVersion":"([^"]*)"')`;

export function caseQuery(
  table: string,
  filter: CaseFilter,
  after: CursorPosition | undefined,
  limit: number,
): CaseQuery {
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const equal = (column: string, value: string | number | undefined) => {
    if (value !== undefined) where.push(`${column} = ${param(value)}`);
  };
  if (filter.ids) where.push(`id = ANY(${param(filter.ids)}::text[])`);
  if (filter.status !== undefined) {
    if (Array.isArray(filter.status)) where.push(`status = ANY(${param(filter.status)}::text[])`);
    else equal('status', filter.status);
  }
  equal('pack_id', filter.packId);
  equal(PACK_VERSION, filter.packVersion);
  equal('category', filter.category);
  equal('severity', filter.severity);
  equal('territory', filter.territory);
  equal('regulator', filter.regulator);
  // Read from the stored view's text, as listedSupervision is: the key followed by the id as
  // JSON writes it (a string's own quotes are escaped there, so only the view's key matches);
  // a view without an officer has `"assignee":null` or, from before the field, no key.
  if (filter.assignee === null) where.push(`strpos(view::text, '"assignee":"') = 0`);
  else if (filter.assignee !== undefined) {
    where.push(`strpos(view::text, ${param(`"assignee":${JSON.stringify(filter.assignee)}`)}) > 0`);
  }
  // A literal, not a parameter, so the partial index on overdue cases applies.
  if (filter.overdue !== undefined) where.push(filter.overdue ? 'overdue' : 'NOT overdue');
  // Read from the stored view's text, as PACK_VERSION is (->> would parse it and refuse a \u0000).
  if (filter.listedSupervision !== undefined) {
    where.push(`${filter.listedSupervision ? '' : 'NOT '}strpos(view::text, '"listedSupervision":true') > 0`);
  }
  // The same way; a case never in the gap has no key, one whose gap was closed has false.
  if (filter.regulatoryGap !== undefined) {
    where.push(`${filter.regulatoryGap ? '' : 'NOT '}strpos(view::text, '"regulatoryGap":true') > 0`);
  }
  equal('escalation_level', filter.escalationLevel);
  if (filter.minEscalationLevel !== undefined) where.push(`escalation_level >= ${param(filter.minEscalationLevel)}`);
  if (filter.dueBefore !== undefined) where.push(`due_at < ${param(filter.dueBefore)}`);
  if (filter.updatedAfter !== undefined) where.push(`updated_at > ${param(filter.updatedAfter)}`);
  if (after) where.push(`(reported_at, id) > (${param(after.reportedAt)}, ${param(after.id)})`);
  const text =
    `SELECT view FROM ${table}` +
    (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY reported_at, id LIMIT ${param(limit + 1)}`;
  return { text, values };
}
