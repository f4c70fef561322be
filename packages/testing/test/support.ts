import { type Actor, definePolicyPack, type EvidenceRef, type HazardReportInput } from '@hazardflow/core';
import { referencePack } from '../../core/test/fixtures/reference-pack';

/** The reference fire pack of core's tests, validated. */
export const pack = definePolicyPack(referencePack);

/** The people of the reference district. */
export const people = {
  inspector: { id: 'inspector-1', role: 'regulator', org: 'fire-brigade' },
  secondInspector: { id: 'inspector-2', role: 'regulator', org: 'fire-brigade' },
  owner: { id: 'owner-1', role: 'responsible', org: 'party-1' },
  gridWorker: { id: 'grid-1', role: 'territory', org: 'street-a' },
  otherStreet: { id: 'grid-9', role: 'territory', org: 'street-z' },
  committee: { id: 'committee-1', role: 'command' },
} as const satisfies Record<string, Actor>;

export function ev(kind: string, by: string = people.inspector.id): EvidenceRef {
  return { kind, uri: `s3://evidence/${kind}-${by}.jpg`, by, at: '2026-09-01T00:00:00.000Z' };
}

/** Monday 2026-09-07, 10:00 in Shanghai. */
export const MONDAY = '2026-09-07T02:00:00.000Z';

export function blockedExit(category = 'exits_blocked'): HazardReportInput {
  return {
    packId: pack.id,
    category,
    site: { id: 'site-1', name: 'Riverside Mall', placeType: 'public_assembly', territory: 'street-a', attributes: {} },
    responsible: { id: 'party-1', name: 'Riverside Mall Co.' },
    description: 'North exit chained shut',
    findings: {},
    evidence: [ev('photo', people.gridWorker.id)],
  };
}

export const notice = {
  type: 'ISSUE_NOTICE',
  clauses: ['消防法 Art. 28'],
  evidence: [ev('notice_document'), ev('proof_of_service')],
};

export const passed = {
  type: 'VERIFY',
  result: 'pass',
  evidence: [ev('inspection_record', 'inspector-1'), ev('inspection_record', 'inspector-2')],
};
