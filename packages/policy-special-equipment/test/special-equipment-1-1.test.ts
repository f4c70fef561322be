import { type Actor, type EvidenceRef, policyHash } from '@hazardflow/core';
import { specialEquipmentPack, specialEquipmentPackV1_0 } from '@hazardflow/policy-special-equipment';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/**
 * Special-equipment pack 1.1.0: listed supervision (挂牌督办) is the listing authority's decision
 * (LIST), and lateness brings reminders, the bureau's 督办单 and 通报, then referral to the
 * district safety committee office. 1.0.0 is still exported, unchanged.
 */

/** `policyHash(specialEquipmentPack)` of special-equipment@1.0.0 as published (main before 1.1.0). */
const PUBLISHED_1_0_0_HASH = 'd3955f85606c6d17732678ffc4793e675f9d16f82834a968c6f38737ca9ae6ae';

const inspector: Actor = { id: 'se-inspector-1', role: 'regulator', org: 'market-supervision' };
const secondInspector: Actor = { id: 'se-inspector-2', role: 'regulator', org: 'market-supervision' };
const admin: Actor = { id: 'district-admin', role: 'command', org: 'command' };

const evidence = (kind: string, by = inspector.id): EvidenceRef => ({
  kind,
  uri: `oss://hazards/${kind}-${by}.jpg`,
  by,
  at: '2026-03-02T00:00:00.000Z',
});

const boiler = {
  packId: 'special-equipment',
  category: 'boiler',
  site: { id: 'laundry-7', name: 'Laundry No. 7', placeType: 'factory', territory: 'street-east', attributes: {} },
  responsible: { id: 'laundry-7-co', name: 'Laundry No. 7 Co.' },
  description: 'Boiler safety valve gagged',
  findings: { safetyValveDisabled: true },
  evidence: [evidence('photo'), evidence('inspection-record'), evidence('inspection-record', secondInspector.id)],
};

describe('special-equipment pack 1.1.0 versions', () => {
  it('is 1.1.0, and 1.0.0 is still exported with exactly the content cases pinned to it', () => {
    expect(specialEquipmentPack.version).toBe('1.1.0');
    expect(specialEquipmentPackV1_0.version).toBe('1.0.0');
    expect(policyHash(specialEquipmentPackV1_0)).toBe(PUBLISHED_1_0_0_HASH);
    expect(specialEquipmentPackV1_0.escalation.listing).toBeUndefined();
    expect(specialEquipmentPack.escalation.listing).toBe('decision');
    expect(specialEquipmentPack.categories.map((c) => c.id)).toEqual(
      specialEquipmentPackV1_0.categories.map((c) => c.id),
    );
  });

  it('migrates an open 1.0.0 major case onto 1.1.0; the listing it had by fact stays recorded', async () => {
    const old = createTestEngine({ packs: [specialEquipmentPackV1_0], start: '2026-03-02T02:00:00.000Z' });
    const reported = await old.report(boiler, { actor: inspector });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    const triaged = await old.send(id, { type: 'TRIAGE' }, { actor: inspector });
    expect(triaged).toMatchObject({ ok: true, case: { escalationLevel: 3, listedSupervision: true } });
    const both = createTestEngine({
      packs: [specialEquipmentPackV1_0, specialEquipmentPack],
      start: '2026-03-02T03:00:00.000Z',
      store: old.store,
    });
    const plan = await both.planMigration({ packId: 'special-equipment', from: '1.0.0', to: '1.1.0' });
    expect(plan.blocked).toEqual([]);
    expect(await both.migrate(plan, { actor: admin })).toMatchObject({ migrated: 1 });
    expect(await both.get(id)).toMatchObject({ packVersion: '1.1.0', severity: 'major', listedSupervision: true });
  });
});

describe('special-equipment pack 1.1.0 industry departments (三管三必须, 《安全生产法》 Art. 3)', () => {
  it('names a department with its org and source for the place types of each sector; 1.0.0 named none', () => {
    const byPlace: Record<string, string[]> = {};
    for (const [id, party] of Object.entries(specialEquipmentPack.parties ?? {})) {
      expect(party.org, id).toBe(id);
      expect(party.source, id).toMatch(/《安全生产法》 Art\. 3/);
      for (const placeType of party.industry?.placeTypes ?? [])
        byPlace[placeType] = [...(byPlace[placeType] ?? []), id];
    }
    expect(byPlace).toEqual({
      school: ['education-bureau'],
      hospital: ['health-commission'],
      'shopping-centre': ['commerce-bureau'],
      restaurant: ['commerce-bureau'],
      'amusement-park': ['culture-tourism-bureau'],
      'scenic-area': ['culture-tourism-bureau'],
    });
    expect(specialEquipmentPackV1_0.parties).toBeUndefined();
  });
});
