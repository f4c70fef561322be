import type { Actor, EvidenceRef, Status } from '@hazardflow/core';

/** The people who act on the reference pack's cases in the multi-worker test and the benchmark. */
export const people = {
  gridWorker: { id: 'grid-1', role: 'territory', org: 'street-a' },
  inspector: { id: 'inspector-1', role: 'regulator', org: 'fire-brigade' },
  owner: { id: 'owner-1', role: 'responsible', org: 'party-1' },
} as const satisfies Record<string, Actor>;

function ev(kind: string, by: string): EvidenceRef {
  return { kind, uri: `s3://evidence/${kind}-${by}.jpg`, by, at: '2026-09-01T00:00:00.000Z' };
}

/** A report for the reference pack (a 24 h triage deadline, then the escalation ladder). */
export function reportInput(i: number) {
  return {
    packId: 'reference-fire',
    category: 'exits_blocked',
    site: {
      id: `site-${i}`,
      name: `Mall ${i}`,
      placeType: 'public_assembly',
      territory: i % 3 === 0 ? 'street-b' : 'street-a',
      attributes: {},
    },
    responsible: { id: 'party-1', name: 'Riverside Mall Co.' },
    description: `Exit ${i} chained shut`,
    findings: {},
    evidence: [ev('photo', 'grid-1')],
  };
}

export interface PlannedCommand {
  command: { type: string } & Record<string, unknown>;
  actor: Actor;
}

/** The next step of the happy path from `status`; every case also takes comments at any time. */
export function nextCommand(status: Status | undefined, comment: boolean): PlannedCommand {
  if (comment || status === undefined) {
    return { command: { type: 'COMMENT', text: 'follow-up call made' }, actor: people.inspector };
  }
  switch (status) {
    case 'reported':
      return { command: { type: 'TRIAGE' }, actor: people.inspector };
    case 'triaged':
      return {
        command: {
          type: 'ISSUE_NOTICE',
          clauses: ['消防法 Art. 28'],
          evidence: [ev('notice_document', 'inspector-1'), ev('proof_of_service', 'inspector-1')],
        },
        actor: people.inspector,
      };
    case 'notice_issued':
      return { command: { type: 'ACKNOWLEDGE' }, actor: people.owner };
    case 'rectifying':
      return {
        command: { type: 'SUBMIT_RECTIFICATION', evidence: [ev('after_photo', 'owner-1')] },
        actor: people.owner,
      };
    case 'verifying':
      return {
        command: {
          type: 'VERIFY',
          result: 'pass',
          evidence: [ev('inspection_record', 'inspector-1'), ev('inspection_record', 'inspector-2')],
        },
        actor: people.inspector,
      };
    default:
      return { command: { type: 'COMMENT', text: 'closed case noted' }, actor: people.inspector };
  }
}
