import type { CaseFilter, CursorPosition } from '@hazardflow/engine/adapter';

/** The SQL for one filter shape; statements are cached by `sql`, so values only ever go in `params`. */
export interface CaseQuery {
  sql: string;
  params: (string | number)[];
}

/**
 * A page of views matching `filter`, in (reportedAt, id) order, after `after`. Asks for one
 * row more than the page so the caller knows whether a next page exists. Every condition
 * matches `matchesFilter` in @hazardflow/engine, including its string comparisons.
 */
export function caseQuery(filter: CaseFilter, after: CursorPosition | undefined, limit: number): CaseQuery {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const equal = (column: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  if (filter.ids) {
    where.push('id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.ids));
  }
  if (filter.status !== undefined) {
    if (Array.isArray(filter.status)) {
      where.push('status IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.status));
    } else {
      equal('status', filter.status);
    }
  }
  equal('pack_id', filter.packId);
  equal('pack_version', filter.packVersion);
  equal('category', filter.category);
  equal('severity', filter.severity);
  equal('territory', filter.territory);
  equal('regulator', filter.regulator);
  // Read from the stored view, as listedSupervision is; a view from before the field has none (null).
  if (filter.assignee === null) where.push(`json_extract(view, '$.assignee') IS NULL`);
  else equal(`json_extract(view, '$.assignee')`, filter.assignee);
  // A literal, not a parameter, so the partial index on overdue cases applies.
  if (filter.overdue !== undefined) where.push(`overdue = ${filter.overdue ? 1 : 0}`);
  // Read from the stored view (JSON true is 1): no column, no migration.
  if (filter.listedSupervision !== undefined) {
    where.push(`json_extract(view, '$.listedSupervision') = ${filter.listedSupervision ? 1 : 0}`);
  }
  // Read from the stored view too; a case never in the gap has no key (null), so false is "not true".
  if (filter.regulatoryGap !== undefined) {
    where.push(`IFNULL(json_extract(view, '$.regulatoryGap'), 0) = ${filter.regulatoryGap ? 1 : 0}`);
  }
  equal('escalation_level', filter.escalationLevel);
  if (filter.minEscalationLevel !== undefined) {
    where.push('escalation_level >= ?');
    params.push(filter.minEscalationLevel);
  }
  if (filter.dueBefore !== undefined) {
    where.push('due_at < ?');
    params.push(filter.dueBefore);
  }
  if (filter.updatedAfter !== undefined) {
    where.push('updated_at > ?');
    params.push(filter.updatedAfter);
  }
  if (after) {
    where.push('(reported_at, id) > (?, ?)');
    params.push(after.reportedAt, after.id);
  }
  params.push(limit + 1);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')} ` : '';
  return { sql: `SELECT view FROM cases ${clause}ORDER BY reported_at, id LIMIT ?`, params };
}
