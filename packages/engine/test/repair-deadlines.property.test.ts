import { type Actor, definePolicyPack, type HazardCommand } from '@hazardflow/core';
import { createEngine, createManualClock, createMemoryStore } from '@hazardflow/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { commandTemplates, randomActors } from '../../core/test/support/command-templates';
import { people, reportInput } from './support';

const pack = definePolicyPack(referencePack);

/**
 * The repair counts a deadline again the way the machine counted it (`effectiveDeadline` and
 * the calendar, from `deadlineFrom`). On the calendar the case ran on, that must give back
 * every deadline and timer unchanged, whatever the case went through, late in the year too.
 */
describe('repairDeadlines on the calendar a case already runs on', () => {
  it('changes nothing, for any sequence of commands and timers', async () => {
    const step = fc.record({
      command: fc.nat({ max: commandTemplates.length - 1 }),
      actor: fc.nat({ max: randomActors.length - 1 }),
      hours: fc.integer({ min: 0, max: 120 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('2026-06-01T02:00:00.000Z', '2026-11-20T02:00:00.000Z', '2026-12-24T02:00:00.000Z'),
        fc.boolean(),
        fc.array(step, { maxLength: 12 }),
        async (start, major, steps) => {
          const clock = createManualClock(start);
          const engine = createEngine({ packs: [pack], store: createMemoryStore(), clock });
          const reported = await engine.report(reportInput(), { actor: people.gridWorker });
          if (!reported.ok) throw new Error(reported.error.message);
          // The way most cases go first (graded, notice, acknowledged, a plan for a major one),
          // so deadlines of every step are set; then anything.
          for (const [template, actor] of [
            [major ? 1 : 0, people.inspector],
            [5, people.inspector],
            [6, people.owner],
            [7, people.owner],
            [8, people.inspector],
          ] as const) {
            await engine.send(reported.case.id, (commandTemplates[template] as () => HazardCommand)(), { actor });
          }
          for (const s of steps) {
            clock.set(new Date(clock.now().getTime() + s.hours * 3_600_000));
            await engine.runDueTimers();
            await engine.send(reported.case.id, (commandTemplates[s.command] as () => HazardCommand)(), {
              actor: randomActors[s.actor] as Actor,
            });
          }
          const version = (await engine.get(reported.case.id))?.version;
          const report = await engine.repairDeadlines();
          expect(report.changes).toEqual([]);
          expect((await engine.get(reported.case.id))?.version).toBe(version);
        },
      ),
      { numRuns: 30 },
    );
  });
});
