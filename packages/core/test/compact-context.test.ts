import { compactContext, definePolicyPack } from '@hazardflow/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';
import { commandTemplates, randomActors } from './support/command-templates';

const pack = definePolicyPack(referencePack);

describe('compactContext', () => {
  it('keeps every field and value of the contexts a case goes through', () => {
    const step = fc.record({
      command: fc.nat({ max: commandTemplates.length - 1 }),
      actor: fc.nat({ max: randomActors.length - 1 }),
      hours: fc.integer({ min: 0, max: 48 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const c = new CaseHarness(pack, referenceReport('exits_blocked', '2026-01-05T02:00:00.000Z'));
        for (const s of steps) {
          c.advanceTo(new Date(c.now + s.hours * 3_600_000));
          c.send((commandTemplates[s.command] as () => { type: string })(), randomActors[s.actor] as never);
          const compact = compactContext(c.context);
          expect(Object.keys(compact).sort()).toEqual(Object.keys(c.context).sort());
          expect(compact).toEqual(c.context);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('shares one frozen empty value for empty lists and records', () => {
    const c = new CaseHarness(pack, referenceReport());
    const a = compactContext(c.context);
    const b = compactContext({ ...c.context, findings: {}, last: {} });
    expect(a.interimControls).toBe(b.interimControls);
    expect(Object.isFrozen(a.interimControls)).toBe(true);
    expect(b.findings).toBe(b.last);
  });
});
