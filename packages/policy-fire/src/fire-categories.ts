import type { Duration, PolicyPackInput } from '@hazardflow/core';
import { CROWDED_PLACE_TYPES, MIXED_USE_PLACE_TYPES } from './fire-place-types';

type CategoryInput = PolicyPackInput['categories'][number];

/** Major fire hazards: the plan sets the real date; 90 days is the outer limit by default. [default] */
export const FIRE_MAJOR_RECTIFY: Duration = { days: 90 };

/** Rectification limits for one category; a category override must name both grades. */
function rectify(general: Duration, major: Duration = FIRE_MAJOR_RECTIFY) {
  return { general, major };
}

/**
 * Complaints about blocked escape routes or disabled fire systems are verified within 24 h
 * (《消防监督检查规定》 complaint handling); all others within the pack's 3 working days.
 */
const URGENT_TRIAGE: Duration = { hours: 24 };

/** Public assembly and other crowded places (人员密集场所, 消防法 Art. 73). */
const CROWDED = [...CROWDED_PLACE_TYPES, ...MIXED_USE_PLACE_TYPES];

/**
 * The nine fire categories of DOMAIN.md, each tied to the clause it breaches. Rectification
 * limits follow the campaign's "on the spot / 7 / 15 / 30 days" scale [default]: what can be
 * moved or switched off today gets 1 day (and may be closed on the spot), repairs get 7–15
 * days, works that need a contractor or materials testing get 30.
 */
export const fireCategories: CategoryInput[] = [
  {
    id: 'exits-blocked',
    name: { zh: '疏散通道、安全出口堵塞或锁闭', en: 'Escape routes or exits blocked or locked' },
    defaultSeverity: 'general',
    deadlines: { triage: URGENT_TRIAGE, rectify: rectify({ days: 1 }) },
    source: '消防法 Art. 28, Art. 60; GB 35181-2025 (exit capacity, locked exits)',
  },
  {
    id: 'fire-systems-disabled',
    name: { zh: '消防设施、器材损坏或擅自停用、拆除', en: 'Fire protection systems disabled or damaged' },
    defaultSeverity: 'general',
    deadlines: { triage: URGENT_TRIAGE, rectify: rectify({ days: 15 }) },
    evidence: {
      rectification: [{ kind: 'test-report', label: { zh: '消防设施检测报告', en: 'Fire system test report' } }],
    },
    source: '消防法 Art. 16, Art. 28; GB 25201-2010; GB 35181-2025 Annex A (systems not operating normally)',
  },
  {
    id: 'ebike-corridor',
    name: {
      zh: '电动自行车在楼道、楼梯间、安全出口违规停放、充电',
      en: 'E-bikes parked or charged in corridors, stairwells or exits',
    },
    defaultSeverity: 'general',
    deadlines: { rectify: rectify({ days: 1 }) },
    source: '《高层民用建筑消防安全管理规定》 (应急管理部令第5号) Art. 37; 消防法 Art. 28',
  },
  {
    id: 'three-in-one',
    name: {
      zh: '"三合一"场所（住宿与生产、储存、经营合用）',
      en: '"Three-in-one" premises: living mixed with production, storage or trade',
    },
    defaultSeverity: 'general',
    deadlines: { rectify: rectify({ days: 30 }) },
    source: '消防法 Art. 19, Art. 61; XF 703-2007; GB 35181-2025 (hazardous goods with living quarters)',
  },
  {
    id: 'hot-work',
    name: { zh: '违规动火作业', en: 'Unpermitted hot work (welding, cutting, open flame)' },
    defaultSeverity: 'general',
    deadlines: { rectify: rectify({ days: 1 }) },
    evidence: {
      rectification: [{ kind: 'hot-work-permit', label: { zh: '动火审批手续', en: 'Hot-work permit' } }],
    },
    source: '消防法 Art. 21',
  },
  {
    id: 'flammables-crowded-place',
    name: {
      zh: '人员密集场所违规使用、储存、销售易燃易爆危险品',
      en: 'Flammable or explosive goods used, stored or sold in a crowded place',
    },
    // GB 35181 judges this directly as a major fire hazard: the category is the direct element.
    defaultSeverity: 'major',
    // It is also item 3 of the temporary-seal list (《消防监督检查规定》 Art. 22): seal at once.
    imminentDanger: true,
    placeTypes: CROWDED,
    deadlines: { rectify: rectify({ days: 1 }, { days: 15 }) },
    source:
      '消防法 Art. 23, Art. 54; GB 35181-2025 Ch. 5 (direct element); 《消防监督检查规定》 Art. 22(3) (temporary seal)',
  },
  {
    id: 'combustible-decoration',
    name: {
      zh: '公众聚集场所使用易燃、可燃材料装修装饰',
      en: 'Combustible decoration in a public assembly place',
    },
    defaultSeverity: 'general',
    placeTypes: CROWDED,
    deadlines: { rectify: rectify({ days: 30 }) },
    evidence: {
      rectification: [
        {
          kind: 'material-test-report',
          label: { zh: '装修材料燃烧性能检验报告', en: 'Fire-performance test report of the materials' },
        },
      ],
    },
    source: '消防法 Art. 26; GB 50222-2017',
  },
  {
    id: 'escape-window-obstruction',
    name: {
      zh: '门窗设置防盗网、广告牌等影响逃生和灭火救援的障碍物',
      en: 'Window bars or billboards blocking escape and rescue',
    },
    defaultSeverity: 'general',
    placeTypes: CROWDED,
    deadlines: { rectify: rectify({ days: 7 }) },
    source: '消防法 Art. 28 (人员密集场所的门窗不得设置影响逃生和灭火救援的障碍物)',
  },
  {
    id: 'fire-lane-blocked',
    name: { zh: '消防车通道被占用、堵塞、封闭', en: 'Fire lane occupied, blocked or closed' },
    defaultSeverity: 'general',
    deadlines: { rectify: rectify({ days: 1 }) },
    source: '消防法 Art. 28, Art. 60 (强制清除或者拖离)',
  },
];
