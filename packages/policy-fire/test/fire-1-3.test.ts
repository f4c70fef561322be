import { type Actor, type EvidenceRef, policyHash } from '@hazardflow/core';
import { firePack, firePackV1_2 } from '@hazardflow/policy-fire';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/**
 * Fire pack 1.3.0: listed supervision (挂牌督办) is the listing authority's decision (LIST), and
 * lateness brings reminders, the brigade's 督办单 and 通报, then referral to the district safety
 * committee office, never the district leaders or enforcement. 1.2.0 is still exported.
 */

/** `policyHash(firePack)` of fire@1.2.0 as published (main before 1.3.0). */
const PUBLISHED_1_2_0_HASH = 'd472ca13216eaa25ceb2c3335e6a0da3e57a3caf9846300105a72339b0961014';

const inspector: Actor = { id: 'fire-inspector-1', role: 'regulator', org: 'fire-rescue' };
const secondInspector: Actor = { id: 'fire-inspector-2', role: 'regulator', org: 'fire-rescue' };
const owner: Actor = { id: 'property-manager', role: 'responsible', org: 'greenview-property' };
const admin: Actor = { id: 'district-admin', role: 'command', org: 'command' };

const evidence = (kind: string, by = inspector.id): EvidenceRef => ({
  kind,
  uri: `oss://hazards/${kind}-${by}.jpg`,
  by,
  at: '2026-03-02T00:00:00.000Z',
});

const report = (category: string, placeType: string, findings: Record<string, boolean> = {}) => ({
  packId: 'fire',
  category,
  site: { id: 'greenview-mall', name: 'Greenview Mall', placeType, territory: 'street-east', attributes: {} },
  responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
  description: `${category} at Greenview Mall`,
  findings,
  evidence: [evidence('photo'), evidence('inspection-record'), evidence('inspection-record', secondInspector.id)],
});

describe('fire pack 1.3.0 versions', () => {
  it('is 1.3.0, and 1.2.0 is still exported with exactly the content cases pinned to it', () => {
    expect(firePack.version).toBe('1.3.0');
    expect(firePackV1_2.version).toBe('1.2.0');
    expect(policyHash(firePackV1_2)).toBe(PUBLISHED_1_2_0_HASH);
    expect(firePackV1_2.escalation.listing).toBeUndefined();
    expect(firePack.escalation.listing).toBe('decision');
    expect(firePack.categories.map((c) => c.id)).toEqual(firePackV1_2.categories.map((c) => c.id));
    expect(firePack.migrations).toEqual([]);
  });

  it('migrates an open 1.2.0 major case onto 1.3.0; the listing it had by fact stays recorded', async () => {
    const old = createTestEngine({ packs: [firePackV1_2], start: '2026-03-02T02:00:00.000Z' });
    const reported = await old.report(report('three-in-one', 'mixed-use', { hazmatWithLivingQuarters: true }), {
      actor: inspector,
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    const triaged = await old.send(id, { type: 'TRIAGE' }, { actor: inspector });
    expect(triaged).toMatchObject({ ok: true, case: { escalationLevel: 3, listedSupervision: true } });
    const both = createTestEngine({
      packs: [firePackV1_2, firePack],
      start: '2026-03-02T03:00:00.000Z',
      store: old.store,
    });
    const plan = await both.planMigration({ packId: 'fire', from: '1.2.0', to: '1.3.0' });
    expect(plan.blocked).toEqual([]);
    expect(await both.migrate(plan, { actor: admin })).toMatchObject({ migrated: 1 });
    expect(await both.get(id)).toMatchObject({ packVersion: '1.3.0', severity: 'major', listedSupervision: true });
  });
});

describe('lateness of a general fire hazard on 1.3.0', () => {
  it('brings reminders, a 督办单, a 通报 and referral to the committee, and never a listing', async () => {
    const t = createTestEngine({ packs: [firePack], start: '2026-03-02T02:00:00.000Z' });
    const reported = await t.report(report('escape-window-obstruction', 'hotel'), { actor: inspector });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await t.send(id, { type: 'TRIAGE' }, { actor: inspector });
    await t.send(
      id,
      { type: 'ISSUE_NOTICE', clauses: ['消防法 Art. 28'], evidence: [evidence('notice-service-proof')] },
      { actor: inspector },
    );
    await t.send(id, { type: 'ACKNOWLEDGE' }, { actor: owner });
    await t.advanceTo('2026-09-30T02:00:00.000Z'); // half a year late
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
    expect(t.notifications.map((n) => n.reason)).not.toContain('listed_supervision');
  });
});
