import { definePolicyPack } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';
import { actors, evidence, referenceReport } from './support/actors';
import { CaseHarness } from './support/case-harness';

const pack = definePolicyPack(referencePack);
const seal = () => ({ type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: [evidence('seal_notice')] });

/** The ways a case ends: each is a final word, and no side command may act on it afterwards. */
const ends: Record<string, (c: CaseHarness) => void> = {
  dismissed: (c) => c.send({ type: 'DISMISS', reason: 'duplicate', duplicateOf: 'case-0' }, actors.inspector),
  transferred: (c) => c.send({ type: 'TRANSFER', to: 'housing-bureau' }, actors.inspector),
  'closed (in its follow-up window)': (c) =>
    c.send({ type: 'FIX_ON_SPOT', evidence: [evidence('after_photo')] }, actors.inspector),
  'closed (archived)': (c) => {
    c.send({ type: 'FIX_ON_SPOT', evidence: [evidence('after_photo')] }, actors.inspector);
    c.advanceDays(120);
  },
};

describe('an ended case takes no interim control', () => {
  for (const [how, end] of Object.entries(ends)) {
    it(`refuses START_INTERIM_CONTROL and LIFT_INTERIM_CONTROL once ${how}`, () => {
      const c = new CaseHarness(pack, referenceReport());
      c.send({ type: 'TRIAGE' }, actors.inspector);
      end(c);
      const status = c.status;
      expect(['dismissed', 'transferred', 'closed']).toContain(status);

      expect(c.send(seal(), actors.inspector)).toMatchObject({
        code: 'NOT_ALLOWED_IN_STATE',
        message: expect.stringContaining(`this one is ${status}`),
      });
      expect(c.send({ type: 'LIFT_INTERIM_CONTROL', measure: 'seal' }, actors.inspector)).toMatchObject({
        code: 'NOT_ALLOWED_IN_STATE',
      });
      expect(c.context.interimControls).toEqual([]);
      expect(c.status).toBe(status);
    });
  }

  it('still takes one on an open, graded case', () => {
    const c = new CaseHarness(pack, referenceReport());
    expect(c.send(seal(), actors.inspector)).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
      message: expect.stringContaining('triage it first'),
    });
    c.send({ type: 'TRIAGE' }, actors.inspector);
    expect(c.send(seal(), actors.inspector)).toBeNull();
    expect(c.context.interimControls).toEqual(['seal']);
  });
});
