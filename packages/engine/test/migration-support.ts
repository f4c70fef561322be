import { type Actor, definePolicyPack, type EvidenceRef, type HazardCommand, type PolicyPack } from '@hazardflow/core';
import type { Engine } from '@hazardflow/engine';
import { firePack } from '../../policy-fire/src/index';

/** Fire 1.0.0 as these tests build it: the shipped content under an older version. */
export const fire100: PolicyPack = definePolicyPack({ ...firePack, version: '1.0.0' });
/** Same content as 1.0.0 under 1.0.1: a migration between them must keep every deadline. */
export const fire101: PolicyPack = definePolicyPack({ ...firePack, version: '1.0.1' });

/**
 * Fire 2.0.0: re-inspection within 2 working days (was 3), `ebike-corridor` renamed `ebike-indoor`,
 * and no acknowledgement step (cases awaiting one go to rectifying).
 */
export const fire200: PolicyPack = definePolicyPack({
  ...firePack,
  version: '2.0.0',
  categories: firePack.categories.map((c) => (c.id === 'ebike-corridor' ? { ...c, id: 'ebike-indoor' } : c)),
  deadlines: { ...firePack.deadlines, verify: { workingDays: 2 } },
  steps: { ...firePack.steps, acknowledgement: false },
  escalation: {
    ...firePack.escalation,
    ladder: firePack.escalation.ladder.map(({ unacknowledgedAfter: _, ...level }) => level),
  },
  migrations: [
    {
      from: '1.x',
      categories: { 'ebike-corridor': 'ebike-indoor' },
      states: { noticeIssued: 'rectifying' },
      description: 'e-bike category renamed; no acknowledgement step',
    },
  ],
});

export const actors = {
  grid: { id: 'grid-1', role: 'territory', org: 'street-a' },
  inspector: { id: 'inspector-1', role: 'regulator', org: 'fire-rescue' },
  owner: { id: 'owner-1', role: 'responsible', org: 'party-1' },
  admin: { id: 'admin-1', role: 'command', org: 'district' },
} as const satisfies Record<string, Actor>;

const AT = '2026-09-01T00:00:00.000Z';
const ev = (kind: string, by: string): EvidenceRef => ({ kind, uri: `oss://evidence/${kind}.jpg`, by, at: AT });

/** The open statuses a case can be driven to, in order of how far it goes. */
export const TARGETS = [
  'reported',
  'triaged',
  'notice_issued',
  'rectifying',
  'verifying',
  'plan_pending',
  'supervised',
  'closed',
] as const;
export type Target = (typeof TARGETS)[number];

/** Reports one fire case and drives it to `target`; `i` varies the category and site. */
export async function driveCase(engine: Engine, target: Target, i: number): Promise<string> {
  const major = target === 'plan_pending' || target === 'supervised';
  const categories = ['exits-blocked', 'ebike-corridor', 'hot-work', 'fire-lane-blocked'];
  const reported = await engine.report(
    {
      packId: 'fire',
      category: major ? 'exits-blocked' : (categories[i % categories.length] as string),
      site: {
        id: `site-${i % 50}`,
        name: `Site ${i % 50}`,
        placeType: 'shop-market',
        territory: 'street-a',
        attributes: { crowdedPlace: major },
      },
      responsible: { id: 'party-1' },
      description: `case ${i}`,
      findings: major ? { exitCapacityRatio: 0.7 } : {},
      evidence: [ev('photo', 'grid-1')],
    },
    { actor: actors.grid },
  );
  if (!reported.ok) throw new Error(JSON.stringify(reported.error));
  const id = reported.case.id;
  const steps: [unknown, Actor][] = [];
  if (target !== 'reported') steps.push([{ type: 'TRIAGE' }, actors.inspector]);
  if (target === 'closed') {
    steps.push([{ type: 'FIX_ON_SPOT', evidence: [ev('after-photo', 'inspector-1')] }, actors.inspector]);
  }
  const notice = {
    type: 'ISSUE_NOTICE',
    clauses: ['消防法 Art. 60'],
    evidence: [ev('notice-service-proof', 'inspector-1')],
  };
  if (['notice_issued', 'rectifying', 'verifying', 'plan_pending', 'supervised'].includes(target)) {
    steps.push([notice, actors.inspector]);
  }
  if (target === 'rectifying' || target === 'verifying') steps.push([{ type: 'ACKNOWLEDGE' }, actors.owner]);
  if (target === 'verifying') {
    steps.push([{ type: 'SUBMIT_RECTIFICATION', evidence: [ev('after-photo', 'owner-1')] }, actors.owner]);
  }
  if (target === 'supervised') {
    steps.push([
      {
        type: 'SUBMIT_PLAN',
        plan: {
          responsibility: 'owner',
          measures: 'widen exits',
          funds: '¥20,000',
          deadline: '2026-10-30',
          emergencyPlan: 'marshals at exits',
        },
        evidence: [ev('rectification-plan', 'owner-1')],
      },
      actors.owner,
    ]);
    steps.push([{ type: 'APPROVE_PLAN' }, actors.inspector]);
  }
  for (const [command, actor] of steps) {
    const result = await engine.send(id, command as HazardCommand, { actor });
    if (!result.ok) throw new Error(`${target} case ${i}: ${JSON.stringify(result.error)}`);
  }
  const view = await engine.get(id);
  if (view?.status !== target) throw new Error(`case ${i} is ${view?.status}, not ${target}`);
  return id;
}
