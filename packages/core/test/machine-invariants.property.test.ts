import { definePolicyPack } from '@hazardflow/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';
import { commandTemplates, randomActors } from './support/command-templates';

const pack = definePolicyPack(referencePack);
const categories = pack.categories.map((c) => c.id);

const step = fc.record({
  command: fc.nat({ max: commandTemplates.length - 1 }),
  actor: fc.nat({ max: randomActors.length - 1 }),
  // Bounded so every deadline stays inside the years the China calendar covers (to 2026).
  hours: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 24 * 4 })),
});

describe('lifecycle invariants under random commands by random actors', () => {
  it('hold after every step', () => {
    fc.assert(
      fc.property(fc.constantFrom(...categories), fc.array(step, { maxLength: 40 }), (category, steps) => {
        const c = new CaseHarness(pack, referenceReport(category, '2026-01-05T02:00:00.000Z'));
        let level = c.context.escalationLevel;
        for (const s of steps) {
          c.advanceTo(new Date(c.now + s.hours * 3_600_000));
          const template = commandTemplates[s.command];
          const actor = randomActors[s.actor];
          if (!template || !actor) continue;
          const submitter = c.context.rectifiedBy;
          c.send(template(), actor);
          const ctx = c.context;

          // the escalation level never decreases
          expect(ctx.escalationLevel).toBeGreaterThanOrEqual(level);
          level = ctx.escalationLevel;

          if (c.status === 'closed' && ctx.closedHow === 'verified') {
            // closed by someone other than its rectifier
            expect(ctx.verifiedBy).not.toBeNull();
            expect(ctx.verifiedBy).not.toBe(ctx.rectifiedBy ?? submitter);
            if (ctx.severity === 'major') {
              expect(ctx.plan?.approvedAt).toBeDefined();
              expect(ctx.interimControls).toEqual([]);
              expect(ctx.evidence.some((e) => e.step === 'acceptance')).toBe(true);
            }
          }
          if (c.status === 'closed') expect(ctx.closedHow === 'fixed_on_spot' ? ctx.severity : 'n/a').not.toBe('major');
          // no timer survives the end of a case except the follow-up window
          if (['closed', 'dismissed', 'transferred'].includes(c.status)) {
            expect([...c.timers.keys()].filter((id) => id !== 'follow-up.end')).toEqual([]);
          }
          // an open case past triage always watches a deadline (unless its clock is paused)
          if (!['closed', 'dismissed', 'transferred'].includes(c.status)) expect(ctx.deadline).not.toBeNull();
        }
      }),
      { numRuns: 150 },
    );
  });
});
