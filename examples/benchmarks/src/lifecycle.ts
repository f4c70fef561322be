import type { Actor, EvidenceRef, HazardInput, HazardReport } from '@hazardflow/core';
import { firePack } from '@hazardflow/policy-fire';

/**
 * The event stream every throughput contender runs: one general fire hazard from report to
 * verified close on the fire pack (report → triage → notice → acknowledge → submit → verify).
 * Six commands per case; each contender gets the same payloads, actors and instants.
 */
export const pack = firePack;

export const actors = {
  gridWorker: { id: 'grid-worker-7', role: 'territory', org: 'street-east' },
  inspector: { id: 'fire-inspector-1', role: 'regulator', org: 'fire-rescue' },
  owner: { id: 'property-manager', role: 'responsible', org: 'greenview-property' },
} as const satisfies Record<string, Actor>;

/** Monday 3 March 2025, 10:00 in Shanghai: every run starts here and only moves forward. */
export const START = Date.parse('2025-03-03T02:00:00.000Z');

/** Instants step by this much per command, so deadlines land on varied days without leaving 2025. */
export const STEP_MS = 7_000;

function evidence(kind: string, by: string): EvidenceRef {
  return { kind, uri: `oss://hazards/${kind}-${by}.jpg`, by, at: '2025-03-01T00:00:00.000Z' };
}

/** What `engine.report` takes for the i-th case. */
export function reportOf(i: number): HazardReport {
  return {
    packId: pack.id,
    category: 'combustible-decoration',
    site: {
      id: `site-${i}`,
      name: `Greenview Garden, Building ${i}`,
      placeType: 'mixed-use',
      territory: `street-${i % 12}`,
      attributes: { storeys: 28 },
    },
    responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
    description: 'Foam panels on the lobby ceiling',
    findings: {},
    evidence: [evidence('photo', actors.gridWorker.id)],
  };
}

/** The machine input the engine builds from `reportOf(i)`, for the raw contenders. */
export function machineInputOf(i: number, caseId: string, at: string): HazardInput {
  const { packId: _packId, ...report } = reportOf(i);
  return { caseId, at, reportedBy: actors.gridWorker, report };
}

export interface LifecycleStep {
  actor: Actor;
  command: { type: string } & Record<string, unknown>;
}

/** The five commands after the report, with who sends each. */
export const lifecycleSteps: readonly LifecycleStep[] = [
  { actor: actors.inspector, command: { type: 'TRIAGE' } },
  {
    actor: actors.inspector,
    command: {
      type: 'ISSUE_NOTICE',
      clauses: ['消防法 Art. 28'],
      evidence: [evidence('notice-service-proof', actors.inspector.id)],
    },
  },
  { actor: actors.owner, command: { type: 'ACKNOWLEDGE' } },
  {
    actor: actors.owner,
    command: {
      type: 'SUBMIT_RECTIFICATION',
      evidence: [evidence('after-photo', actors.owner.id), evidence('material-test-report', actors.owner.id)],
    },
  },
  {
    actor: actors.inspector,
    command: { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', actors.inspector.id)] },
  },
];

/** Commands per case: the report plus the steps. */
export const COMMANDS_PER_CASE = 1 + lifecycleSteps.length;
