import type { Duration, PolicyPackInput } from '@hazardflow/core';
import { OPERATOR_PLACE_TYPES, ROAD_PLACE_TYPES } from './traffic-place-types';

type CategoryInput = PolicyPackInput['categories'][number];

/** Major road hazards need engineering works (design, tender, build): 180 days at most. [default] */
export const TRAFFIC_MAJOR_RECTIFY: Duration = { days: 180 };

function rectify(general: Duration, major: Duration = TRAFFIC_MAJOR_RECTIFY) {
  return { general, major };
}

const ROADS = [...ROAD_PLACE_TYPES];

/**
 * The road-traffic categories of DOMAIN.md. The traffic police find them and, for road
 * sections, report them to the local government (道路交通安全法 Art. 29); the responsible
 * party is the road's owner or maintainer (公路管理机构、城市道路管理部门) or the vehicle's
 * operator. DOMAIN.md's "missing signs, unmarked work zones" is split in two, because the law
 * treats them in different articles and an unmarked work zone is fixed the same day.
 */
export const trafficCategories: CategoryInput[] = [
  {
    id: 'black-spot',
    name: { zh: '道路交通事故多发点段', en: 'Accident black spot' },
    defaultSeverity: 'general',
    placeTypes: ROADS,
    deadlines: { rectify: rectify({ days: 30 }) },
    evidence: {
      report: [
        {
          kind: 'crash-statistics',
          label: { zh: '近三年事故统计（起数、死亡人数、点段位置）', en: 'Crash records of the last three years' },
        },
      ],
    },
    source: '道路交通安全法 Art. 29',
  },
  {
    id: 'roadside-protection',
    name: {
      zh: '临崖临水、急弯陡坡、长下坡路段缺少安全防护设施',
      en: 'Cliff or water edge, sharp bend or long descent without barriers',
    },
    defaultSeverity: 'general',
    placeTypes: ROADS,
    deadlines: { rectify: rectify({ days: 30 }) },
    source: '道路交通安全法 Art. 29; 《关于实施公路安全生命防护工程的意见》 (国办发〔2014〕55号)',
  },
  {
    id: 'junction-sight-lines',
    name: {
      zh: '平交路口未设让行标志或视距不良',
      en: 'Junction without yield signs or with poor sight lines',
    },
    defaultSeverity: 'general',
    placeTypes: ROADS,
    deadlines: { rectify: rectify({ days: 15 }) },
    source: '道路交通安全法 Art. 25, 29; GB 5768.2-2022',
  },
  {
    id: 'missing-signs',
    name: { zh: '交通标志、标线缺失或损毁', en: 'Traffic signs or markings missing or damaged' },
    defaultSeverity: 'general',
    placeTypes: ROADS,
    deadlines: { rectify: rectify({ days: 7 }) },
    source: '道路交通安全法 Art. 30',
  },
  {
    id: 'unmarked-work-zone',
    name: {
      zh: '施工作业区未设置安全警示标志和防护设施',
      en: 'Work zone without warning signs or protection',
    },
    defaultSeverity: 'general',
    placeTypes: ROADS,
    deadlines: { triage: { hours: 24 }, rectify: rectify({ days: 1 }) },
    source: '道路交通安全法 Art. 32; JTG H30-2015 《公路养护安全作业规程》',
  },
  {
    id: 'key-vehicle-overdue-inspection',
    name: {
      zh: '重点车辆逾期未检验',
      en: 'Key vehicle overdue for its safety inspection',
    },
    // Coaches, school buses and dangerous-goods vehicles are major by rule; heavy trucks,
    // dump trucks and other key vehicles stay general.
    defaultSeverity: 'general',
    placeTypes: [...OPERATOR_PLACE_TYPES],
    // Getting a vehicle inspected takes days, not months; its plan is a short one.
    deadlines: { plan: { days: 3 }, rectify: rectify({ days: 7 }, { days: 15 }) },
    evidence: {
      rectification: [
        {
          kind: 'inspection-certificate',
          label: { zh: '机动车安全技术检验合格标志', en: 'Vehicle inspection certificate' },
        },
      ],
    },
    source: '道路交通安全法 Art. 13; 道路交通安全法实施条例 Art. 16; 《校车安全管理条例》',
  },
  {
    id: 'fog-ice-section',
    name: { zh: '团雾、结冰多发路段', en: 'Fog- or ice-prone road section' },
    defaultSeverity: 'general',
    placeTypes: ROADS,
    deadlines: { rectify: rectify({ days: 30 }) },
    source: '道路交通安全法 Art. 29, 39 (限制通行、禁止通行)',
  },
];
