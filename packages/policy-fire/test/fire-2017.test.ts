import type { Actor, EvidenceRef, Scalar } from '@hazardflow/core';
import { classify, type SeverityRule } from '@hazardflow/core';
import { firePack } from '@hazardflow/policy-fire';
import { createTestEngine } from '@hazardflow/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/**
 * GB 35181-2017 《重大火灾隐患判定方法》 grades hazards reported up to 2025-10-31 (Shanghai
 * time), GB 35181-2025 《重大火灾隐患判定规则》 those reported from 2025-11-01.
 */
const shanghai = (local: string) => new Date(`${local}+08:00`).toISOString();
const LAST_2017 = shanghai('2025-10-31T23:30:00'); // 15:30 UTC, still 31 October in Shanghai
const FIRST_2025 = shanghai('2025-11-01T00:30:00'); // 16:30 UTC on 31 October, already 1 November
const flags = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, true]));

/** Four composite elements outside the escape group, as an inspector might record them. */
const FOUR_ELEMENTS = flags([
  'sprinkler_inoperative',
  'fire_alarm_inoperative',
  'hydrant_system_inoperative',
  'fire_separation_damaged',
]);

function grade(
  reportedAt: string,
  placeType: string,
  findings: Record<string, Scalar>,
  attributes: Record<string, Scalar> = {},
) {
  // Triaged a week later: the report date decides the edition, not the triage date.
  return classify(firePack, {
    category: 'fire-systems-disabled',
    placeType,
    findings,
    site: { attributes },
    at: shanghai('2025-11-07T10:00:00'),
    reportedAt,
  });
}

function rulesOf(edition: '2017' | '2025'): SeverityRule[] {
  return firePack.severityRules.filter((rule) =>
    edition === '2017' ? rule.validTo === '2025-10-31' : rule.validFrom === '2025-11-01',
  );
}

describe('fire pack since 1.1.0: GB 35181-2017 until 2025-10-31, GB 35181-2025 from 2025-11-01', () => {
  it('dates every GB 35181 rule to one edition, without a gap or an overlap', () => {
    const old = rulesOf('2017');
    const current = rulesOf('2025');
    expect(old).toHaveLength(14);
    expect(current).toHaveLength(10);
    for (const rule of old) {
      expect(rule.source).toMatch(/^GB 35181-2017 《重大火灾隐患判定方法》 (§6\.\d+|Ch\. 7)/);
      expect(rule.validFrom).toBeUndefined();
    }
    for (const rule of current) expect(rule.source).toMatch(/^GB 35181-2025 Ch\. [56]/);
    const undated = firePack.severityRules.filter((rule) => rule.validFrom === undefined && rule.validTo === undefined);
    // Only the imminent-danger rules of 《消防监督检查规定》 Art. 22 are undated.
    expect(undated.every((rule) => rule.source.startsWith('《消防监督检查规定》 Art. 22('))).toBe(true);
    expect(undated).toHaveLength(7);
  });

  it('grades the same exit finding by each edition, and the reason names the standard', () => {
    const findings = { exitCapacityRatio: 0.7 };
    const october = grade(LAST_2017, 'shop-market', findings, { crowdedPlace: true });
    const november = grade(FIRST_2025, 'shop-market', findings, { crowdedPlace: true });
    expect(october.severity).toBe('major');
    expect(november.severity).toBe('major');
    expect(october.reasons.map((reason) => [reason.ruleId, reason.source])).toEqual([
      ['gb35181-2017-direct-exit-capacity', 'GB 35181-2017 《重大火灾隐患判定方法》 §6.5 (direct element)'],
    ]);
    expect(november.reasons.map((reason) => [reason.ruleId, reason.source])).toEqual([
      ['gb35181-direct-exit-capacity', 'GB 35181-2025 Ch. 5'],
    ]);
  });

  it('counts a mixed-use premises as another place under 2017 and as a strict one under 2025', () => {
    const october = grade(LAST_2017, 'mixed-use', FOUR_ELEMENTS);
    const november = grade(FIRST_2025, 'mixed-use', FOUR_ELEMENTS);
    expect(october).toMatchObject({ severity: 'general', reasons: [] });
    expect(november.severity).toBe('major');
    expect(november.reasons[0]).toMatchObject({
      ruleId: 'gb35181-composite-any',
      source: 'GB 35181-2025 Ch. 6 (any composite element, threshold by place type)',
    });
    expect(november.reasons[0]?.text).toContain('4 needed for mixed-use');
  });

  it('applies the 2017 direct elements the 2025 rules here do not carry only to reports up to 2025-10-31', () => {
    const close = grade(LAST_2017, 'hazmat-site', { hazmatSeparationRatio: 0.6 });
    expect(close).toMatchObject({
      severity: 'major',
      reasons: [{ ruleId: 'gb35181-2017-direct-hazmat-separation', source: expect.stringContaining('§6.2') }],
    });
    expect(grade(FIRST_2025, 'hazmat-site', { hazmatSeparationRatio: 0.6 }).reasons).toEqual([]);
  });

  it('follows the 2017 thresholds for every place type and set of elements (property)', () => {
    const all = firePack.severityRules.find((rule) => rule.id === 'gb35181-2017-composite-any');
    const escapeRule = firePack.severityRules.find((rule) => rule.id === 'gb35181-2017-composite-crowded-escape');
    const hazmat = firePack.severityRules.find((rule) => rule.id === 'gb35181-2017-composite-hazmat-site');
    if (all?.kind !== 'composite' || escapeRule?.kind !== 'composite' || hazmat?.kind !== 'composite') {
      throw new Error('the 2017 composite rules are missing');
    }
    const crowded2017 = escapeRule.thresholds[0]?.placeTypes ?? [];
    expect(crowded2017).not.toContain('mixed-use');
    fc.assert(
      fc.property(fc.constantFrom(...firePack.placeTypes), fc.subarray(all.elements), (placeType, present) => {
        const crowded = crowded2017.includes(placeType);
        const expected =
          (crowded && present.filter((e) => escapeRule.elements.includes(e)).length >= 3) ||
          (placeType === 'hazmat-site' && present.filter((e) => hazmat.elements.includes(e)).length >= 3) ||
          present.length >= (crowded || placeType === 'hazmat-site' ? 4 : 6);
        expect(grade(LAST_2017, placeType, flags(present)).severity).toBe(expected ? 'major' : 'general');
      }),
      { numRuns: 200 },
    );
  });
});

describe('through the engine: the report date decides, whenever the case is triaged', () => {
  const gridWorker: Actor = { id: 'grid-worker-7', role: 'territory', org: 'street-east' };
  const inspector: Actor = { id: 'fire-inspector-1', role: 'regulator', org: 'fire-rescue' };
  const photo: EvidenceRef = { kind: 'photo', uri: 'oss://hazards/photo.jpg', by: gridWorker.id, at: LAST_2017 };

  async function reportAndTriage(reportedAt: string) {
    const engine = createTestEngine({ packs: [firePack], start: reportedAt });
    const reported = await engine.report(
      {
        packId: 'fire',
        category: 'fire-systems-disabled',
        site: { id: 'market-9', name: 'Riverside market', placeType: 'mixed-use', territory: 'street-east' },
        responsible: { id: 'market-9-owner' },
        description: 'Sprinklers, alarm and hydrants out of service; fire doors broken',
        findings: {},
        evidence: [photo],
      },
      { actor: gridWorker },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    await engine.advanceTo(shanghai('2025-11-03T10:00:00'));
    const triaged = await engine.send(
      reported.case.id,
      { type: 'TRIAGE', findings: FOUR_ELEMENTS },
      { actor: inspector },
    );
    if (!triaged.ok) throw new Error(triaged.error.message);
    return triaged.case;
  }

  it('grades a case reported on 31 October by GB 35181-2017 and one reported on 1 November by GB 35181-2025', async () => {
    expect((await reportAndTriage(LAST_2017)).severity).toBe('general');
    expect((await reportAndTriage(FIRST_2025)).severity).toBe('major');
  });
});
