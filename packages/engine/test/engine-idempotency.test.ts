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
    expect(reused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(reused.ok ? '' : reused.error.message).toBe(
      `commandId: "k3" was already used for TRIAGE on case ${first.case.id}; this is COMMENT on case ${second.case.id}. Use a new commandId for a different command`,
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
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const statuses = await Promise.all([first, second].map(async (r) => (await engine.get(r.case.id))?.status));
    expect(statuses.sort()).toEqual(['reported', 'triaged']);
  });
});
