import type { Actor, EvidenceRef } from '@hazardflow/core';

/** The people of district 7's gas stories. */
export const inspector: Actor = { id: 'gas-inspector-zhao', role: 'regulator', org: 'gas-division' };
export const secondInspector: Actor = { id: 'gas-inspector-qian', role: 'regulator', org: 'gas-division' };
export const gridWorker: Actor = { id: 'grid-worker-12', role: 'territory', org: 'street-riverside' };
export const citizen: Actor = { id: 'hotline-12345', role: 'reporter' };
export const restaurantOwner: Actor = { id: 'store-manager-18', role: 'responsible', org: 'shuxiang-store-18' };
export const committee: Actor = { id: 'safety-office', role: 'command' };

/** A piece of evidence: a reference to a file kept elsewhere, never the file. */
export function evidence(kind: string, by: string): EvidenceRef {
  return { kind, uri: `oss://gas/${kind}/${by}.jpg`, by, at: '2026-01-01T00:00:00.000Z' };
}
