import type { PolicyPackInput } from '@hazardflow/core';

type SeverityRuleInput = PolicyPackInput['severityRules'] extends (infer R)[] | undefined ? R : never;

/** The clause that lists what a fire authority seals at once (临时查封). */
const ART_22 = '《消防监督检查规定》 Art. 22';

/**
 * Imminent danger in the fire pack: the temporary-seal list of 《消防监督检查规定》 (公安部令第
 * 120号) Art. 22, which 消防法 Art. 54 empowers. A fire authority that finds one of these "seals
 * the dangerous part or place" when it cannot be put right at once; in hazardflow the mark asks
 * for an interim control (seal, suspension or evacuation) within `deadlines.interimControl`.
 * Each rule is one item of the list, on a finding the inspector records:
 *
 * 1. escape routes or exits too few or so blocked that people can no longer get out
 *    (`noSafeEvacuation`; exits locked while people are inside, `exitsLockedWhileOccupied`);
 * 2. building fire systems so damaged that they no longer work (`fireSystemsNonFunctional`);
 * 3. flammable or explosive goods used or stored in a crowded place (`hazmatInCrowdedPlace`;
 *    the `flammables-crowded-place` category is this item, so it is imminent by default);
 * 4. combustible decoration in a public gathering place that could cause mass casualties
 *    (`massCasualtyRisk` on `combustible-decoration`);
 * 5. any other fire hazard that seriously threatens public safety: the inspector's own
 *    judgement (`seriousPublicSafetyThreat`), and flammable goods under living quarters
 *    (`hazmatWithLivingQuarters`), which the pack reads as such [default].
 *
 * Hot work next to combustibles is not on the list: the work is stopped on the spot (责令立即
 * 改正), not sealed; an inspector who finds it a serious threat records item 5.
 */
export const fireImminentRules: SeverityRuleInput[] = [
  {
    id: 'fire-imminent-no-safe-evacuation',
    kind: 'conditions',
    source: `${ART_22}(1); 消防法 Art. 54`,
    description: {
      zh: '疏散通道、安全出口数量不足或者严重堵塞，已不具备安全疏散条件',
      en: 'Escape routes or exits too few or so blocked that people can no longer get out',
    },
    all: [{ field: 'findings.noSafeEvacuation', op: 'truthy' }],
    outcome: { imminentDanger: true },
  },
  {
    id: 'fire-imminent-exits-locked-while-occupied',
    kind: 'conditions',
    source: `${ART_22}(1); 消防法 Art. 28, Art. 54`,
    description: {
      zh: '营业、使用期间安全出口锁闭，场所内有人，已不具备安全疏散条件',
      en: 'Exits locked while people are inside: no safe way out',
    },
    categories: ['exits-blocked'],
    all: [{ field: 'findings.exitsLockedWhileOccupied', op: 'truthy' }],
    outcome: { imminentDanger: true },
  },
  {
    id: 'fire-imminent-systems-nonfunctional',
    kind: 'conditions',
    source: `${ART_22}(2); 消防法 Art. 54`,
    description: {
      zh: '建筑消防设施严重损坏，不再具备防火灭火功能',
      en: 'Building fire systems so damaged that they no longer work',
    },
    all: [{ field: 'findings.fireSystemsNonFunctional', op: 'truthy' }],
    outcome: { imminentDanger: true },
  },
  {
    id: 'fire-imminent-hazmat-in-crowded-place',
    kind: 'conditions',
    source: `${ART_22}(3); 消防法 Art. 23, Art. 54`,
    description: {
      zh: '人员密集场所违反消防安全规定，使用、储存易燃易爆危险品',
      en: 'Flammable or explosive goods used or stored against the rules in a crowded place',
    },
    all: [{ field: 'findings.hazmatInCrowdedPlace', op: 'truthy' }],
    outcome: { imminentDanger: true },
  },
  {
    id: 'fire-imminent-combustible-decoration',
    kind: 'conditions',
    source: `${ART_22}(4); 消防法 Art. 26, Art. 54`,
    description: {
      zh: '公众聚集场所违反消防技术标准，采用易燃、可燃材料装修装饰，可能导致重大人员伤亡',
      en: 'Combustible decoration in a public gathering place that could cause mass casualties',
    },
    categories: ['combustible-decoration'],
    all: [{ field: 'findings.massCasualtyRisk', op: 'truthy' }],
    outcome: { imminentDanger: true },
  },
  {
    id: 'fire-imminent-hazmat-with-living',
    kind: 'conditions',
    source: `${ART_22}(5) [default: read as a serious threat to public safety]; 消防法 Art. 19, Art. 54`,
    description: {
      zh: '易燃易爆危险品场所与居住场所设置在同一建筑物内，人员在危险品之上住宿',
      en: 'Flammable or explosive goods in the same building as living quarters: people sleep above them',
    },
    all: [{ field: 'findings.hazmatWithLivingQuarters', op: 'truthy' }],
    outcome: { imminentDanger: true },
  },
  {
    id: 'fire-imminent-serious-public-threat',
    kind: 'conditions',
    source: `${ART_22}(5); 消防法 Art. 54`,
    description: {
      zh: '其他可能严重威胁公共安全的火灾隐患（检查人员认定）',
      en: 'Another fire hazard that seriously threatens public safety (the inspector’s judgement)',
    },
    all: [{ field: 'findings.seriousPublicSafetyThreat', op: 'truthy' }],
    outcome: { imminentDanger: true },
  },
];
