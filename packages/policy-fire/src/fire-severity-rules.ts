import type { PolicyPackInput } from '@hazardflow/core';
import { ESCAPE_ELEMENTS, FIRE_COMPOSITE_ELEMENTS, HAZMAT_SITE_ELEMENTS } from './fire-composite-elements';
import { fireImminentRules } from './fire-imminent-rules';
import { CROWDED_PLACE_TYPES, HAZMAT_PLACE_TYPES, MIXED_USE_PLACE_TYPES } from './fire-place-types';
import { fire2017SeverityRules } from './fire-severity-rules-2017';

type SeverityRuleInput = PolicyPackInput['severityRules'] extends (infer R)[] | undefined ? R : never;

/**
 * How a fire case becomes major or imminent, after GB 35181-2025 《重大火灾隐患判定规则》 (in
 * force 2025-11-01, `validFrom` on each of its rules) and, for hazards reported up to
 * 2025-10-31, GB 35181-2017 《重大火灾隐患判定方法》 (`fire-severity-rules-2017.ts`). The standard decides a major fire hazard in two ways:
 *
 * - **direct elements** (Ch. 5): one finding is enough. Written here as `conditions` rules on
 *   camelCase findings the inspector records (`findings.exitCapacityRatio`) and on the site
 *   register (`site.crowdedPlace`, the 人员密集场所 flag);
 * - **composite elements** (Ch. 6): a count of checklist items, with a threshold by place type.
 *   Written as `composite` rules whose elements are snake_case finding flags
 *   (`findings.sprinkler_inoperative = true`).
 *
 * The element lists are a faithful summary of the standard's structure, not its full text; the
 * thresholds follow the counting the standard uses (3 elements of the escape-and-smoke group for
 * crowded places, 3 of the site-layout-and-supply group for hazardous-goods sites, 4 of any
 * element for crowded, mixed-use and hazardous-goods places, 6 elsewhere). Before relying on
 * them in an enforcement decision, check them against the published text.
 *
 * Per GB 35181-2025 §4.2, a hazard that can be corrected on the spot is not graded major; the
 * pack expresses that by letting general hazards close with FIX_ON_SPOT.
 *
 * Imminent danger is a separate question, answered by the temporary-seal list of
 * 《消防监督检查规定》 Art. 22 (`fire-imminent-rules.ts`), not by the grade.
 */

const STANDARD = 'GB 35181-2025';

/** The first day GB 35181-2025 is in force, the day after the 2017 method's last. */
export const GB35181_2025_VALID_FROM = '2025-11-01';
const CROWDED = [...CROWDED_PLACE_TYPES, ...MIXED_USE_PLACE_TYPES];

const directRules: SeverityRuleInput[] = [
  {
    id: 'gb35181-direct-hazmat-with-living',
    kind: 'conditions',
    source: `${STANDARD} Ch. 5; 消防法 Art. 19`,
    description: {
      zh: '生产、储存、经营易燃易爆危险品的场所与居住场所、人员密集场所设置在同一建筑物内',
      en: 'Flammable or explosive goods in the same building as living quarters or a crowded place',
    },
    all: [{ field: 'findings.hazmatWithLivingQuarters', op: 'truthy' }],
    // The imminent danger of the same finding is its own rule (《消防监督检查规定》 Art. 22(5)).
    outcome: { severity: 'major' },
  },
  {
    id: 'gb35181-direct-hazmat-in-crowded-place',
    kind: 'conditions',
    source: `${STANDARD} Ch. 5; 消防法 Art. 23`,
    description: {
      zh: '在人员密集场所违反消防安全规定使用、储存或销售易燃易爆危险品',
      en: 'Flammable or explosive goods used, stored or sold against the rules in a crowded place',
    },
    all: [{ field: 'findings.hazmatInCrowdedPlace', op: 'truthy' }],
    outcome: { severity: 'major' },
  },
  {
    id: 'gb35181-direct-hazmat-below-ground',
    kind: 'conditions',
    source: `${STANDARD} Ch. 5`,
    description: {
      zh: '甲、乙类生产场所和仓库设置在地下或半地下',
      en: 'Class A or B production or storage below ground',
    },
    all: [{ field: 'findings.classABHazmatBelowGround', op: 'truthy' }],
    outcome: { severity: 'major' },
  },
  {
    id: 'gb35181-direct-exit-capacity',
    kind: 'conditions',
    source: `${STANDARD} Ch. 5`,
    description: {
      zh: '人员密集场所安全出口数量不足或总净宽度小于规定值的80%',
      en: 'Crowded place with exits short of the required number or under 80 % of the required width',
    },
    all: [
      { field: 'site.crowdedPlace', op: 'eq', value: true },
      { field: 'findings.exitCapacityRatio', op: 'lt', value: 0.8 },
    ],
    outcome: { severity: 'major' },
  },
  {
    id: 'gb35181-direct-required-system-missing',
    kind: 'conditions',
    source: `${STANDARD} Ch. 5`,
    description: {
      zh: '人员密集场所未按规定设置自动喷水灭火系统或火灾自动报警系统',
      en: 'Crowded place without the sprinkler or fire alarm system the codes require',
    },
    all: [
      { field: 'site.crowdedPlace', op: 'eq', value: true },
      { field: 'findings.requiredSystemMissing', op: 'truthy' },
    ],
    outcome: { severity: 'major' },
  },
  {
    id: 'gb35181-direct-child-elderly-floor',
    kind: 'conditions',
    source: `${STANDARD} Ch. 5`,
    description: {
      zh: '儿童活动场所、老年人照料设施设置在不符合规定的楼层',
      en: "Children's or elderly-care rooms on a floor the codes forbid",
    },
    all: [{ field: 'findings.childOrElderlyOnForbiddenFloor', op: 'truthy' }],
    outcome: { severity: 'major' },
  },
  {
    id: 'gb35181-direct-sandwich-panel-dwelling',
    kind: 'conditions',
    source: `${STANDARD} Ch. 5`,
    description: {
      zh: '人员密集场所的居住场所采用芯材燃烧性能低于A级的彩钢夹芯板搭建',
      en: 'Living quarters of a crowded place built of sandwich panels with a combustible core',
    },
    all: [{ field: 'findings.combustibleSandwichPanelDwelling', op: 'truthy' }],
    outcome: { severity: 'major' },
  },
];

const compositeRules: SeverityRuleInput[] = [
  {
    id: 'gb35181-composite-crowded-escape',
    kind: 'composite',
    source: `${STANDARD} Ch. 6 (crowded places: escape and smoke-control elements)`,
    description: {
      zh: '人员密集场所存在3项及以上安全疏散、防烟排烟综合判定要素',
      en: 'Crowded place with 3 or more escape or smoke-control elements',
    },
    elements: ESCAPE_ELEMENTS,
    thresholds: [{ placeTypes: CROWDED, atLeast: 3 }],
    outcome: { severity: 'major' },
  },
  {
    id: 'gb35181-composite-hazmat-site',
    kind: 'composite',
    source: `${STANDARD} Ch. 6 (flammable/explosive goods sites: layout, water and fixed systems)`,
    description: {
      zh: '易燃易爆危险品场所存在3项及以上总平面布置、消防给水及固定灭火设施综合判定要素',
      en: 'Hazardous-goods site with 3 or more layout, water-supply or fixed-system elements',
    },
    elements: HAZMAT_SITE_ELEMENTS,
    thresholds: [{ placeTypes: [...HAZMAT_PLACE_TYPES], atLeast: 3 }],
    outcome: { severity: 'major' },
  },
  {
    id: 'gb35181-composite-any',
    kind: 'composite',
    source: `${STANDARD} Ch. 6 (any composite element, threshold by place type)`,
    description: {
      zh: '人员密集场所、多业态混合场所、易燃易爆危险品场所存在4项及以上，其他场所存在6项及以上综合判定要素',
      en: '4 or more composite elements in crowded, mixed-use or hazardous-goods places; 6 or more elsewhere',
    },
    elements: FIRE_COMPOSITE_ELEMENTS,
    // The catch-all comes last and asks the most, so first-match and most-specific readings agree.
    thresholds: [
      { placeTypes: [...CROWDED, ...HAZMAT_PLACE_TYPES], atLeast: 4 },
      { placeTypes: [], atLeast: 6 },
    ],
    outcome: { severity: 'major' },
  },
];

/**
 * Each 2025 rule is in force from 2025-11-01; the imminent-danger rules (《消防监督检查规定》
 * Art. 22, `fire-imminent-rules.ts`) have no dates.
 */
const from2025 = (rules: SeverityRuleInput[]) => rules.map((rule) => ({ ...rule, validFrom: GB35181_2025_VALID_FROM }));

export const fireSeverityRules: SeverityRuleInput[] = [
  ...fire2017SeverityRules,
  ...from2025(directRules),
  ...from2025(compositeRules),
  ...fireImminentRules,
];
