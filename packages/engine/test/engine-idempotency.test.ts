import { describe, expect, it } from 'vitest';
import { people, reportInput, testEngine } from './support';

describe('commandId', () => {
  it('two reports racing with one commandId file one case; the second gets the first result, replayed', async () => {
    const { engine } = testEngine();
    const [a, b] = await Promise.all([
      engine.report(reportInput(), { actor: people.gridWorker, commandId: 'intake-1' }),
      engine.report(reportInput(), { actor: people.gridWorker, commandId: 'intake-1' }),
    ]);
    expect(a?.ok && b?.ok).toBe(true);
    if (!a?.ok || !b?.ok) return;
    expect(b.case.id).toBe(a.case.id);
    expect([a.replayed, b.replayed].filter(Boolean)).toHaveLength(1);
    expect((await engine.query({})).items).toHaveLength(1);
  });

  it('reused for another command or case is refused, naming the key, and changes nothing', async () => {
    const { engine } = testEngine();
    const first = await engine.report(reportInput(), { actor: people.gridWorker });
    const second = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!first.ok || !second.ok) throw new Error('report failed');
    const triaged = await engine.send(first.case.id, { type: 'TRIAGE' }, { actor: people.inspector, commandId: 'k3' });
    expect(triaged.ok).toBe(true);

    const before = await engine.get(second.case.id);
    const reused = await engine.send(
      second.case.id,
      { type: 'COMMENT', text: 'called the owner' },
      { actor: people.inspector, commandId: 'k3' },
    );
    expect(reused).toMatchObject({
      ok: false,
      error: {
        code: 'IDEMPOTENCY_MISMATCH',
        issues: [{ path: 'commandId', code: 'idempotency_mismatch' }],
        details: {
          commandId: 'k3',
          command: 'COMMENT',
          caseId: second.case.id,
          original: { command: 'TRIAGE', caseId: first.case.id },
        },
      },
    });
    expect(reused.ok ? '' : reused.error.message).toBe(
      `commandId "k3" was already used for TRIAGE on case ${first.case.id}; this is COMMENT on case ${second.case.id}, so nothing was applied. Use a new commandId for a new request`,
    );
    expect(await engine.get(second.case.id)).toEqual(before);
    expect(await engine.history(second.case.id)).toHaveLength(1);

    // The same command on the same case is a retry: answered again, not refused.
    const retried = await engine.send(first.case.id, { type: 'TRIAGE' }, { actor: people.inspector, commandId: 'k3' });
    expect(retried).toMatchObject({ ok: true, replayed: true });
  });

  it('one commandId sent at once to two cases: one is applied, the other refused', async () => {
    const { engine } = testEngine();
    const first = await engine.report(reportInput(), { actor: people.gridWorker });
    const second = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!first.ok || !second.ok) throw new Error('report failed');
    const results = await Promise.all(
      [first, second].map((r) =>
        engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector, commandId: 'k9' }),
      ),
    );
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
    const statuses = await Promise.all([first, second].map(async (r) => (await engine.get(r.case.id))?.status));
    expect(statuses.sort()).toEqual(['reported', 'triaged']);
  });

  it('a retry of the same request is replayed: the first result, no new audit entry, no new version', async () => {
    const { engine } = testEngine();
    const filed = await engine.report(reportInput(), { actor: people.gridWorker, commandId: 'intake-2' });
    if (!filed.ok) throw new Error('report failed');
    const id = filed.case.id;
    // Ids are normalised like any other: a trailing space is the same key and the same actor.
    const again = await engine.report(reportInput(), {
      actor: { ...people.gridWorker, id: `${people.gridWorker.id} ` },
      commandId: 'intake-2 ',
    });
    expect(again).toEqual({ ...filed, replayed: true });

    const comment = { type: 'COMMENT', text: 'called the owner' } as const;
    const first = await engine.send(id, comment, { actor: people.inspector, commandId: 'c-7' });
    const history = await engine.history(id);
    const view = await engine.get(id);
    const retried = await engine.send(
      id,
      { text: 'called the owner', type: 'COMMENT' },
      { actor: people.inspector, commandId: 'c-7' },
    );
    expect(retried).toEqual({ ...first, replayed: true });
    expect(await engine.history(id)).toEqual(history);
    expect(await engine.get(id)).toEqual(view);
    expect((await engine.query({})).items).toHaveLength(1);
  });

  it('reused with another payload or by another actor is IDEMPOTENCY_MISMATCH, and nothing changes', async () => {
    const { engine } = testEngine();
    const filed = await engine.report(reportInput(), { actor: people.gridWorker, commandId: 'intake-3' });
    if (!filed.ok) throw new Error('report failed');
    const id = filed.case.id;
    const first = await engine.send(
      id,
      { type: 'COMMENT', text: 'fail' },
      { actor: people.inspector, commandId: 'c-8' },
    );
    expect(first.ok).toBe(true);
    const history = await engine.history(id);
    const view = await engine.get(id);

    const payload = await engine.send(
      id,
      { type: 'COMMENT', text: 'pass' },
      { actor: people.inspector, commandId: 'c-8' },
    );
    const actor = await engine.send(
      id,
      { type: 'COMMENT', text: 'fail' },
      { actor: people.secondInspector, commandId: 'c-8' },
    );
    for (const refused of [payload, actor]) {
      expect(refused).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'IDEMPOTENCY_MISMATCH',
          issues: [expect.objectContaining({ path: 'commandId', code: 'idempotency_mismatch' })],
          details: { commandId: 'c-8', command: 'COMMENT', caseId: id, original: { command: 'COMMENT', caseId: id } },
        }),
      });
      expect(refused.ok ? '' : refused.error.message).toContain('another payload or actor');
    }
    // expectedVersion guards the command, it is not part of the request: a retry sends the same one.
    const stale = await engine.send(
      id,
      { type: 'COMMENT', text: 'fail' },
      { actor: people.inspector, commandId: 'c-8', expectedVersion: 1 },
    );
    expect(stale).toEqual({ ...first, replayed: true });

    const report = await engine.report(reportInput({ territory: 'street-b' }), {
      actor: people.gridWorker,
      commandId: 'intake-3',
    });
    expect(report).toMatchObject({
      ok: false,
      error: { code: 'IDEMPOTENCY_MISMATCH', details: { commandId: 'intake-3', command: 'REPORT' } },
    });

    expect(await engine.history(id)).toEqual(history);
    expect(await engine.get(id)).toEqual(view);
    expect((await engine.query({})).items).toHaveLength(1);
  });

  it('a retry rebuilt from the audit trail (the command as the engine read it) is the same request', async () => {
    const { engine } = testEngine();
    const filed = await engine.report(reportInput(), { actor: people.gridWorker, commandId: 'intake-6' });
    if (!filed.ok) throw new Error('report failed');
    const id = filed.case.id;
    const triaged = await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector, commandId: 'c-11' });
    const [reportEntry, triageEntry] = await engine.history(id);
    if (!reportEntry || !triageEntry) throw new Error('no history');
    const again = await engine.report(reportEntry.payload as never, {
      actor: reportEntry.actor,
      commandId: 'intake-6',
    });
    expect(again).toEqual({ ...filed, replayed: true });
    const command = { type: triageEntry.command, ...(triageEntry.payload as object) } as never;
    expect(await engine.send(id, command, { actor: triageEntry.actor, commandId: 'c-11' })).toEqual({
      ...triaged,
      replayed: true,
    });
  });

  it('a key refused as a mismatch is still the first request’s: its retry is replayed', async () => {
    const { engine } = testEngine();
    const filed = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!filed.ok) throw new Error('report failed');
    const first = await engine.send(
      filed.case.id,
      { type: 'COMMENT', text: 'a' },
      { actor: people.inspector, commandId: 'c-9' },
    );
    const other = await engine.send(
      filed.case.id,
      { type: 'COMMENT', text: 'b' },
      { actor: people.inspector, commandId: 'c-9' },
    );
    expect(other).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_MISMATCH' } });
    const retried = await engine.send(
      filed.case.id,
      { type: 'COMMENT', text: 'a' },
      { actor: people.inspector, commandId: 'c-9' },
    );
    expect(retried).toEqual({ ...first, replayed: true });
  });

  it('refuses a commandId that is not a bounded id as VALIDATION_FAILED naming commandId, before any replay', async () => {
    const { engine } = testEngine();
    const filed = await engine.report(reportInput(), { actor: people.gridWorker, commandId: 'intake-4' });
    if (!filed.ok) throw new Error('report failed');
    const id = filed.case.id;
    const history = await engine.history(id);
    const bad: unknown[] = [null, {}, [], 42, true, '', '   ', 'k'.repeat(129), 'k\u0000', 'k\n1', 'k\u200b'];
    for (const commandId of bad) {
      const options = { actor: people.inspector, commandId: commandId as string };
      for (const result of [
        await engine.send(id, { type: 'COMMENT', text: 'x' }, options),
        await engine.report(reportInput(), { ...options, actor: people.gridWorker }),
      ]) {
        expect(result, JSON.stringify(commandId)).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION_FAILED', details: { subject: 'commandId' } },
        });
        if (!result.ok) expect(result.error.issues.every((i) => i.path === 'commandId')).toBe(true);
      }
    }
    // A bounded id of the longest length is a key.
    const longest = await engine.send(
      id,
      { type: 'COMMENT', text: 'x' },
      { actor: people.inspector, commandId: 'k'.repeat(128) },
    );
    expect(longest.ok).toBe(true);
    expect(await engine.history(id)).toHaveLength(history.length + 1);
    expect((await engine.query({})).items).toHaveLength(1);
  });

  it('checks the actor before answering a replay: an invalid actor never sees the case', async () => {
    const { engine } = testEngine();
    const filed = await engine.report(reportInput(), { actor: people.gridWorker, commandId: 'intake-5' });
    if (!filed.ok) throw new Error('report failed');
    await engine.send(filed.case.id, { type: 'COMMENT', text: 'a' }, { actor: people.inspector, commandId: 'c-10' });
    const nobody = { id: '', role: 'boss' } as never;
    for (const result of [
      await engine.send(filed.case.id, { type: 'COMMENT', text: 'a' }, { actor: nobody, commandId: 'c-10' }),
      await engine.report(reportInput(), { actor: nobody, commandId: 'intake-5' }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { subject: 'actor' } } });
      expect(result).not.toHaveProperty('case');
    }
  });
});
