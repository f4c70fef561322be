import { type Actor, type EvidenceRef, policyHash } from '@hazardflow/core';
import { buildingPack, buildingPackV1_1 } from '@hazardflow/policy-building';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/**
 * Building pack 1.2.0: listed supervision (挂牌督办) is the listing authority's decision (LIST),
 * and lateness brings reminders, the bureau's 督办单 and 通报, then referral to the district
 * safety committee office, never the district leaders or enforcement. 1.1.0 is still exported.
 */

/** `policyHash(buildingPack)` of building@1.1.0 as published (main before 1.2.0). */
const PUBLISHED_1_1_0_HASH = 'bfd907e32da4db0eaa40de10300b880d421c7376117b831ac105bdcaa7f05671';

const engineer: Actor = { id: 'housing-engineer-1', role: 'regulator', org: 'housing-construction' };
const gridWorker: Actor = { id: 'grid-worker-3', role: 'territory', org: 'street-old-town' };
const owner: Actor = { id: 'landlord-1', role: 'responsible', org: 'owner-family' };
const admin: Actor = { id: 'district-admin', role: 'command', org: 'command' };

const evidence = (kind: string, by = engineer.id): EvidenceRef => ({
  kind,
  uri: `oss://hazards/${kind}-${by}.pdf`,
  by,
  at: '2026-03-02T00:00:00.000Z',
});

const report = (category: string, findings: Record<string, string> = {}) => ({
  packId: 'building',
  category,
  site: {
    id: 'lane-12-no-5',
    name: 'No. 5, Lane 12',
    placeType: 'residential',
    territory: 'street-old-town',
    attributes: { storeys: 5 },
  },
  responsible: { id: 'owner-family', name: 'the owning family' },
  description: `${category} at No. 5, Lane 12`,
  findings,
  evidence: [evidence('photo', gridWorker.id)],
});

describe('building pack 1.2.0 versions', () => {
  it('is 1.2.0, and 1.1.0 is still exported with exactly the content cases pinned to it', () => {
    expect(buildingPack.version).toBe('1.2.0');
    expect(buildingPackV1_1.version).toBe('1.1.0');
    expect(policyHash(buildingPackV1_1)).toBe(PUBLISHED_1_1_0_HASH);
    expect(buildingPackV1_1.escalation.listing).toBeUndefined();
    expect(buildingPack.escalation.listing).toBe('decision');
    expect(buildingPack.categories.map((c) => c.id)).toEqual(buildingPackV1_1.categories.map((c) => c.id));
    expect(buildingPack.migrations).toEqual([]);
  });

  it('migrates an open 1.1.0 case onto 1.2.0; the listing it had by fact stays recorded', async () => {
    const old = createTestEngine({ packs: [buildingPackV1_1], start: '2026-03-02T01:00:00.000Z' });
    const reported = await old.report(report('c-grade', { grade: 'C' }), { actor: gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    const triaged = await old.send(id, { type: 'TRIAGE' }, { actor: engineer });
    expect(triaged).toMatchObject({ ok: true, case: { escalationLevel: 3, listedSupervision: true } });
    const both = createTestEngine({
      packs: [buildingPackV1_1, buildingPack],
      start: '2026-03-02T02:00:00.000Z',
      store: old.store,
    });
    const plan = await both.planMigration({ packId: 'building', from: '1.1.0', to: '1.2.0' });
    expect(plan.blocked).toEqual([]);
    expect(plan.moves.map((m) => [m.caseId, m.status, m.toStatus])).toEqual([[id, 'triaged', 'triaged']]);
    expect(await both.migrate(plan, { actor: admin })).toMatchObject({ migrated: 1 });
    expect(await both.get(id)).toMatchObject({ packVersion: '1.2.0', severity: 'major', listedSupervision: true });
  });
});

describe('lateness of a general hazard on building 1.2.0', () => {
  it('brings reminders, a 督办单, a 通报 and referral to the committee, and never a listing', async () => {
    const t = createTestEngine({ packs: [buildingPack], start: '2026-03-02T01:00:00.000Z' });
    const reported = await t.report(report('home-converted-to-business'), { actor: gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await t.send(id, { type: 'TRIAGE' }, { actor: engineer });
    const noticed = await t.send(
      id,
      { type: 'ISSUE_NOTICE', clauses: ['《城市危险房屋管理规定》'], evidence: [evidence('notice-service-proof')] },
      { actor: engineer },
    );
    if (!noticed.ok) throw new Error(noticed.error.message);
    await t.send(id, { type: 'ACKNOWLEDGE' }, { actor: owner });
    await t.advanceTo('2026-09-30T01:00:00.000Z'); // half a year late
    expect(await t.get(id)).toMatchObject({
      severity: 'general',
      escalationLevel: 4,
      maxEscalationLevel: 4,
      listedSupervision: false,
      listing: null,
    });
    const escalated = t.notifications.filter((n) => n.reason === 'escalated');
    expect(escalated.map((n) => n.level)).toEqual([1, 2, 3, 4]);
    expect(escalated.map((n) => n.action?.zh).join('')).not.toMatch(/区领导|问责|联合惩戒/);
    expect(escalated.at(-1)?.recipients).toContainEqual({ role: 'command', org: 'command' });
    expect(t.notifications.map((n) => n.reason)).not.toContain('listed_supervision');
  });
});
