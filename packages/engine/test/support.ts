import { type Actor, definePolicyPack, type EvidenceRef } from '@hazardflow/core';
import {
  createEngine,
  createManualClock,
  createMemoryStore,
  type HazardStore,
  type ManualClock,
} from '@hazardflow/engine';
import { referencePack } from '../../core/test/fixtures/reference-pack';

export const pack = definePolicyPack(referencePack);

export const people = {
  inspector: { id: 'inspector-1', role: 'regulator', org: 'fire-brigade' },
  secondInspector: { id: 'inspector-2', role: 'regulator', org: 'fire-brigade' },
  otherRegulator: { id: 'housing-1', role: 'regulator', org: 'housing-bureau' },
  owner: { id: 'owner-1', role: 'responsible', org: 'party-1' },
  gridWorker: { id: 'grid-1', role: 'territory', org: 'street-a' },
  otherStreet: { id: 'grid-9', role: 'territory', org: 'street-z' },
  reporter: { id: 'citizen-1', role: 'reporter' },
} as const satisfies Record<string, Actor>;

export function ev(kind: string, by = 'inspector-1'): EvidenceRef {
  return { kind, uri: `s3://evidence/${kind}.jpg`, by, at: '2026-09-01T00:00:00.000Z' };
}

/** A place type each reference category applies to. */
const PLACE_OF: Record<string, string> = { ebike_corridor: 'residential', three_in_one: 'workshop' };

export function reportInput(overrides: Partial<{ category: string; territory: string }> = {}) {
  return {
    packId: pack.id,
    category: overrides.category ?? 'exits_blocked',
    site: {
      id: 'site-1',
      name: 'Riverside Mall',
      // a place type the category applies to (reports elsewhere are refused)
      placeType: PLACE_OF[overrides.category ?? 'exits_blocked'] ?? 'public_assembly',
      territory: overrides.territory ?? 'street-a',
      attributes: {},
    },
    responsible: { id: 'party-1', name: 'Riverside Mall Co.' },
    description: 'North exit chained shut',
    findings: {},
    evidence: [ev('photo')],
  };
}

export const notice = {
  type: 'ISSUE_NOTICE',
  clauses: ['消防法 Art. 28'],
  evidence: [ev('notice_document'), ev('proof_of_service')],
} as const;

/** An engine on a manual clock starting Monday 2026-09-07 10:00 in Shanghai. */
export function testEngine(store: HazardStore = createMemoryStore(), start = '2026-09-07T02:00:00.000Z') {
  const clock = createManualClock(start);
  const engine = createEngine({ packs: [pack], store, clock });
  return { engine, clock, store };
}

/** Lets the promise chains running now (memory-store calls, a poller pass) finish. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Moves a manual clock on by `ms` the way a running process would: each scheduled callback
 * (the poller's) at its own time, with the async work it starts settled before the next.
 */
export async function advanceClock(clock: ManualClock, ms: number): Promise<void> {
  const target = clock.now().getTime() + ms;
  await settle();
  for (let next = clock.nextScheduledAt(); next !== null && next.getTime() <= target; next = clock.nextScheduledAt()) {
    clock.set(next);
    await settle();
  }
  clock.set(new Date(target));
}
