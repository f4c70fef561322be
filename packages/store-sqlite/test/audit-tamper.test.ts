import { generateKeyPairSync } from 'node:crypto';
import { createEngine, createManualClock, type Engine } from '@hazardflow/engine';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { notice, pack, people, reportInput } from '../../engine/test/support';
import { tempDirectory } from './support/temp-directory';

const KEY = 'application-held-secret';

/**
 * Each tampering of issue 28 done with raw SQL on a database file, as someone with write
 * access to the file would, then found by `verifyHistory` and `verifyStore`.
 */
describe('tampering with a SQLite database file is found', () => {
  const temp = tempDirectory();
  afterEach(() => temp.clean());

  /** Two open cases with a checkpoint, written and closed; returns the file and case ids. */
  async function written(audit: { key?: string; signingKey?: string } = {}) {
    const filename = temp.file('cases.db');
    const store = createSqliteStore({ filename });
    const engine = createEngine({ packs: [pack], store, clock: createManualClock('2026-09-07T02:00:00.000Z'), audit });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await engine.report(reportInput(), { actor: people.gridWorker });
      if (!r.ok) throw new Error(r.error.message);
      await engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
      await engine.send(r.case.id, notice, { actor: people.inspector });
      ids.push(r.case.id);
    }
    await engine.checkpoint();
    await store.close();
    return { filename, a: ids[0] as string, b: ids[1] as string };
  }

  async function reopened(filename: string, audit: { key?: string } = {}) {
    const store = createSqliteStore({ filename });
    const engine: Engine = createEngine({ packs: [pack], store, audit });
    return { engine, close: () => store.close() };
  }

  function sql(filename: string, edit: (db: Database.Database) => void): void {
    const db = new Database(filename);
    try {
      edit(db);
    } finally {
      db.close();
    }
  }

  it('an untouched file verifies case by case and store-wide', async () => {
    const { filename, a } = await written();
    const { engine, close } = await reopened(filename);
    expect(await engine.verifyHistory(a)).toEqual({ ok: true, length: 3 });
    expect(await engine.verifyStore()).toMatchObject({ ok: true, cases: 2, checkpoints: 1, problems: [] });
    await close();
  });

  it('an outbox row deleted, so its notification is never delivered', async () => {
    const { filename, a } = await written();
    let deleted = '';
    sql(filename, (db) => {
      deleted = db.prepare('SELECT id FROM outbox WHERE case_id = ? ORDER BY rowid LIMIT 1').pluck().get(a) as string;
      db.prepare('DELETE FROM outbox WHERE id = ?').run(deleted);
    });
    expect(deleted).not.toBe('');
    const { engine, close } = await reopened(filename);
    const verification = await engine.verifyStore();
    expect(verification.ok).toBe(false);
    expect(verification.problems).toEqual([
      expect.objectContaining({ caseId: a, reason: 'notification_missing', message: expect.stringContaining(deleted) }),
    ]);
    await close();
  });

  it('another case’s whole trail copied over this case’s', async () => {
    const { filename, a, b } = await written();
    sql(filename, (db) => {
      db.prepare('DELETE FROM audit WHERE case_id = ?').run(a);
      db.prepare(
        'INSERT INTO audit (case_id, seq, at, command, entry) SELECT ?, seq, at, command, entry FROM audit WHERE case_id = ?',
      ).run(a, b);
    });
    const { engine, close } = await reopened(filename);
    expect(await engine.verifyHistory(a)).toMatchObject({ ok: false, reason: 'case_mismatch' });
    expect((await engine.verifyStore()).ok).toBe(false);
    await close();
  });

  it('the last entry deleted and the case version decremented', async () => {
    const { filename, a } = await written();
    sql(filename, (db) => {
      db.prepare('DELETE FROM audit WHERE case_id = ? AND seq = 3').run(a);
      db.prepare("UPDATE cases SET version = 2, view = json_set(view, '$.version', 2) WHERE id = ?").run(a);
    });
    const { engine, close } = await reopened(filename);
    expect(await engine.verifyHistory(a)).toMatchObject({ ok: false, reason: 'head_mismatch' });
    await close();
  });

  it('cases.view edited alone', async () => {
    const { filename, a } = await written();
    sql(filename, (db) => {
      db.prepare("UPDATE cases SET status = 'closed', view = json_set(view, '$.status', 'closed') WHERE id = ?").run(a);
    });
    const { engine, close } = await reopened(filename);
    expect(await engine.verifyHistory(a)).toMatchObject({ ok: false, reason: 'state_mismatch' });
    await close();
  });

  it('cases.snapshot edited alone', async () => {
    const { filename, a } = await written();
    sql(filename, (db) => {
      db.prepare("UPDATE cases SET snapshot = json_set(snapshot, '$.value.lifecycle', 'closed') WHERE id = ?").run(a);
    });
    const { engine, close } = await reopened(filename);
    expect(await engine.verifyHistory(a)).toMatchObject({ ok: false, reason: 'state_mismatch' });
    await close();
  });

  it('a case and its whole trail deleted together', async () => {
    const { filename, b } = await written();
    sql(filename, (db) => {
      db.prepare('DELETE FROM timers WHERE case_id = ?').run(b);
      db.prepare('DELETE FROM audit WHERE case_id = ?').run(b);
      db.prepare('DELETE FROM cases WHERE id = ?').run(b);
    });
    const { engine, close } = await reopened(filename);
    const result = await engine.verifyStore();
    expect(result).toMatchObject({ ok: false, cases: 1 });
    expect(result.problems).toContainEqual(expect.objectContaining({ caseId: b, reason: 'case_deleted' }));
    await close();
  });

  it('an open case’s timer rows deleted', async () => {
    const { filename, a } = await written();
    sql(filename, (db) => {
      expect(db.prepare('DELETE FROM timers WHERE case_id = ?').run(a).changes).toBeGreaterThan(0);
    });
    const { engine, close } = await reopened(filename);
    const result = await engine.verifyStore();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ caseId: a, reason: 'timer_missing' }));
    await close();
  });

  it('with an HMAC key: an entry edited and its hashes recomputed without the key', async () => {
    const { filename, a } = await written({ key: KEY });
    const { engine: keyed, close } = await reopened(filename, { key: KEY });
    expect(await keyed.verifyHistory(a)).toEqual({ ok: true, length: 3 });
    await close();
    // Re-hash the whole trail and the snapshot head with plain SHA-256, as a forger without the key would.
    const { appendAuditEntry } = await import('@hazardflow/engine');
    sql(filename, (db) => {
      const rows = db.prepare('SELECT entry FROM audit WHERE case_id = ? ORDER BY seq').pluck().all(a) as string[];
      let previous: { seq: number; hash: string } | undefined;
      for (const text of rows) {
        const { seq: _s, prevHash: _p, hash: _h, ...draft } = JSON.parse(text);
        if (draft.command === 'TRIAGE') draft.actor = { ...draft.actor, id: 'someone-else' };
        const entry = appendAuditEntry(previous, draft);
        db.prepare('UPDATE audit SET entry = ? WHERE case_id = ? AND seq = ?').run(JSON.stringify(entry), a, entry.seq);
        previous = entry;
      }
      db.prepare("UPDATE cases SET snapshot = json_set(snapshot, '$.audit.hash', ?) WHERE id = ?").run(
        previous?.hash,
        a,
      );
    });
    const plain = await reopened(filename);
    expect(await plain.engine.verifyHistory(a)).toEqual({ ok: true, length: 3 }); // what plain SHA-256 cannot see
    await plain.close();
    const again = await reopened(filename, { key: KEY });
    expect(await again.engine.verifyHistory(a)).toMatchObject({ ok: false, brokenAt: 1, reason: 'hash_mismatch' });
    await again.close();
  });

  it('signed checkpoints: an auditor with the public key finds a re-sealed checkpoint', async () => {
    const keys = generateKeyPairSync('ed25519');
    const pem = keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const { filename } = await written({ signingKey: pem });
    const { engine, close } = await reopened(filename);
    expect(await engine.verifyCheckpoints(keys.publicKey)).toEqual({ ok: true, checkpoints: 1 });
    await close();
    sql(filename, (db) => {
      db.prepare(
        "UPDATE checkpoints SET checkpoint = json_set(checkpoint, '$.caseCount', 1, '$.heads', json_array())",
      ).run();
    });
    const after = await reopened(filename);
    expect(await after.engine.verifyCheckpoints(keys.publicKey)).toMatchObject({ ok: false, reason: 'bad_signature' });
    await after.close();
  });
});
