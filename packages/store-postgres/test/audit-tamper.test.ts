import { generateKeyPairSync } from 'node:crypto';
import { createEngine, createManualClock, type Engine } from '@hazardflow/engine';
import { createPostgresStore } from '@hazardflow/store-postgres';
import { afterAll, expect, it } from 'vitest';
import { notice, pack, people, reportInput } from '../../engine/test/support';
import { adminPool, describeWithServer, dropSchemas, freshSchema } from './support/database';

const KEY = 'application-held-secret';

/**
 * Each tampering of issue 28 done with raw SQL on the tables, as someone with write access to
 * the database would, then found by `verifyHistory` and `verifyStore`.
 */
describeWithServer('tampering with PostgreSQL tables is found', (url) => {
  const schemas: string[] = [];
  afterAll(() => dropSchemas(url, schemas));

  function open(schema: string, audit: { key?: string; signingKey?: string } = {}) {
    const store = createPostgresStore({ connectionString: url, schema, poolSize: 2 });
    const engine: Engine = createEngine({
      packs: [pack],
      store,
      clock: createManualClock('2026-09-07T02:00:00.000Z'),
      audit,
    });
    return { engine, close: () => store.close() };
  }

  /** Two open cases and a checkpoint in a fresh schema. */
  async function written(audit: { key?: string; signingKey?: string } = {}) {
    const schema = freshSchema('hft_tamper');
    schemas.push(schema);
    const { engine, close } = open(schema, audit);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await engine.report(reportInput(), { actor: people.gridWorker });
      if (!r.ok) throw new Error(r.error.message);
      await engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
      await engine.send(r.case.id, notice, { actor: people.inspector });
      ids.push(r.case.id);
    }
    await engine.checkpoint();
    await close();
    return { schema, s: `"${schema}"`, a: ids[0] as string, b: ids[1] as string };
  }

  async function sql(statements: [string, unknown[]][]): Promise<void> {
    const pool = adminPool(url);
    try {
      for (const [text, values] of statements) await pool.query(text, values);
    } finally {
      await pool.end();
    }
  }

  it('an untouched schema verifies case by case and store-wide', async () => {
    const { schema, a } = await written();
    const { engine, close } = open(schema);
    expect(await engine.verifyHistory(a)).toEqual({ ok: true, length: 3 });
    expect(await engine.verifyStore()).toMatchObject({ ok: true, cases: 2, checkpoints: 1, problems: [] });
    await close();
  });

  it('another case’s whole trail copied over this case’s', async () => {
    const { schema, s, a, b } = await written();
    await sql([
      [`DELETE FROM ${s}.audit WHERE case_id = $1`, [a]],
      [
        `INSERT INTO ${s}.audit (case_id, seq, at, command, entry) SELECT $1, seq, at, command, entry FROM ${s}.audit WHERE case_id = $2`,
        [a, b],
      ],
    ]);
    const { engine, close } = open(schema);
    expect(await engine.verifyHistory(a)).toMatchObject({ ok: false, reason: 'case_mismatch' });
    await close();
  });

  it('the last entry deleted and the case version decremented', async () => {
    const { schema, s, a } = await written();
    await sql([
      [`DELETE FROM ${s}.audit WHERE case_id = $1 AND seq = 3`, [a]],
      [`UPDATE ${s}.cases SET version = 2, view = jsonb_set(view::jsonb, '{version}', '2')::json WHERE id = $1`, [a]],
    ]);
    const { engine, close } = open(schema);
    expect(await engine.verifyHistory(a)).toMatchObject({ ok: false, reason: 'head_mismatch' });
    await close();
  });

  it('cases.view edited alone', async () => {
    const { schema, s, a } = await written();
    await sql([
      [
        `UPDATE ${s}.cases SET status = 'closed', view = jsonb_set(view::jsonb, '{status}', '"closed"')::json WHERE id = $1`,
        [a],
      ],
    ]);
    const { engine, close } = open(schema);
    expect(await engine.verifyHistory(a)).toMatchObject({ ok: false, reason: 'state_mismatch' });
    await close();
  });

  it('cases.snapshot edited alone', async () => {
    const { schema, s, a } = await written();
    await sql([
      [
        `UPDATE ${s}.cases SET snapshot = jsonb_set(snapshot::jsonb, '{value,lifecycle}', '"closed"')::json WHERE id = $1`,
        [a],
      ],
    ]);
    const { engine, close } = open(schema);
    expect(await engine.verifyHistory(a)).toMatchObject({ ok: false, reason: 'state_mismatch' });
    await close();
  });

  it('a case and its whole trail deleted together', async () => {
    const { schema, s, b } = await written();
    await sql([
      [`DELETE FROM ${s}.timers WHERE case_id = $1`, [b]],
      [`DELETE FROM ${s}.audit WHERE case_id = $1`, [b]],
      [`DELETE FROM ${s}.cases WHERE id = $1`, [b]],
    ]);
    const { engine, close } = open(schema);
    const result = await engine.verifyStore();
    expect(result).toMatchObject({ ok: false, cases: 1 });
    expect(result.problems).toContainEqual(expect.objectContaining({ caseId: b, reason: 'case_deleted' }));
    await close();
  });

  it('an open case’s timer rows deleted', async () => {
    const { schema, s, a } = await written();
    await sql([[`DELETE FROM ${s}.timers WHERE case_id = $1`, [a]]]);
    const { engine, close } = open(schema);
    const result = await engine.verifyStore();
    expect(result.problems).toContainEqual(expect.objectContaining({ caseId: a, reason: 'timer_missing' }));
    await close();
  });

  it('with an HMAC key: an entry re-hashed without the key', async () => {
    const { schema, s, a } = await written({ key: KEY });
    const { appendAuditEntry } = await import('@hazardflow/engine');
    const pool = adminPool(url);
    try {
      const { rows } = await pool.query(`SELECT entry FROM ${s}.audit WHERE case_id = $1 ORDER BY seq`, [a]);
      let previous: { seq: number; hash: string } | undefined;
      for (const row of rows) {
        const { seq: _s, prevHash: _p, hash: _h, ...draft } = row.entry;
        if (draft.command === 'TRIAGE') draft.actor = { ...draft.actor, id: 'someone-else' };
        const entry = appendAuditEntry(previous, draft);
        await pool.query(`UPDATE ${s}.audit SET entry = $1 WHERE case_id = $2 AND seq = $3`, [
          JSON.stringify(entry),
          a,
          entry.seq,
        ]);
        previous = entry;
      }
      await pool.query(
        `UPDATE ${s}.cases SET snapshot = jsonb_set(snapshot::jsonb, '{audit,hash}', to_jsonb($1::text))::json WHERE id = $2`,
        [previous?.hash, a],
      );
    } finally {
      await pool.end();
    }
    const plain = open(schema);
    expect(await plain.engine.verifyHistory(a)).toEqual({ ok: true, length: 3 });
    await plain.close();
    const keyed = open(schema, { key: KEY });
    expect(await keyed.engine.verifyHistory(a)).toMatchObject({ ok: false, brokenAt: 1, reason: 'hash_mismatch' });
    await keyed.close();
  });

  it('signed checkpoints: an edited checkpoint fails the auditor’s public key', async () => {
    const keys = generateKeyPairSync('ed25519');
    const pem = keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const { schema, s } = await written({ signingKey: pem });
    const before = open(schema);
    expect(await before.engine.verifyCheckpoints(keys.publicKey)).toEqual({ ok: true, checkpoints: 1 });
    await before.close();
    await sql([
      [`UPDATE ${s}.checkpoints SET checkpoint = jsonb_set(checkpoint::jsonb, '{caseCount}', '1')::json`, []],
    ]);
    const after = open(schema);
    expect(await after.engine.verifyCheckpoints(keys.publicKey)).toMatchObject({ ok: false, reason: 'bad_signature' });
    await after.close();
  });
});
