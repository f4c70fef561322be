import { describe, expect, it } from 'vitest';
import { notice, people, reportInput, testEngine } from './support';

describe('engine.timers(caseId)', () => {
  it("lists the case's armed timers, earliest due first, as the store holds them", async () => {
    const { engine, store } = testEngine();
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
    await engine.send(id, notice, { actor: people.inspector });
    const timers = await engine.timers(id);
    expect(timers.length).toBeGreaterThan(1);
    const due = timers.map((t) => Date.parse(t.dueAt));
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(new Set(timers.map((t) => t.timerId))).toEqual(new Set((await store.timersOf(id)).map((t) => t.timerId)));
    expect(timers.every((t) => t.caseId === id)).toBe(true);
    expect(await engine.timers('no-such-case')).toEqual([]);
  });
});
