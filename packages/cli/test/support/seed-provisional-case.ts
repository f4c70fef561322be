import type { Actor, EvidenceRef, HazardCommand } from '@hazardflow/core';
import { createEngine, createManualClock } from '@hazardflow/engine';
import { firePack } from '@hazardflow/policy-fire';
import { createSqliteStore } from '@hazardflow/store-sqlite';

const inspector: Actor = { id: 'fire-inspector-1', role: 'regulator', org: 'fire-rescue' };
const owner: Actor = { id: 'property-manager', role: 'responsible', org: 'greenview-property' };

function evidence(kind: string, by = inspector.id): EvidenceRef {
  return { kind, uri: `oss://hazards/${kind}-${by}.jpg`, by, at: '2026-11-01T00:00:00.000Z' };
}

/**
 * Writes one fire case into a new SQLite database on the engine's default calendar (official
 * data to 2026, weekends-only after): a three-in-one workshop, major, whose plan is approved
 * on Thursday 12 November 2026, so its 90-day rectification deadline falls on Wednesday
 * 10 February 2027, inside the 2027 Spring Festival the calendar does not know yet.
 */
export async function seedProvisionalCase(filename: string): Promise<string> {
  const clock = createManualClock('2026-11-09T02:00:00.000Z'); // Monday 10:00 in Shanghai
  const store = createSqliteStore({ filename, durability: 'normal' });
  try {
    const engine = createEngine({ packs: [firePack], store, clock });
    const act = async (id: string, command: { type: string } & Record<string, unknown>, actor: Actor) => {
      const result = await engine.send(id, command as HazardCommand, { actor });
      if (!result.ok) throw new Error(`${command.type}: ${result.error.code} ${result.error.message}`);
    };
    const reported = await engine.report(
      {
        packId: 'fire',
        category: 'three-in-one',
        site: {
          id: 'greenview-b3',
          name: 'Greenview Garden, Building 3',
          placeType: 'mixed-use',
          territory: 'street-east',
          attributes: {},
        },
        responsible: { id: 'greenview-property' },
        description: 'Garment workshop on the ground floor, eight workers sleeping on the mezzanine',
        findings: { hazmatWithLivingQuarters: true },
        evidence: [evidence('photo'), evidence('inspection-record'), evidence('inspection-record', 'fire-inspector-2')],
      },
      { actor: inspector },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await act(id, { type: 'TRIAGE' }, inspector);
    await act(
      id,
      { type: 'ISSUE_NOTICE', clauses: ['消防法 Art. 28'], evidence: [evidence('notice-service-proof')] },
      inspector,
    );
    const plan = {
      responsibility: 'Owner',
      measures: 'Move dormitory out',
      funds: 'CNY 80,000',
      deadline: '90 days',
      emergencyPlan: 'Drill',
    };
    await act(id, { type: 'SUBMIT_PLAN', plan, evidence: [evidence('rectification-plan', owner.id)] }, owner);
    clock.set('2026-11-12T02:00:00.000Z');
    await act(id, { type: 'APPROVE_PLAN' }, inspector);
    return id;
  } finally {
    await store.close();
  }
}
