import { type Actor, type EvidenceRef, policyHash } from '@hazardflow/core';
import { trafficPack, trafficPackV1_0 } from '@hazardflow/policy-traffic';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/**
 * Traffic pack 1.1.0: listed supervision (挂牌督办) is the listing authority's decision (LIST),
 * lateness brings reminders, a 督办单, a 通报 and referral to the road traffic safety committee
 * office, and the winter season shortens deadlines instead of grading. 1.0.0 is still exported.
 */

/** `policyHash(trafficPack)` of traffic@1.0.0 as published (main before 1.1.0). */
const PUBLISHED_1_0_0_HASH = 'b72ae51896354c762b7536ba05a642af3096b3f226e4d039ec0349cb2ebfabb7';

const officer: Actor = { id: 'traffic-officer-1', role: 'regulator', org: 'traffic-police' };
const admin: Actor = { id: 'district-admin', role: 'command', org: 'command' };

const evidence = (kind: string, by = officer.id): EvidenceRef => ({
  kind,
  uri: `oss://hazards/${kind}-${by}.jpg`,
  by,
  at: '2025-11-03T00:00:00.000Z',
});

const fogSection = {
  packId: 'traffic',
  category: 'fog-ice-section',
  site: { id: 'g15-km-212', name: 'G15 km 212', placeType: 'expressway', territory: 'town-riverside', attributes: {} },
  responsible: { id: 'expressway-operator', name: 'Expressway operator' },
  description: 'Fog-prone section without guidance lights',
  findings: {},
  evidence: [evidence('photo')],
};

describe('traffic pack 1.1.0 versions', () => {
  it('is 1.1.0, and 1.0.0 is still exported with exactly the content cases pinned to it', () => {
    expect(trafficPack.version).toBe('1.1.0');
    expect(trafficPackV1_0.version).toBe('1.0.0');
    expect(policyHash(trafficPackV1_0)).toBe(PUBLISHED_1_0_0_HASH);
    expect(trafficPackV1_0.escalation.listing).toBeUndefined();
    expect(trafficPack.escalation.listing).toBe('decision');
    expect(trafficPack.categories.map((c) => c.id)).toEqual(trafficPackV1_0.categories.map((c) => c.id));
  });

  it('migrates a winter fog section graded major by 1.0.0 onto 1.1.0 without regrading it', async () => {
    const old = createTestEngine({ packs: [trafficPackV1_0], start: '2025-11-03T01:00:00.000Z' });
    const reported = await old.report(fogSection, { actor: officer });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    const triaged = await old.send(id, { type: 'TRIAGE' }, { actor: officer });
    expect(triaged).toMatchObject({ ok: true, case: { severity: 'major', listedSupervision: true } });
    const both = createTestEngine({
      packs: [trafficPackV1_0, trafficPack],
      start: '2025-11-03T02:00:00.000Z',
      store: old.store,
    });
    const plan = await both.planMigration({ packId: 'traffic', from: '1.0.0', to: '1.1.0' });
    expect(plan.blocked).toEqual([]);
    expect(await both.migrate(plan, { actor: admin })).toMatchObject({ migrated: 1 });
    // a migration does not regrade: lowering it is a recorded decision (CONFIRM_GRADE)
    expect(await both.get(id)).toMatchObject({ packVersion: '1.1.0', severity: 'major' });
    const fresh = await both.report(fogSection, { actor: officer });
    if (!fresh.ok) throw new Error(fresh.error.message);
    const graded = await both.send(fresh.case.id, { type: 'TRIAGE' }, { actor: officer });
    expect(graded).toMatchObject({ ok: true, case: { severity: 'general', listedSupervision: false } });
  });
});

describe('traffic pack 1.1.0 industry departments (三管三必须, 《安全生产法》 Art. 3)', () => {
  it('names a department with its org and source for the place types of each sector; 1.0.0 named none', () => {
    const byPlace: Record<string, string[]> = {};
    for (const [id, party] of Object.entries(trafficPack.parties ?? {})) {
      expect(party.org, id).toBe(id);
      expect(party.source, id).toMatch(/《安全生产法》 Art\. 3/);
      for (const placeType of party.industry?.placeTypes ?? [])
        byPlace[placeType] = [...(byPlace[placeType] ?? []), id];
    }
    expect(byPlace).toEqual({
      'transport-enterprise': ['transport-bureau'],
      'rural-road': ['transport-bureau'],
      school: ['education-bureau'],
    });
    expect(trafficPackV1_0.parties).toBeUndefined();
  });
});
