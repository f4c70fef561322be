import { chinaCalendar } from '@hazardflow/core';
import { createEngine, createManualClock, createMemoryStore } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { notice, pack, people, reportInput } from './support';

/**
 * A strict calendar (`chinaCalendar()` covers 2004–2026 and refuses later years) meets a case
 * whose escalation reaches into 2027. Its timer cannot be computed; the other cases' timers
 * must still fire, and the failing one must be reported and kept for a later try.
 */
describe('a timer that needs a year the calendar has no data for', () => {
  it('is reported as an error event and keeps its lease; the rest of the pass goes on', async () => {
    const store = createMemoryStore();
    const clock = createManualClock('2026-06-01T02:00:00.000Z');
    const engine = createEngine({ packs: [pack], store, clock, calendar: chinaCalendar() });
    const errors: Error[] = [];
    engine.on('error', (error) => errors.push(error as Error));

    async function openCase(): Promise<string> {
      const r = await engine.report(reportInput(), { actor: people.gridWorker });
      if (!r.ok) throw new Error(r.error.message);
      await engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
      const noticed = await engine.send(r.case.id, notice, { actor: people.inspector });
      if (!noticed.ok) throw new Error(noticed.error.message);
      return r.case.id;
    }
    const june = await openCase();
    clock.set('2026-12-21T02:00:00.000Z');
    const december = await openCase();

    clock.set('2026-12-31T12:00:00.000Z');
    await expect(engine.runDueTimers()).resolves.toBeGreaterThan(0);

    expect((await engine.get(june))?.escalationLevel).toBeGreaterThan(0);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toMatch(new RegExp(`^timer .+ of case ${december} \\(due .+\\) could not fire: .*2027`));
    // Still pending, and still leased to this engine: the next pass does not retry it at once.
    const pending = await store.timersOf(december);
    expect(pending.some((t) => `timer ${t.timerId} of case ${december}` === errors[0]?.message.split(' (')[0])).toBe(
      true,
    );
    const errorsBefore = errors.length;
    await engine.runDueTimers();
    expect(errors.length).toBe(errorsBefore);
  });
});
