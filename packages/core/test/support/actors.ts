import type { Actor, EvidenceRef } from '@hazardflow/core';

/** The people of the reference district, one per role, plus a second inspector. */
export const actors = {
  reporter: { id: 'citizen-1', role: 'reporter' },
  inspector: { id: 'inspector-1', role: 'regulator', org: 'fire-brigade' },
  secondInspector: { id: 'inspector-2', role: 'regulator', org: 'fire-brigade' },
  otherRegulator: { id: 'housing-1', role: 'regulator', org: 'housing-bureau' },
  owner: { id: 'owner-1', role: 'responsible', org: 'party-1' },
  otherOwner: { id: 'owner-9', role: 'responsible', org: 'party-9' },
  gridWorker: { id: 'grid-1', role: 'territory', org: 'street-a' },
  otherStreet: { id: 'grid-9', role: 'territory', org: 'street-z' },
  command: { id: 'committee-1', role: 'command' },
} as const satisfies Record<string, Actor>;

let counter = 0;
/** A piece of evidence of `kind` by `by`, at a fixed instant. */
export function evidence(kind: string, by = 'inspector-1'): EvidenceRef {
  counter += 1;
  return { kind, uri: `s3://evidence/${kind}-${counter}.jpg`, by, at: '2026-09-01T00:00:00.000Z' };
}

/** A report input for the reference pack. */
export function referenceReport(category = 'exits_blocked', at = '2026-09-07T02:00:00.000Z') {
  return {
    caseId: `case-${category}`,
    at,
    reportedBy: actors.inspector,
    report: {
      category,
      site: {
        id: 'site-1',
        name: 'Riverside Mall',
        placeType: 'public_assembly',
        territory: 'street-a',
        attributes: { storeys: 5 },
      },
      responsible: { id: 'party-1', name: 'Riverside Mall Co.' },
      description: 'North exit chained shut',
      findings: {},
      evidence: [evidence('photo')],
    },
  };
}
