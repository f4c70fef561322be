import type { PolicyPackInput } from '@hazardflow/core';
import { ESCAPE_ELEMENTS, FIRE_COMPOSITE_ELEMENTS, HAZMAT_SITE_ELEMENTS } from './fire-composite-elements';
import { CROWDED_PLACE_TYPES, HAZMAT_PLACE_TYPES } from './fire-place-types';

type SeverityRuleInput = PolicyPackInput['severityRules'] extends (infer R)[] | undefined ? R : never;

/**
 * GB 35181-2017 《重大火灾隐患判定方法》, the method GB 35181-2025 replaced on 2025-11-01. Its
 * rules stay in the pack with `validTo: '2025-10-31'`, so a hazard reported up to that day
 * (Shanghai time) is graded as the law then stood, even when it is triaged later.
 *
 * The 2017 method decides a major fire hazard directly (Ch. 6: one listed finding is enough)
 * or by counting composite elements (Ch. 7), with thresholds for crowded places (人员密集场所),
 * flammable/explosive-goods sites (易燃易爆危险品场所) and other places. Where it differs from
 * the 2025 rules of this pack:
 *
 * - direct elements the 2025 rules here do not carry: the siting of hazardous-goods plants
 *   (§6.1), a fire separation distance under 75 % of the required value between hazardous
 *   goods and crowded or living places (§6.2), an urban filling station above first-class
 *   storage (§6.3) and flammable-liquid or gas tanks without fixed extinguishing, cooling,
 *   gas-detection or alarm systems (§6.7);
 * - mixed-use premises (多业态混合生产经营场所), a place group of the 2025 edition, are counted
 *   as "other places" (6 elements), not with crowded places (4).
 *
 * Clause numbers are given as the 2017 text numbers them; the mapping of each clause to a
 * finding, like the element lists, is this pack's summary [default]: check it against the
 * published text before an enforcement decision rests on it.
 */

/** The last day GB 35181-2017 was in force: GB 35181-2025 applies from 2025-11-01. */
export const GB35181_2017_VALID_TO = '2025-10-31';

const STANDARD = 'GB 35181-2017 《重大火灾隐患判定方法》';

const direct = (
  clause: string,
  id: string,
  zh: string,
  en: string,
  all: Extract<SeverityRuleInput, { kind: 'conditions' }>['all'],
  outcome: SeverityRuleInput['outcome'] = { severity: 'major' },
): SeverityRuleInput => ({
  id: `gb35181-2017-direct-${id}`,
  kind: 'conditions',
  source: `${STANDARD} §${clause} (direct element)`,
  description: { zh, en },
  all,
  outcome,
  validTo: GB35181_2017_VALID_TO,
});

const directRules: SeverityRuleInput[] = [
  direct(
    '6.1',
    'hazmat-plant-siting',
    '生产、储存和装卸易燃易爆危险品的工厂、仓库和专用车站、码头、储罐区，未设置在城市的边缘或相对独立的安全地带',
    'Plant, store, terminal or tank farm for flammable or explosive goods not at the edge of the city or otherwise isolated',
    [{ field: 'findings.hazmatPlantNotIsolated', op: 'truthy' }],
  ),
  direct(
    '6.2',
    'hazmat-with-living',
    '生产、储存、经营易燃易爆危险品的场所与人员密集场所、居住场所设置在同一建筑物内',
    'Flammable or explosive goods in the same building as living quarters or a crowded place',
    [{ field: 'findings.hazmatWithLivingQuarters', op: 'truthy' }],
    // The imminent danger of the same finding is its own rule (《消防监督检查规定》 Art. 22(5)).
  ),
  direct(
    '6.2',
    'hazmat-separation',
    '生产、储存、经营易燃易爆危险品的场所与人员密集场所、居住场所的防火间距小于规定值的75%',
    'Flammable or explosive goods closer to a crowded or living place than 75 % of the required fire separation distance',
    [{ field: 'findings.hazmatSeparationRatio', op: 'lt', value: 0.75 }],
  ),
  direct(
    '6.3',
    'filling-station-capacity',
    '城市建成区内的加油站、天然气或液化石油气加气站、加油加气合建站的储量达到或超过一级站的规定',
    'Urban filling station (petrol, natural gas or LPG) storing as much as a first-class station or more',
    [{ field: 'findings.fillingStationFirstClassStorage', op: 'truthy' }],
  ),
  direct(
    '6.4',
    'hazmat-below-ground',
    '甲、乙类生产场所和仓库设置在建筑的地下室或半地下室',
    'Class A or B production or storage in a basement or semi-basement',
    [{ field: 'findings.classABHazmatBelowGround', op: 'truthy' }],
  ),
  direct(
    '6.5',
    'exit-capacity',
    '公共娱乐场所、商店、地下人员密集场所的安全出口数量不足或其总净宽度小于规定值的80%',
    'Crowded place with exits short of the required number or under 80 % of the required width',
    [
      { field: 'site.crowdedPlace', op: 'eq', value: true },
      { field: 'findings.exitCapacityRatio', op: 'lt', value: 0.8 },
    ],
  ),
  direct(
    '6.6',
    'required-system-missing',
    '旅馆、公共娱乐场所、商店、地下人员密集场所未按规定设置自动喷水灭火系统或火灾自动报警系统',
    'Crowded place without the sprinkler or fire alarm system the codes require',
    [
      { field: 'site.crowdedPlace', op: 'eq', value: true },
      { field: 'findings.requiredSystemMissing', op: 'truthy' },
    ],
  ),
  direct(
    '6.7',
    'tank-fixed-systems-missing',
    '易燃可燃液体、可燃气体储罐（区）未按规定设置固定灭火、冷却、可燃气体浓度报警、火灾报警设施',
    'Flammable liquid or gas tanks without the fixed extinguishing, cooling, gas-detection or alarm systems required',
    [{ field: 'findings.tankFixedSystemsMissing', op: 'truthy' }],
  ),
  direct(
    '6.8',
    'hazmat-in-crowded-place',
    '在人员密集场所违反消防安全规定使用、储存或销售易燃易爆危险品',
    'Flammable or explosive goods used, stored or sold against the rules in a crowded place',
    [{ field: 'findings.hazmatInCrowdedPlace', op: 'truthy' }],
  ),
  direct(
    '6.9',
    'child-elderly-floor',
    '托儿所、幼儿园的儿童用房以及老年人活动场所，所在楼层位置不符合规定',
    "Nursery, kindergarten or elderly people's rooms on a floor the codes forbid",
    [{ field: 'findings.childOrElderlyOnForbiddenFloor', op: 'truthy' }],
  ),
  direct(
    '6.10',
    'sandwich-panel-dwelling',
    '人员密集场所的居住场所采用彩钢夹芯板搭建，且芯材燃烧性能等级低于A级',
    'Living quarters of a crowded place built of sandwich panels with a combustible core',
    [{ field: 'findings.combustibleSandwichPanelDwelling', op: 'truthy' }],
  ),
];

/** Crowded places as the 2017 method counts them: without the 2025 edition's mixed-use group. */
const CROWDED_2017 = [...CROWDED_PLACE_TYPES];

const compositeRules: SeverityRuleInput[] = [
  {
    id: 'gb35181-2017-composite-crowded-escape',
    kind: 'composite',
    source: `${STANDARD} Ch. 7 (crowded places: escape and smoke-control elements)`,
    description: {
      zh: '人员密集场所存在3项及以上安全疏散、防烟排烟综合判定要素',
      en: 'Crowded place with 3 or more escape or smoke-control elements',
    },
    elements: ESCAPE_ELEMENTS,
    thresholds: [{ placeTypes: CROWDED_2017, atLeast: 3 }],
    outcome: { severity: 'major' },
    validTo: GB35181_2017_VALID_TO,
  },
  {
    id: 'gb35181-2017-composite-hazmat-site',
    kind: 'composite',
    source: `${STANDARD} Ch. 7 (flammable/explosive goods sites: layout, water and fixed systems)`,
    description: {
      zh: '易燃易爆危险品场所存在3项及以上总平面布置、消防给水及固定灭火设施综合判定要素',
      en: 'Hazardous-goods site with 3 or more layout, water-supply or fixed-system elements',
    },
    elements: HAZMAT_SITE_ELEMENTS,
    thresholds: [{ placeTypes: [...HAZMAT_PLACE_TYPES], atLeast: 3 }],
    outcome: { severity: 'major' },
    validTo: GB35181_2017_VALID_TO,
  },
  {
    id: 'gb35181-2017-composite-any',
    kind: 'composite',
    source: `${STANDARD} Ch. 7 (any composite element, threshold by place type)`,
    description: {
      zh: '人员密集场所、易燃易爆危险品场所存在4项及以上，其他场所存在6项及以上综合判定要素',
      en: '4 or more composite elements in crowded or hazardous-goods places; 6 or more elsewhere',
    },
    elements: FIRE_COMPOSITE_ELEMENTS,
    thresholds: [
      { placeTypes: [...CROWDED_2017, ...HAZMAT_PLACE_TYPES], atLeast: 4 },
      { placeTypes: [], atLeast: 6 },
    ],
    outcome: { severity: 'major' },
    validTo: GB35181_2017_VALID_TO,
  },
];

export const fire2017SeverityRules: SeverityRuleInput[] = [...directRules, ...compositeRules];
