import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardflowInEnglish } from './support/run-hazardflow';
import { prepareWorkspace, type Workspace } from './support/workspace';

describe('hazardflow report and history on a SQLite database', () => {
  let w: Workspace;
  beforeAll(async () => {
    w = await prepareWorkspace();
  });
  afterAll(() => w?.remove());
  const run = (args: string[]) => hazardflowInEnglish(args, { cwd: w.path });

  it('reports the assessment as JSON, in a time window, with the figures the engine computes', async () => {
    const result = await run([
      'report',
      '--db',
      'cases.sqlite',
      '-g',
      'territory',
      '--to',
      '2025-09-23T00:00:00+08:00',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const body = JSON.parse(result.stdout) as { groupBy: string; to: string; rows: Record<string, unknown>[] };
    expect(body).toMatchObject({ groupBy: 'territory', from: null, to: '2025-09-22T16:00:00.000Z' });
    // On the first day: the e-bike case and the locked exit in the east, the gas alarm in the west.
    expect(body.rows.map((r) => [r.group, r.found, r.closed])).toEqual([
      ['street-east', 2, 1],
      ['street-west', 1, 0],
    ]);
  });

  it('prints an intact audit chain as JSON and exits 0', async () => {
    const result = await run(['history', w.cases.gasAlarm, '--db', 'cases.sqlite', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const body = JSON.parse(result.stdout) as { entries: { seq: number; command: string }[]; verification: unknown };
    expect(body.entries.map((e) => e.command)).toEqual([
      'REPORT',
      'TRIAGE',
      'ISSUE_NOTICE',
      'ACKNOWLEDGE',
      'SUBMIT_RECTIFICATION',
      'VERIFY',
    ]);
    expect(body.verification).toEqual({ ok: true, length: 6 });
  });

  it('finds audit entries that were deleted, from the middle or from the end, and exits 1', async () => {
    copyFileSync(w.file('cases.sqlite'), w.file('gaps.sqlite'));
    const db = new Database(w.file('gaps.sqlite'));
    db.prepare('DELETE FROM audit WHERE case_id = ? AND seq = 5').run(w.cases.ebike);
    // The last entry: the chain that remains is valid, only the case's version shows the loss.
    db.prepare('DELETE FROM audit WHERE case_id = ? AND seq = (SELECT max(seq) FROM audit WHERE case_id = ?)').run(
      w.cases.lockedExit,
      w.cases.lockedExit,
    );
    db.close();
    const gap = await run(['history', w.cases.ebike, '--db', 'gaps.sqlite']);
    expect(gap.code).toBe(1);
    expect(gap.stdout).toContain('✗ audit chain broken at entry 5: entry 5 is missing (found seq 6) (sequence_gap)\n');
    expect(gap.stderr).toBe(`✗ the audit trail of ${w.cases.ebike} in gaps.sqlite was tampered with\n`);
    const cut = await run(['history', w.cases.lockedExit, '--db', 'gaps.sqlite', '--json']);
    expect(cut.code).toBe(1);
    expect(JSON.parse(cut.stdout).verification).toEqual({
      ok: false,
      brokenAt: 3,
      reason: 'truncated',
      message: 'the case is at version 3 but its trail ends at entry 2: the last entry was removed',
    });
  });

  it('exits 1 for an unknown case and for a damaged database, with a clear message', async () => {
    const unknown = await run(['history', '01K5QEYJM00000000000000000', '--db', 'cases.sqlite']);
    expect(unknown).toEqual({
      code: 1,
      stdout: '',
      stderr: 'hazardflow: cases.sqlite: no case "01K5QEYJM00000000000000000"\n',
    });

    const damaged = await run(['report', '--db', 'damaged.sqlite']);
    expect(damaged).toMatchObject({ code: 1, stdout: '' });
    expect(damaged.stderr).toMatch(/^hazardflow: damaged\.sqlite: .*(malformed|corrupt).*\n$/i);
    const damagedHistory = await run(['history', w.cases.ebike, '--db', 'damaged.sqlite']);
    expect(damagedHistory).toEqual({ code: 1, stdout: '', stderr: damaged.stderr });
  });

  it('never creates or changes a file it refuses', async () => {
    const before = readFileSync(w.file('invoices.sqlite'));
    const foreign = await run(['history', w.cases.ebike, '--db', 'invoices.sqlite']);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toContain('(FOREIGN_DATABASE)');
    expect(readFileSync(w.file('invoices.sqlite')).equals(before)).toBe(true);
    const missing = await run(['history', w.cases.ebike, '--db', 'nowhere.sqlite']);
    expect(missing).toMatchObject({ code: 1, stderr: 'hazardflow: nowhere.sqlite: no such database file\n' });
    expect(existsSync(w.file('nowhere.sqlite'))).toBe(false);
    const noDb = await run(['history', w.cases.ebike]);
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain("error: required option '--db <file>' not specified");
    const badInstant = await run(['report', '--db', 'cases.sqlite', '--from', 'yesterday']);
    expect(badInstant).toMatchObject({ code: 2, stdout: '' });
    expect(badInstant.stderr).toContain("error: option '--from <instant>' argument 'yesterday' is invalid.");
  });
});
