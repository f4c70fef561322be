import { createEngine, createManualClock, createMemoryStore, type HazardStore } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { notice, pack, people, reportInput, testEngine } from './support';

const CASES = 12;
const LATER = '2026-11-30T00:00:00.000Z';

/** Like cases reported at one instant, so their timers fall due at the same instants. */
async function openCases(store: HazardStore): Promise<string[]> {
  const { engine } = testEngine(store);
  const ids: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!r.ok) throw new Error(r.error.message);
    ids.push(r.case.id);
    await engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    if (i % 2 === 0) await engine.send(r.case.id, notice, { actor: people.inspector });
  }
  return ids;
}

/** Every case's history and view once `workers` engines have fired everything due at LATER. */
async function outcome(workers: number, batchSize: number) {
  const store = createMemoryStore();
  const ids = await openCases(store);
  const engines = Array.from({ length: workers }, (_, i) =>
    createEngine({ packs: [pack], store, clock: createManualClock(LATER), workerId: `w${i}` }),
  );
  // Side by side: each pass interleaves with the others at every store call.
  for (let fired = -1; fired !== 0; ) {
    const counts = await Promise.all(engines.map((engine) => engine.runDueTimers({ batchSize })));
    fired = counts.reduce((a, b) => a + b, 0);
  }
  const engine = engines[0] as (typeof engines)[number];
  const cases = [];
  for (const id of ids) {
    const view = await engine.get(id);
    const history = (await engine.history(id)).map((e) => `${e.command} ${e.toStatus} ${e.firedTimer?.timerId ?? ''}`);
    cases.push({ status: view?.status, level: view?.escalationLevel, overdue: view?.overdue, history });
  }
  return cases;
}

describe('timers under several workers', () => {
  it('end every case in the same state with one or two pollers, timers due at the same instant included', async () => {
    const alone = await outcome(1, 500);
    expect(alone.some((c) => c.history.length > 5)).toBe(true);
    for (const batchSize of [1, 2, 3, 500]) {
      expect(await outcome(2, batchSize), `2 workers, batch size ${batchSize}`).toEqual(alone);
      expect(await outcome(3, batchSize), `3 workers, batch size ${batchSize}`).toEqual(alone);
    }
  }, 60_000);
});
