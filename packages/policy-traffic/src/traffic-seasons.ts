import type { PolicyPackInput } from '@hazardflow/core';

/**
 * Windows of raised road risk [default].
 *
 * - Autumn and winter (1 November to 31 March) halves the rectification deadlines of general
 *   hazards, and quarters those of fog- and ice-prone sections: in that season their
 *   countermeasures (fog guidance lights, de-icing stock, closure plans) cannot wait. The
 *   season does not grade them major (`season_sets_grade`): a major hazard is a legal category
 *   decided by the grading rules and confirmed by people, not by the calendar; a red or orange
 *   weather warning still marks an imminent danger (道路交通安全法 Art. 39).
 * - The two big holidays halve deadlines too: National Day (20 September to 8 October) and
 *   the Spring Festival travel rush (春运, 40 days from 15 days before the lunar New Year), written
 *   as dated windows for 2025, 2026 and 2027 (2027 estimated from the lunar calendar); add a
 *   window each year.
 *
 * Where windows overlap (the Spring Festival lies inside autumn-winter) the smallest factor
 * applies once; factors do not compound (core's `effectiveDeadline`).
 */
export const trafficSeasons: PolicyPackInput['seasons'] = [
  {
    id: 'autumn-winter',
    name: { zh: '秋冬季', en: 'Autumn and winter' },
    windows: [{ from: '11-01', to: '03-31' }],
    deadlineFactor: 0.5,
    source: 'Autumn and winter raise risk (秋冬季防范); window and factor [default]',
  },
  {
    id: 'fog-ice-season',
    name: { zh: '冬季团雾、冰雪路段', en: 'Winter fog and ice' },
    windows: [{ from: '11-01', to: '03-31' }],
    categories: ['fog-ice-section'],
    deadlineFactor: 0.25,
    source: 'Winter road safety: fog and ice sections (冬季团雾、冰雪路段管控); factor [default]',
  },
  {
    id: 'holidays',
    name: { zh: '国庆、春运重大节日期间', en: 'National Day and Spring Festival travel rush' },
    windows: [
      { from: '09-20', to: '10-08' },
      { from: '2025-01-14', to: '2025-02-22' },
      { from: '2026-02-02', to: '2026-03-13' },
      { from: '2027-01-22', to: '2027-03-02' },
    ],
    deadlineFactor: 0.5,
    source: 'Holiday and Spring Festival travel-rush safety (节前安全检查、春运安全); window and factor [default]',
  },
];
