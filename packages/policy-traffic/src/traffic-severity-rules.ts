import type { PolicyPackInput } from '@hazardflow/core';

type SeverityRuleInput = PolicyPackInput['severityRules'] extends (infer R)[] | undefined ? R : never;

/** Categories that describe a stretch of road, where crash records apply. */
const ROAD_SECTION_CATEGORIES = [
  'black-spot',
  'roadside-protection',
  'junction-sight-lines',
  'missing-signs',
  'fog-ice-section',
];

/** Vehicle classes whose overdue inspection is a major hazard (DOMAIN.md). */
export const KEY_VEHICLE_CLASSES = ['coach', 'school_bus', 'dangerous_goods'];

/**
 * How a traffic case becomes major or imminent. Findings come from the traffic police's crash
 * records (`findings.fatalCrashes3y`, `findings.sectionLengthKm`), the vehicle register
 * (`findings.vehicleClass`, `findings.inspectionOverdueDays`) and weather warnings
 * (`findings.weatherWarning`: 'yellow' | 'orange' | 'red').
 */
export const trafficSeverityRules: SeverityRuleInput[] = [
  {
    id: 'black-spot-fatal-crashes',
    kind: 'conditions',
    source: '道路交通安全法 Art. 29; black-spot rule [default]: 3+ fatal crashes within 1 km over 3 years',
    description: {
      zh: '1公里范围内3年发生3起及以上死亡事故',
      en: '3 or more fatal crashes within 1 km over 3 years',
    },
    categories: ROAD_SECTION_CATEGORIES,
    all: [
      { field: 'findings.fatalCrashes3y', op: 'gte', value: 3 },
      { field: 'findings.sectionLengthKm', op: 'lte', value: 1 },
    ],
    outcome: { severity: 'major' },
  },
  {
    id: 'key-vehicle-class-overdue',
    kind: 'conditions',
    source: '道路交通安全法 Art. 13; 道路交通安全法实施条例 Art. 16; 《校车安全管理条例》',
    description: {
      zh: '客运车辆、校车、危险货物运输车辆逾期未检验',
      en: 'Coach, school bus or dangerous-goods vehicle overdue for inspection',
    },
    categories: ['key-vehicle-overdue-inspection'],
    all: [
      { field: 'findings.vehicleClass', op: 'in', value: KEY_VEHICLE_CLASSES },
      { field: 'findings.inspectionOverdueDays', op: 'gte', value: 1 },
    ],
    outcome: { severity: 'major' },
  },
  {
    id: 'severe-weather-warning',
    kind: 'conditions',
    source: '道路交通安全法 Art. 39 (限制通行、禁止通行)',
    description: {
      zh: '大雾或道路结冰橙色、红色预警生效：立即管制通行',
      en: 'Orange or red fog or road-ice warning in force: control traffic now',
    },
    categories: ['fog-ice-section'],
    all: [{ field: 'findings.weatherWarning', op: 'in', value: ['orange', 'red'] }],
    outcome: { imminentDanger: true },
  },
  {
    id: 'barrier-breached',
    kind: 'conditions',
    source: '道路交通安全法 Art. 30, 39',
    description: {
      zh: '临崖临水路段护栏被撞毁',
      en: 'Barrier at a cliff or water edge broken through',
    },
    categories: ['roadside-protection'],
    all: [{ field: 'findings.barrierBreached', op: 'truthy' }],
    outcome: { imminentDanger: true },
  },
];
