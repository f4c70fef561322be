import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, writeFileSync } from 'node:fs';
import { createEngine } from '@hazardflow/engine';
import { firePack } from '@hazardflow/policy-fire';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardflowInEnglish } from './support/run-hazardflow';
import { prepareWorkspace, type Workspace } from './support/workspace';

/** The tampering cases of issue 28 on a database file, through `hazardflow history` and `hazardflow verify`. */
describe('hazardflow history and verify find a rewritten store', () => {
  let w: Workspace;
  const keys = generateKeyPairSync('ed25519');
  beforeAll(async () => {
    w = await prepareWorkspace();
    // A signed checkpoint, as the application's scheduled `engine.checkpoint()` would write it.
    const store = createSqliteStore({ filename: w.file('cases.sqlite') });
    await createEngine({ packs: [firePack], store, audit: { signingKey: keys.privateKey } }).checkpoint();
    await store.close();
    writeFileSync(w.file('audit.pub'), keys.publicKey.export({ format: 'pem', type: 'spki' }));
    writeFileSync(
      w.file('other.pub'),
      generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }),
    );
  });
  afterAll(() => w?.remove());
  const run = (args: string[]) => hazardflowInEnglish(args, { cwd: w.path });

  function edited(name: string, edit: (db: Database.Database) => void): string {
    copyFileSync(w.file('cases.sqlite'), w.file(name));
    const db = new Database(w.file(name));
    try {
      edit(db);
    } finally {
      db.close();
    }
    return name;
  }

  it('an untouched store verifies, checkpoint signatures included, and exits 0', async () => {
    const result = await run(['verify', '--db', 'cases.sqlite', '--public-key', 'audit.pub']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ store verified: 5 cases, 1 checkpoints, all signed\n');
    const other = await run(['verify', '--db', 'cases.sqlite', '--public-key', 'other.pub', '--json']);
    expect(other.code).toBe(1);
    expect(JSON.parse(other.stdout).problems).toEqual([
      expect.objectContaining({ reason: 'checkpoint', message: expect.stringContaining('signature') }),
    ]);
  });

  it('history: another case’s trail copied over, the last entry cut with the version, the view edited alone', async () => {
    const { ebike, gasAlarm, lockedExit } = w.cases;
    const db = edited('history.sqlite', (d) => {
      d.prepare('DELETE FROM audit WHERE case_id = ?').run(gasAlarm);
      d.prepare(
        'INSERT INTO audit (case_id, seq, at, command, entry) SELECT ?, seq, at, command, entry FROM audit WHERE case_id = ?',
      ).run(gasAlarm, ebike);
      d.prepare(
        "UPDATE cases SET version = (SELECT max(seq) FROM audit WHERE case_id = ?), view = json_set(view, '$.version', (SELECT max(seq) FROM audit WHERE case_id = ?)) WHERE id = ?",
      ).run(gasAlarm, gasAlarm, gasAlarm);
      d.prepare('DELETE FROM audit WHERE case_id = ? AND seq = (SELECT max(seq) FROM audit WHERE case_id = ?)').run(
        lockedExit,
        lockedExit,
      );
      d.prepare(
        "UPDATE cases SET version = version - 1, view = json_set(view, '$.version', version - 1) WHERE id = ?",
      ).run(lockedExit);
      d.prepare("UPDATE cases SET view = json_set(view, '$.siteName', 'somewhere else') WHERE id = ?").run(ebike);
    });
    const reasons: Record<string, string> = {};
    for (const id of [gasAlarm, lockedExit, ebike]) {
      const result = await run(['history', id, '--db', db, '--json']);
      expect(result.code, id).toBe(1);
      reasons[id] = JSON.parse(result.stdout).verification.reason;
    }
    expect(reasons).toEqual({ [gasAlarm]: 'case_mismatch', [lockedExit]: 'head_mismatch', [ebike]: 'state_mismatch' });
    const text = await run(['history', ebike, '--db', db]);
    expect(text.stderr).toBe(`✗ the audit trail of ${ebike} in ${db} was tampered with\n`);
  });

  it('verify: a case deleted with its whole trail, and an open case’s timers deleted, exit 1', async () => {
    const { ebike, lockedExit } = w.cases;
    const db = edited('verify.sqlite', (d) => {
      for (const table of ['timers', 'audit']) d.prepare(`DELETE FROM ${table} WHERE case_id = ?`).run(ebike);
      d.prepare('DELETE FROM cases WHERE id = ?').run(ebike);
      expect(d.prepare('DELETE FROM timers WHERE case_id = ?').run(lockedExit).changes).toBeGreaterThan(0);
    });
    const result = await run(['verify', '--db', db, '--json']);
    expect(result.code).toBe(1);
    const body = JSON.parse(result.stdout) as { cases: number; problems: { caseId: string; reason: string }[] };
    expect(body.cases).toBe(4);
    expect(body.problems.map((p) => [p.caseId, p.reason])).toEqual(
      expect.arrayContaining([
        [ebike, 'case_deleted'],
        [lockedExit, 'timer_missing'],
      ]),
    );
    const text = await run(['verify', '--db', db]);
    expect(text.stdout).toContain(`✗ case ${ebike}: case ${ebike} is in checkpoint 1`);
    expect(text.stderr).toBe(`✗ ${db} was tampered with\n`);
  });
});
