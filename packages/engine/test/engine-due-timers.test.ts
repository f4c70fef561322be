import { createEngine, createManualClock, createMemoryStore, type HazardStore } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { ev, notice, pack, people, reportInput, testEngine } from './support';

/** Five like cases with a notice each, left alone until every deadline and ladder level is long past. */
async function openCases(store: HazardStore): Promise<string[]> {
  const { engine } = testEngine(store);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!r.ok) throw new Error(r.error.message);
    ids.push(r.case.id);
    await engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    await engine.send(r.case.id, notice, { actor: people.inspector });
  }
  return ids;
}

async function catchUp(batchSize: number) {
  const store = createMemoryStore();
  const ids = await openCases(store);
  const engine = createEngine({ packs: [pack], store, clock: createManualClock('2026-11-30T00:00:00.000Z') });
  // Case ids are random: name each case by its rank among them, which is what the order uses.
  const rank = new Map([...ids].sort().map((id, i) => [id, `case-${i}`]));
  const fired: string[] = [];
  engine.on('timer.fired', (f) => fired.push(`${f.dueAt} ${rank.get(f.caseId)} ${f.timerId}`));
  await engine.runDueTimers({ batchSize });
  const histories = await Promise.all([...ids].sort().map((id) => engine.history(id)));
  return { fired, histories: histories.map((h) => h.map((e) => `${e.at} ${e.command} ${e.toStatus}`)) };
}

describe('runDueTimers', () => {
  it('fires in the same order whatever the batch size, earliest due first, even timers armed on the way', async () => {
    const one = await catchUp(1);
    expect(one.fired.length).toBeGreaterThan(20);
    expect(one.fired).toEqual([...one.fired].sort());
    for (const size of [2, 3, 7, 500]) {
      const other = await catchUp(size);
      const firstDifference = other.fired.findIndex((f, i) => f !== one.fired[i]);
      expect(
        firstDifference,
        `batch size ${size}: ${other.fired[firstDifference]} vs ${one.fired[firstDifference]}`,
      ).toBe(-1);
      expect(other.histories, `batch size ${size}`).toEqual(one.histories);
    }
  });

  it('returns when a case pack is not registered, keeps that lease, and says why', async () => {
    const store = createMemoryStore();
    const [id] = await openCases(store);
    const clock = createManualClock('2026-11-30T00:00:00.000Z');
    const engine = createEngine({ packs: [], store, clock, timerLeaseMs: 60_000 });
    const errors: unknown[] = [];
    engine.on('error', (e) => errors.push(e));
    expect(await engine.runDueTimers()).toBe(0);
    expect(String(errors[0])).toMatch(/pack .* is not registered/);
    // still leased to the first engine: another engine claims nothing until the lease runs out
    expect(await store.claimDueTimers(clock.now().toISOString(), { limit: 10, owner: 'other', leaseMs: 1 })).toEqual(
      [],
    );
    const later = new Date(clock.now().getTime() + 60_000).toISOString();
    const reclaimed = await store.claimDueTimers(later, { limit: 100, owner: 'other', leaseMs: 1 });
    expect(reclaimed.some((t) => t.caseId === id)).toBe(true);
  });

  it('retries a timer that lost a race with another engine instead of leaving it leased', async () => {
    const inner = createMemoryStore();
    const ids = await openCases(inner);
    const clock = createManualClock('2026-09-30T00:00:00.000Z');
    const rival = createEngine({ packs: [pack], store: inner, clock });
    let raced = false;
    // A store that lets the rival commit to the case just before this engine's first timer commit.
    const store: HazardStore = {
      ...inner,
      commit: async (commit) => {
        if (commit.firedTimer && !raced) {
          raced = true;
          const r = await rival.send(
            commit.caseId,
            { type: 'ADD_EVIDENCE', evidence: [ev('site_photo')] },
            { actor: people.inspector },
          );
          if (!r.ok) throw new Error(`rival: ${r.error.message}`);
        }
        return inner.commit(commit);
      },
    };
    const engine = createEngine({ packs: [pack], store, clock });
    const fired = await engine.runDueTimers();
    expect(raced).toBe(true);
    expect(fired).toBeGreaterThan(0);
    // nothing due is left behind, leased or not: the lost race was retried in the same pass
    const now = clock.now().toISOString();
    for (const id of ids) {
      expect((await inner.timersOf(id)).filter((t) => t.dueAt <= now)).toEqual([]);
      expect(await engine.verifyHistory(id)).toMatchObject({ ok: true });
    }
  });
});
