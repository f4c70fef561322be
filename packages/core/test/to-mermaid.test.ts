import { createHazardMachine, definePolicyPack, toMermaid } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';

const pack = definePolicyPack(referencePack);

describe('toMermaid', () => {
  const diagram = toMermaid(pack);

  it('is a stateDiagram-v2 with the four regions side by side', () => {
    expect(diagram.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const region of ['lifecycle', 'escalation', 'extension', 'interimControl']) {
      expect(diagram).toContain(`state "${region}" as hazard_${region}`);
    }
    expect(diagram.match(/^ {4}--$/gm)?.length).toBe(3);
  });

  it('draws the ladder from the pack, one state per level', () => {
    for (let level = 0; level <= pack.escalation.ladder.length; level++) {
      expect(diagram).toContain(`state "level_${level}"`);
    }
    expect(diagram).toContain(
      'hazard_escalation_watching_overdue_level_1 --> hazard_escalation_watching_overdue_level_2 : TIMER.ESCALATE',
    );
  });

  it('labels command transitions with their guard', () => {
    expect(diagram).toContain('hazard_lifecycle_reported --> hazard_lifecycle_triaged : TRIAGE [mayTriage]');
    expect(diagram).toContain('hazard_lifecycle_verifying --> hazard_lifecycle_closed : VERIFY [mayPassVerification]');
  });

  it('accepts a machine as well as a pack, and caches machines per pack', () => {
    expect(createHazardMachine(pack)).toBe(createHazardMachine(pack));
    expect(toMermaid(createHazardMachine(pack) as never)).toBe(diagram);
  });
});
