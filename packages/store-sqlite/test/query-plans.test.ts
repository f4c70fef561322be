import type { CaseFilter } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Internal: the SQL the store runs, checked against the schema's indexes.
import { caseQuery } from '../src/case-query';
import { SQL } from '../src/statements';
import { tempDirectory } from './support/temp-directory';

/**
 * "Fast as the table grows" made checkable: the statements a command, a claim or a filtered
 * page runs must be index searches, never a scan of a whole table or a sort of every match.
 */
describe('query plans', () => {
  const temp = tempDirectory();
  let db: Database.Database;
  beforeAll(async () => {
    const filename = temp.file('plans.db');
    await createSqliteStore({ filename }).close();
    db = new Database(filename, { readonly: true });
  });
  afterAll(() => {
    db.close();
    temp.clean();
  });

  const planOf = (sql: string, params: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);

  it.each([
    ['caseVersion', ['c']],
    ['getCase', ['c']],
    ['lastSeq', ['c']],
    ['history', ['c']],
    ['idempotencyExists', ['k']],
    ['idempotentResult', ['k']],
    ['timer', ['c', 't']],
    ['deleteTimer', ['c', 't']],
    ['lease', ['w', 1, 'c', 't']],
    ['release', ['c', 't', 'w']],
    ['nextDue', []],
  ] as const)('%s searches an index', (name, params) => {
    const plan = planOf(SQL[name], [...params]).join(' ; ');
    expect(plan).toMatch(/USING (COVERING |PRIMARY KEY|INDEX)/);
    // `SCAN t USING INDEX i` walks an index in order (nextDue reads its first entry); `SCAN t` alone reads the table.
    expect(plan).not.toMatch(/TEMP B-TREE|SCAN (cases|audit|timers|idempotency)(?! USING)/);
  });

  it('dueTimers reads the due range through the due index and each claimed case by its key', () => {
    const plan = planOf(SQL.dueTimers, [{ now: 1, limit: 10 }]).join(' ; ');
    expect(plan).toMatch(/SEARCH timers USING INDEX timers_due \(due_ms<\?\)/);
    expect(plan).toMatch(/SEARCH t USING INDEX \w+ \(case_id=\?\)/);
    // Grouping and ordering the due cases needs temporary b-trees; the table is never scanned whole.
    expect(plan).not.toMatch(/SCAN (cases|audit|timers|idempotency)(?! USING)/);
  });

  it("timersOf searches by case and sorts only that case's few timers", () => {
    const plan = planOf(SQL.timersOf, ['c']).join(' ; ');
    expect(plan).toMatch(/^SEARCH timers USING INDEX \w+ \(case_id=\?\)/);
  });

  const pagedFilters: [string, CaseFilter, string][] = [
    ['no filter', {}, 'cases_by_reported'],
    ['status', { status: 'rectifying' }, 'cases_by_status'],
    ['territory', { territory: 'street-a' }, 'cases_by_territory'],
    ['regulator', { regulator: 'fire-brigade' }, 'cases_by_regulator'],
    ['pack', { packId: 'fire' }, 'cases_by_pack'],
    ['escalation level', { escalationLevel: 2 }, 'cases_by_escalation'],
    ['overdue', { overdue: true }, 'cases_overdue'],
    ['territory and status', { territory: 'street-a', status: 'rectifying' }, 'cases_by_'],
  ];
  it.each(pagedFilters)(
    'a page of cases by %s walks an index in paging order, first page and next',
    (_, filter, index) => {
      for (const after of [undefined, { reportedAt: '2026-03-02T00:00:00.000Z', id: 'c' }]) {
        const { sql, params } = caseQuery(filter, after, 100);
        const plan = planOf(sql, params).join(' ; ');
        expect(plan).toContain(`USING INDEX ${index}`);
        expect(plan).not.toContain('TEMP B-TREE');
      }
    },
  );
});
