import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { type Actor, definePolicyPack } from '@hazardflow/core';
import { createEngine } from '@hazardflow/engine';
import { firePack, firePackV1_1 } from '@hazardflow/policy-fire';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { FIXTURES, hazardflowInEnglish } from './support/run-hazardflow';
import { tempDirectory } from './support/temp-directory';

const grid: Actor = { id: 'grid-1', role: 'territory', org: 'street-east' };
const inspector: Actor = { id: 'inspector-1', role: 'regulator', org: 'fire-rescue' };

/** A database of `count` open fire@1.0.0 cases (every other one triaged), and fire-1.0.0.json beside it. */
async function workspace(temp: ReturnType<typeof tempDirectory>, count: number): Promise<string[]> {
  const fire100 = definePolicyPack({ ...firePack, version: '1.0.0' });
  writeFileSync(temp.file('fire-1.0.0.json'), JSON.stringify(fire100));
  const store = createSqliteStore({ filename: temp.file('cases.sqlite'), durability: 'normal' });
  const engine = createEngine({ packs: [fire100], store });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const reported = await engine.report(
      {
        packId: 'fire',
        category: i % 2 === 0 ? 'ebike-corridor' : 'hot-work',
        site: {
          id: `site-${i}`,
          name: `Site ${i}`,
          placeType: 'shop-market',
          territory: 'street-east',
          attributes: {},
        },
        responsible: { id: 'party-1' },
        description: `case ${i}`,
        findings: {},
        evidence: [{ kind: 'photo', uri: 'oss://p.jpg', by: 'grid-1', at: '2026-09-01T00:00:00.000Z' }],
      },
      { actor: grid },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    if (i % 2 === 1) await engine.send(reported.case.id, { type: 'TRIAGE' }, { actor: inspector });
    ids.push(reported.case.id);
  }
  await store.close();
  return ids;
}

async function migratedCounts(filename: string, ids: readonly string[]) {
  const store = createSqliteStore({ filename });
  const engine = createEngine({ packs: [firePack], store });
  const counts: number[] = [];
  for (const id of ids) {
    const history = await engine.history(id);
    counts.push(history.filter((e) => e.command === 'MIGRATED').length);
    expect(await engine.verifyHistory(id)).toMatchObject({ ok: true });
  }
  const versions = new Set((await store.query({ ids: [...ids] }, { limit: 1000 })).items.map((v) => v.packVersion));
  await store.close();
  return { counts, versions };
}

describe('hazardflow migrate', () => {
  let temp: ReturnType<typeof tempDirectory>;
  beforeEach(() => {
    temp = tempDirectory();
  });
  afterEach(() => temp.remove());
  // the shipped fire pack, whatever its version (the CLI knows the current shipped versions and those they replaced)
  const shipped = firePack.version;
  const args = ['migrate', '--from', 'fire@1.0.0', '--to', `fire@${shipped}`, '--db', 'cases.sqlite'];
  const withFile = [...args, '--pack-file', 'fire-1.0.0.json'];

  it('prints the plan as a table and as JSON, asks before migrating, then migrates once', async () => {
    const ids = await workspace(temp, 4);
    const run = (extra: string[]) => hazardflowInEnglish([...withFile, ...extra], { cwd: temp.path });

    const table = await run(['--dry-run']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(`Migration plan fire@1.0.0 → ${shipped}`);
    expect(table.stdout).toContain('4 cases move, 0 blocked');
    for (const id of ids) expect(table.stdout).toContain(id);

    const json = await run(['--dry-run', '--json']);
    const plan = JSON.parse(json.stdout) as { moves: { caseId: string }[]; to: string };
    expect(plan.moves.map((m) => m.caseId).sort()).toEqual([...ids].sort());

    const unconfirmed = await run([]);
    expect(unconfirmed.code).toBe(1);
    expect(unconfirmed.stderr).toContain('pass --yes');
    expect((await migratedCounts(temp.file('cases.sqlite'), ids)).versions).toEqual(new Set(['1.0.0']));

    const done = await run(['--yes']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('4 migrated, 0 skipped, 0 blocked');
    const after = await migratedCounts(temp.file('cases.sqlite'), ids);
    expect(after).toEqual({ counts: [1, 1, 1, 1], versions: new Set([shipped]) });
  });

  it('moves cases of a replaced shipped version (fire@1.1.0) with no pack file: the CLI knows it', async () => {
    const store = createSqliteStore({ filename: temp.file('cases.sqlite'), durability: 'normal' });
    const engine = createEngine({ packs: [firePackV1_1], store });
    const reported = await engine.report(
      {
        packId: 'fire',
        category: 'ebike-corridor',
        site: { id: 'site-1', name: 'Site 1', placeType: 'shop-market', territory: 'street-east', attributes: {} },
        responsible: { id: 'party-1' },
        description: 'reported before the upgrade',
        findings: {},
        evidence: [{ kind: 'photo', uri: 'oss://p.jpg', by: 'grid-1', at: '2026-09-01T00:00:00.000Z' }],
      },
      { actor: grid },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    await store.close();
    const done = await hazardflowInEnglish(
      ['migrate', '--from', 'fire@1.1.0', '--to', `fire@${shipped}`, '--db', 'cases.sqlite', '--yes'],
      { cwd: temp.path },
    );
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toContain('1 migrated, 0 skipped, 0 blocked');
    expect(await migratedCounts(temp.file('cases.sqlite'), [reported.case.id])).toEqual({
      counts: [1],
      versions: new Set([shipped]),
    });
  });

  it('refuses an unknown version and a backward migration, naming the option', async () => {
    await workspace(temp, 1);
    const unknown = await hazardflowInEnglish(args, { cwd: temp.path });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('from: fire@1.0.0 is not registered');
    const backward = await hazardflowInEnglish(
      [
        'migrate',
        '--from',
        `fire@${shipped}`,
        '--to',
        'fire@1.0.0',
        '--db',
        'cases.sqlite',
        '--pack-file',
        'fire-1.0.0.json',
      ],
      { cwd: temp.path },
    );
    expect(backward.code).toBe(1);
    expect(backward.stderr).toContain(`to: 1.0.0 is not newer than ${shipped}`);
  });

  it('killed with SIGKILL mid-run, a re-run migrates the rest: every case once, every chain intact', async () => {
    const ids = await workspace(temp, 300);
    // Runs the binary and kills it once it has reported `killAfter` cases migrated.
    const killed = await new Promise<number>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--conditions=@hazardflow/source', inject('hazardflowBin'), ...withFile, '--yes'],
        {
          cwd: temp.path,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' },
        },
      );
      let reported = 0;
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        reported += chunk.split('\n').filter((line) => line.startsWith('migrated ')).length;
        if (reported >= 50 && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('error', reject);
      child.on('close', (_code, signal) =>
        signal === 'SIGKILL' ? resolve(reported) : reject(new Error(`exited ${_code}`)),
      );
    });
    expect(killed).toBeGreaterThanOrEqual(50);
    const half = await migratedCounts(temp.file('cases.sqlite'), ids);
    const moved = half.counts.filter((c) => c === 1).length;
    expect(moved).toBeGreaterThanOrEqual(50);
    expect(moved).toBeLessThan(300);
    expect(half.counts.every((c) => c <= 1)).toBe(true);

    const rerun = await hazardflowInEnglish([...withFile, '--yes'], { cwd: temp.path });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`${300 - moved} migrated, 0 skipped`);
    const after = await migratedCounts(temp.file('cases.sqlite'), ids);
    expect(after.counts.every((c) => c === 1)).toBe(true);
    expect(after.versions).toEqual(new Set([shipped]));
  }, 120_000);
});
void FIXTURES;
