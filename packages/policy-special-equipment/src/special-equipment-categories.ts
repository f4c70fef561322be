import type { Duration, PolicyPackInput } from '@hazardflow/core';

type CategoryInput = PolicyPackInput['categories'][number];

/** Major special-equipment hazards: the equipment stays out of use; the plan sets the real date. [default] */
export const SE_MAJOR_RECTIFY: Duration = { days: 30 };

function rectify(general: Duration, major: Duration = SE_MAJOR_RECTIFY) {
  return { general, major };
}

/**
 * Trapped passengers (困人, reported through the 96333 lift emergency line) and complaints about
 * rides and ropeways carrying the public are verified within 24 hours [default].
 */
const URGENT_TRIAGE: Duration = { hours: 24 };

/** The inspection body's report (检验报告) with a conclusion that allows use again. */
const INSPECTION_REPORT = {
  kind: 'inspection-report',
  label: { zh: '特种设备检验机构出具的检验报告（结论合格）', en: 'Inspection report of the inspection body, passed' },
};

/**
 * Where lifts and certified operators are this bureau's business: everywhere but a construction
 * site, whose hoists and their operators (建筑施工特种作业人员) the housing and construction
 * department supervises (Art. 100).
 */
const NOT_ON_SITE = [
  'residential-block',
  'shopping-centre',
  'school',
  'hospital',
  'restaurant',
  'factory',
  'amusement-park',
  'scenic-area',
  'filling-station',
];

/** Equipment kinds: every category but the operator and filling-station ones. */
export const EQUIPMENT_CATEGORIES = [
  'lift',
  'boiler',
  'pressure-vessel',
  'gas-cylinder',
  'pressure-piping',
  'crane',
  'passenger-ropeway',
  'amusement-ride',
  'in-plant-vehicle',
];

/**
 * The eight kinds of special equipment of 特种设备安全法 Art. 2 (gas cylinders, counted among
 * pressure vessels there, get their own category because they are found somewhere else: in
 * restaurants and homes rather than plant rooms), cylinder filling, and operators without
 * certificates. Rectification limits are the pack's [default]: what needs an inspection body's
 * visit gets 15 days, registration 30 days (the Law's own registration window, Art. 33),
 * cylinders and passenger-carrying rides 7 days because they go out of use meanwhile.
 */
export const specialEquipmentCategories: CategoryInput[] = [
  {
    id: 'lift',
    name: { zh: '电梯（乘客与载货电梯、自动扶梯、自动人行道）', en: 'Lifts, escalators and moving walks' },
    defaultSeverity: 'general',
    placeTypes: NOT_ON_SITE,
    deadlines: { triage: URGENT_TRIAGE, rectify: rectify({ days: 15 }) },
    evidence: {
      rectification: [
        INSPECTION_REPORT,
        { kind: 'maintenance-record', label: { zh: '电梯维护保养记录', en: 'Lift maintenance record (维保记录)' } },
      ],
    },
    source: '特种设备安全法 Art. 40, 42, 45; TSG T7001 periodic inspection',
  },
  {
    id: 'boiler',
    name: { zh: '锅炉', en: 'Boilers' },
    defaultSeverity: 'general',
    deadlines: { rectify: rectify({ days: 15 }) },
    evidence: { rectification: [INSPECTION_REPORT] },
    source: '特种设备安全法 Art. 40, 44; GB 45067-2024 5.2',
  },
  {
    id: 'pressure-vessel',
    name: { zh: '压力容器（固定式、移动式、氧舱）', en: 'Pressure vessels (fixed, mobile, oxygen chambers)' },
    defaultSeverity: 'general',
    deadlines: { rectify: rectify({ days: 30 }) },
    evidence: {
      rectification: [
        INSPECTION_REPORT,
        {
          kind: 'registration-certificate',
          label: { zh: '特种设备使用登记证', en: 'Use registration certificate (使用登记证)' },
        },
      ],
    },
    source: '特种设备安全法 Art. 33, 40; GB 45067-2024 5.3',
  },
  {
    id: 'gas-cylinder',
    name: { zh: '气瓶（液化石油气钢瓶、工业气瓶）', en: 'Gas cylinders (LPG, industrial gases)' },
    defaultSeverity: 'general',
    deadlines: { rectify: rectify({ days: 7 }, { days: 15 }) },
    evidence: { rectification: [INSPECTION_REPORT] },
    source: '特种设备安全法 Art. 2 (气瓶 among pressure vessels), Art. 40; GB 45067-2024 5.3.6',
  },
  {
    id: 'cylinder-filling',
    name: { zh: '气瓶充装（充装站、移动式压力容器充装）', en: 'Gas cylinder filling (filling stations)' },
    defaultSeverity: 'general',
    placeTypes: ['filling-station'],
    deadlines: { rectify: rectify({ days: 7 }) },
    evidence: {
      rectification: [{ kind: 'filling-record', label: { zh: '气瓶充装记录', en: 'Cylinder filling record' } }],
    },
    source: '特种设备安全法 Art. 49; GB 45067-2024 5.5',
  },
  {
    id: 'pressure-piping',
    name: { zh: '压力管道', en: 'Pressure piping' },
    defaultSeverity: 'general',
    placeTypes: ['factory', 'hospital', 'school', 'shopping-centre', 'filling-station'],
    deadlines: { rectify: rectify({ days: 30 }) },
    evidence: { rectification: [INSPECTION_REPORT] },
    source: '特种设备安全法 Art. 40; GB 45067-2024 5.4',
  },
  {
    id: 'crane',
    name: { zh: '起重机械', en: 'Cranes and lifting machinery' },
    defaultSeverity: 'general',
    // Not construction sites: Art. 100 leaves site cranes to the housing and construction department.
    placeTypes: ['factory', 'filling-station', 'shopping-centre'],
    deadlines: { rectify: rectify({ days: 15 }) },
    evidence: { rectification: [INSPECTION_REPORT] },
    source: '特种设备安全法 Art. 40, 100; GB 45067-2024 5.7',
  },
  {
    id: 'passenger-ropeway',
    name: { zh: '客运索道', en: 'Passenger ropeways' },
    defaultSeverity: 'general',
    placeTypes: ['scenic-area', 'amusement-park'],
    deadlines: { triage: URGENT_TRIAGE, rectify: rectify({ days: 7 }) },
    evidence: { rectification: [INSPECTION_REPORT] },
    source: '特种设备安全法 Art. 40, 43; GB 45067-2024 5.8',
  },
  {
    id: 'amusement-ride',
    name: { zh: '大型游乐设施', en: 'Large amusement rides' },
    defaultSeverity: 'general',
    placeTypes: ['amusement-park', 'shopping-centre', 'scenic-area'],
    deadlines: { triage: URGENT_TRIAGE, rectify: rectify({ days: 7 }) },
    evidence: { rectification: [INSPECTION_REPORT] },
    source: '特种设备安全法 Art. 40, 43; GB 45067-2024 5.9',
  },
  {
    id: 'in-plant-vehicle',
    name: { zh: '场（厂）内专用机动车辆（叉车、观光车）', en: 'In-plant motor vehicles (forklifts, sightseeing cars)' },
    defaultSeverity: 'general',
    // Not construction sites: Art. 100, as for cranes.
    placeTypes: ['factory', 'scenic-area', 'amusement-park', 'filling-station'],
    deadlines: { rectify: rectify({ days: 15 }) },
    evidence: { rectification: [INSPECTION_REPORT] },
    source: '特种设备安全法 Art. 40, 100',
  },
  {
    id: 'uncertified-operator',
    name: {
      zh: '特种设备作业人员未取得相应资格',
      en: 'Operator without the required special-equipment certificate',
    },
    defaultSeverity: 'general',
    placeTypes: NOT_ON_SITE,
    deadlines: { rectify: rectify({ days: 7 }) },
    evidence: {
      rectification: [
        {
          kind: 'operator-certificate',
          label: { zh: '特种设备安全管理和作业人员证', en: 'Special-equipment operator certificate' },
        },
      ],
    },
    source: '特种设备安全法 Art. 14, 86 (责令限期改正; 逾期未改正的，责令停止使用)',
  },
];
