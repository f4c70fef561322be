import type { Actor, EvidenceRef } from '@hazardflow/core';
import { firePack, firePackV1_2 } from '@hazardflow/policy-fire';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/**
 * Fire pack 1.3.0's industry departments (三管三必须, 《安全生产法》 Art. 3): a case at a crowded
 * place names its department, which is told what the brigade is told and may comment; 1.2.0
 * named none.
 */

const inspector: Actor = { id: 'fire-inspector-1', role: 'regulator', org: 'fire-rescue' };
const educationOfficer: Actor = { id: 'edu-officer', role: 'education-bureau', org: 'education-bureau' };
const commerceOfficer: Actor = { id: 'commerce-officer', role: 'commerce-bureau', org: 'commerce-bureau' };

const evidence = (kind: string, by = inspector.id): EvidenceRef => ({
  kind,
  uri: `oss://hazards/${kind}-${by}.jpg`,
  by,
  at: '2026-03-02T00:00:00.000Z',
});

const report = (placeType: string, findings: Record<string, boolean> = {}) => ({
  packId: 'fire',
  category: 'exits-blocked',
  site: { id: 'east-site', name: 'East site', placeType, territory: 'street-east', attributes: {} },
  responsible: { id: 'east-owner', name: 'East owner' },
  description: `exits blocked at a ${placeType}`,
  findings,
  evidence: [evidence('photo'), evidence('inspection-record'), evidence('inspection-record', 'fire-inspector-2')],
});

describe('fire pack 1.3.0 industry departments', () => {
  it('gives every crowded place type but labour-intensive workshops one department, each with its org and source', () => {
    const byPlace = new Map<string, string[]>();
    for (const [id, party] of Object.entries(firePack.parties ?? {})) {
      expect(party.org, id).toBe(id);
      expect(party.source, id).toMatch(/《安全生产法》 Art\. 3/);
      for (const placeType of party.industry?.placeTypes ?? [])
        byPlace.set(placeType, [...(byPlace.get(placeType) ?? []), id]);
    }
    expect(Object.fromEntries(byPlace)).toEqual({
      school: ['education-bureau'],
      'child-activity': ['education-bureau'],
      hospital: ['health-commission'],
      hotel: ['culture-tourism-bureau'],
      'public-entertainment': ['culture-tourism-bureau'],
      'shop-market': ['commerce-bureau'],
      'elderly-care': ['civil-affairs-bureau'],
    });
    expect(firePackV1_2.parties).toBeUndefined();
  });

  it('names the education bureau on a school case, tells it of the imminent danger and lets it comment, not a shop case', async () => {
    const t = createTestEngine({ packs: [firePack], start: '2026-03-02T02:00:00.000Z' });
    const school = await t.report(report('school', { exitsLockedWhileOccupied: true }), { actor: inspector });
    if (!school.ok) throw new Error(school.error.message);
    expect(school.case.industry).toEqual([{ party: 'education-bureau', org: 'education-bureau' }]);
    const roles = t.notifications
      .filter((n) => n.caseId === school.case.id)
      .flatMap((n) => n.recipients.map((r) => r.role));
    expect(roles).toContain('education-bureau');
    const comment = await t.send(
      school.case.id,
      { type: 'COMMENT', text: '已督促学校当日清理' },
      { actor: educationOfficer },
    );
    expect(comment.ok).toBe(true);
    const elsewhere = await t.send(school.case.id, { type: 'COMMENT', text: '商务局意见' }, { actor: commerceOfficer });
    expect(elsewhere.ok).toBe(false);

    const office = await t.report(report('office'), { actor: inspector });
    if (!office.ok) throw new Error(office.error.message);
    expect(office.case.industry).toBeUndefined();
  });
});
