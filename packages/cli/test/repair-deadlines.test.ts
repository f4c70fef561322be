import { copyFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, hazardflowInEnglish } from './support/run-hazardflow';
import { seedProvisionalCase } from './support/seed-provisional-case';
import { tempDirectory } from './support/temp-directory';

/** Old and new deadline of the seeded case: 10 February 2027 rolls past the Spring Festival to the make-up Sunday. */
const OLD_DUE = '2027-02-10T15:59:59.999Z';
const NEW_DUE = '2027-02-14T15:59:59.999Z';

describe('hazardflow repair-deadlines', () => {
  const temp = tempDirectory();
  let caseId: string;
  beforeAll(async () => {
    caseId = await seedProvisionalCase(temp.file('cases.sqlite'));
    copyFileSync(`${FIXTURES}holidays/holidays-2027.json`, temp.file('holidays-2027.json'));
    copyFileSync(`${FIXTURES}holidays/holidays-2027-bad.json`, temp.file('holidays-bad.json'));
  });
  afterAll(() => temp.remove());
  const run = (args: string[]) => hazardflowInEnglish(args, { cwd: temp.path });
  const history = async () =>
    JSON.parse((await run(['history', caseId, '--db', 'cases.sqlite', '--json'])).stdout) as {
      entries: { command: string; payload?: unknown }[];
      verification: { ok: boolean };
    };

  it('refuses a holidays file with a malformed date, naming the field, and changes nothing', async () => {
    const before = statSync(temp.file('cases.sqlite')).mtimeMs;
    const result = await run([
      'repair-deadlines',
      '--year',
      '2027',
      '--holidays',
      'holidays-bad.json',
      '--db',
      'cases.sqlite',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('holidays-bad.json is not a valid holidays file (1 problem)');
    expect(result.stderr).toMatch(/holidays\[1\]\.to/);
    expect(result.stderr).toContain(`holidays[1].to: "2027-02-31" is not a date on the calendar`);
    expect(statSync(temp.file('cases.sqlite')).mtimeMs).toBe(before);
    expect((await history()).entries.map((e) => e.command)).not.toContain('DEADLINE_REPAIRED');

    const wrongYear = await run([
      'repair-deadlines',
      '--year',
      '2028',
      '--holidays',
      'holidays-2027.json',
      '--db',
      'cases.sqlite',
    ]);
    expect(wrongYear.code).toBe(1);
    expect(wrongYear.stderr).toContain('year: the file is for 2027, but --year says 2028');
    const badYear = await run([
      'repair-deadlines',
      '--year',
      'next',
      '--holidays',
      'holidays-2027.json',
      '--db',
      'cases.sqlite',
    ]);
    expect(badYear.code).toBe(2);
  });

  it('reports in a dry run exactly what it then commits, audited', async () => {
    const args = ['repair-deadlines', '--year', '2027', '--holidays', 'holidays-2027.json', '--db', 'cases.sqlite'];
    const dry = await run([...args, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const planned = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      changes: { caseId: string; from: string; to: string; timers: unknown[] }[];
    };
    expect(planned.dryRun).toBe(true);
    expect(planned.changes).toHaveLength(1);
    expect(planned.changes[0]).toMatchObject({ caseId, step: 'rectify', from: OLD_DUE, to: NEW_DUE });
    // The referral rung is where a major fire hazard starts, not an escalation on the old deadline.
    expect(planned.changes[0]).not.toHaveProperty('escalationKept');
    expect((await history()).entries.map((e) => e.command)).not.toContain('DEADLINE_REPAIRED');

    const table = await run([...args, '--dry-run']);
    expect(table.stdout).toContain(`${caseId}  rectify  ${OLD_DUE} → ${NEW_DUE}`);
    expect(table.stdout).toContain('Nothing was written.');

    const done = await run([...args, '--json']);
    expect(done.code, done.stderr).toBe(0);
    const committed = JSON.parse(done.stdout) as typeof planned;
    expect(committed.dryRun).toBe(false);
    // Same change except for the instant the timers were armed again at (the real clock).
    expect(committed.changes.map((c) => [c.caseId, c.from, c.to])).toEqual(
      planned.changes.map((c) => [c.caseId, c.from, c.to]),
    );
    expect(committed.changes[0]?.timers).toEqual(planned.changes[0]?.timers);
    const trail = await history();
    expect(trail.verification.ok).toBe(true);
    expect(trail.entries.at(-1)).toMatchObject({
      command: 'DEADLINE_REPAIRED',
      payload: { from: OLD_DUE, to: NEW_DUE },
    });

    const again = JSON.parse((await run([...args, '--json'])).stdout) as typeof planned;
    expect(again.changes).toEqual([]);
  });
});
