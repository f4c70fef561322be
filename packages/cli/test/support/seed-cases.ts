import { type Actor, definePolicyPack, type HazardCommand } from '@hazardflow/core';
import { createEngine, createManualClock } from '@hazardflow/engine';
import { firePack } from '@hazardflow/policy-fire';
import { createSqliteStore } from '@hazardflow/store-sqlite';
import gasCateringInput from '../fixtures/packs/gas-catering';

/** The cases a seeded database holds, by what happens to them. */
export interface SeededCases {
  /** fire: e-bikes in a stairwell, escalated to the street office, closed late. */
  ebike: string;
  /** fire: a locked exit, fixed on the spot. */
  lockedExit: string;
  /** gas: a missing gas alarm, closed on time. */
  gasAlarm: string;
  /** gas: LPG in a basement, major, listed supervision, plan overdue. */
  basementLpg: string;
  /** gas: an aged hose nobody triaged. */
  agedHose: string;
}

const people = {
  gridEast: { id: 'grid-worker-7', role: 'territory', org: 'street-east' },
  gridWest: { id: 'grid-worker-12', role: 'territory', org: 'street-west' },
  fireInspector: { id: 'fire-inspector-1', role: 'regulator', org: 'fire-rescue' },
  gasInspector: { id: 'gas-inspector-zhao', role: 'regulator', org: 'urban-management' },
  citizen: { id: 'citizen-96119', role: 'reporter' },
  propertyManager: { id: 'property-manager', role: 'responsible', org: 'greenview-property' },
  noodleOwner: { id: 'noodle-owner', role: 'responsible', org: 'lucky-noodles' },
} satisfies Record<string, Actor>;

/**
 * Writes a small, deterministic district into a new SQLite database through the engine, the
 * way an application would: two packs (fire, and the gas pack of the fixtures), two streets,
 * five cases over three weeks of a manual clock, timers fired as they fall due. Case ids are
 * ULIDs and so differ between runs; everything else is the same every time.
 */
export async function seedCases(filename: string): Promise<SeededCases> {
  const gasPack = definePolicyPack(gasCateringInput);
  const clock = createManualClock('2025-09-22T01:00:00.000Z'); // Monday 09:00 in Shanghai
  const store = createSqliteStore({ filename, durability: 'normal' });
  const engine = createEngine({ packs: [firePack, gasPack], store, clock });

  const evidence = (kind: string, by: Actor) => ({
    kind,
    uri: `oss://district/${kind}-${by.id}.jpg`,
    by: by.id,
    at: clock.now().toISOString(),
  });
  const report = async (input: Record<string, unknown>, actor: Actor) => {
    const result = await engine.report(input as never, { actor });
    if (!result.ok) throw new Error(`report: ${result.error.code} ${result.error.message}`);
    return result.case.id;
  };
  const act = async (id: string, command: { type: string } & Record<string, unknown>, actor: Actor) => {
    const result = await engine.send(id, command as HazardCommand, { actor });
    if (!result.ok) throw new Error(`${command.type} by ${actor.id}: ${result.error.code} ${result.error.message}`);
  };
  const advanceTo = async (to: string) => {
    for (;;) {
      const next = await store.nextTimerDueAt();
      if (next === null || next > to) break;
      if (next > clock.now().toISOString()) clock.set(next);
      await engine.runDueTimers();
    }
    clock.set(to);
  };
  const greenview = (placeType: string, attributes: Record<string, string | number | boolean> = {}) => ({
    id: 'greenview-b3',
    name: 'Greenview Garden, Building 3',
    placeType,
    territory: 'street-east',
    attributes,
  });
  const luckyNoodles = {
    id: 'lucky-noodles',
    name: 'Lucky Noodles',
    placeType: 'restaurant',
    territory: 'street-west',
  };

  try {
    const ebike = await report(
      {
        packId: 'fire',
        category: 'ebike-corridor',
        site: greenview('high-rise-residential', { storeys: 28 }),
        responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
        description: 'Four e-bikes charging on the 12th-floor stair landing',
        findings: { ebikesCharging: 4 },
        evidence: [evidence('photo', people.gridEast)],
      },
      people.gridEast,
    );
    await act(ebike, { type: 'TRIAGE' }, people.fireInspector);
    await act(
      ebike,
      {
        type: 'ISSUE_NOTICE',
        clauses: ['消防法 Art. 28'],
        evidence: [evidence('notice-service-proof', people.fireInspector)],
      },
      people.fireInspector,
    );

    const lockedExit = await report(
      {
        packId: 'fire',
        category: 'exits-blocked',
        site: greenview('shop-market', { crowdedPlace: true }),
        responsible: { id: 'greenview-property' },
        description: 'North exit chained during opening hours (citizen complaint via 96119)',
        evidence: [evidence('photo', people.citizen)],
        discoveredBy: 'complaint',
      },
      people.citizen,
    );

    const gasAlarm = await report(
      {
        packId: 'gas-catering',
        category: 'no-gas-alarm',
        site: luckyNoodles,
        responsible: { id: 'lucky-noodles', name: 'Lucky Noodles' },
        description: 'Gas range in use, no combustible gas alarm in the kitchen',
        evidence: [evidence('photo', people.gasInspector)],
      },
      people.gasInspector,
    );
    await act(gasAlarm, { type: 'TRIAGE' }, people.gasInspector);
    await act(gasAlarm, { type: 'ISSUE_NOTICE', clauses: ['GB 55009-2021 §5.1.6'] }, people.gasInspector);
    await act(gasAlarm, { type: 'ACKNOWLEDGE' }, people.noodleOwner);

    await advanceTo('2025-09-22T06:00:00.000Z');
    await act(lockedExit, { type: 'TRIAGE' }, people.fireInspector);
    await act(
      lockedExit,
      { type: 'FIX_ON_SPOT', evidence: [evidence('after-photo', people.fireInspector)] },
      people.fireInspector,
    );

    await advanceTo('2025-09-24T02:00:00.000Z');
    await act(
      gasAlarm,
      { type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after-photo', people.noodleOwner)] },
      people.noodleOwner,
    );
    const basementLpg = await report(
      {
        packId: 'gas-catering',
        category: 'cylinder-indoors',
        site: {
          id: 'red-lantern-b1',
          name: 'Red Lantern Hot Pot (basement)',
          placeType: 'restaurant',
          territory: 'street-west',
          attributes: { underground: true },
        },
        responsible: { id: 'red-lantern-hotpot', name: 'Red Lantern Hot Pot' },
        description: 'Six 15 kg LPG cylinders in use in the basement kitchen',
        evidence: [evidence('photo', people.gridWest)],
      },
      people.gridWest,
    );
    await act(basementLpg, { type: 'TRIAGE' }, people.gasInspector);
    await act(basementLpg, { type: 'START_INTERIM_CONTROL', measure: 'suspend' }, people.gasInspector);
    await act(basementLpg, { type: 'ISSUE_NOTICE', clauses: ['《城镇燃气管理条例》 Art. 28'] }, people.gasInspector);

    await advanceTo('2025-09-25T03:00:00.000Z');
    await act(
      gasAlarm,
      { type: 'VERIFY', result: 'pass', evidence: [evidence('inspection-record', people.gasInspector)] },
      people.gasInspector,
    );
    const agedHose = await report(
      {
        packId: 'gas-catering',
        category: 'hose-aged',
        site: { ...luckyNoodles, id: 'golden-dumplings', name: 'Golden Dumplings', territory: 'street-east' },
        responsible: { id: 'golden-dumplings' },
        description: 'Rubber gas hose cracked and eight years old',
        evidence: [evidence('photo', people.gridEast)],
      },
      people.gridEast,
    );

    // Nobody acknowledges the e-bike notice; the holiday passes; then it is fixed late.
    await advanceTo('2025-10-09T02:00:00.000Z');
    await act(ebike, { type: 'ACKNOWLEDGE' }, people.propertyManager);
    await act(
      ebike,
      { type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after-photo', people.propertyManager)] },
      people.propertyManager,
    );
    await advanceTo('2025-10-10T02:00:00.000Z');
    await act(
      ebike,
      { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', people.fireInspector)] },
      people.fireInspector,
    );
    await advanceTo('2025-10-13T01:00:00.000Z');
    return { ebike, lockedExit, gasAlarm, basementLpg, agedHose };
  } finally {
    await store.close();
  }
}
