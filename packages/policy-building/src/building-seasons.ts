import type { PolicyPackInput } from '@hazardflow/core';

/**
 * Windows of raised building risk; each halves the rectification deadlines of general
 * hazards (`deadlineFactor: 0.5`) [default].
 *
 * - Autumn and winter (1 November to 31 March): snow loads, freeze-thaw, heating in crowded
 *   rentals.
 * - The flood season (汛期, 1 June to 30 September): heavy rain is when old and self-built houses
 *   collapse, and housing bureaus inspect dangerous houses before and during it. Structural
 *   categories only. This window is the pack's addition to DOMAIN.md. [default]
 * - The two big holidays: National Day (20 September to 8 October) and the Spring Festival,
 *   from the start of the travel rush (春运) to the Lantern Festival, written as dated windows
 *   for 2025, 2026 and 2027 (2027 estimated from the lunar calendar); add a window each year.
 *
 * Where windows overlap (the Spring Festival lies inside autumn-winter) the smallest factor
 * applies once; factors do not compound (core's `effectiveDeadline`).
 */
export const buildingSeasons: PolicyPackInput['seasons'] = [
  {
    id: 'autumn-winter',
    name: { zh: '秋冬季', en: 'Autumn and winter' },
    windows: [{ from: '11-01', to: '03-31' }],
    deadlineFactor: 0.5,
    source: 'Autumn and winter raise risk (秋冬季防范); window and factor [default]',
  },
  {
    id: 'flood-season',
    name: { zh: '汛期', en: 'Flood season' },
    windows: [{ from: '06-01', to: '09-30' }],
    categories: ['b-grade', 'self-built-house-unappraised', 'structural-alteration'],
    deadlineFactor: 0.5,
    source: 'Flood-season dangerous-house inspections (汛期房屋安全检查); window and factor [default]',
  },
  {
    id: 'holidays',
    name: { zh: '国庆、春节重大节日期间', en: 'National Day and Spring Festival holidays' },
    windows: [
      { from: '09-20', to: '10-08' },
      { from: '2025-01-14', to: '2025-02-12' },
      { from: '2026-02-02', to: '2026-03-03' },
      { from: '2027-01-22', to: '2027-02-20' },
    ],
    deadlineFactor: 0.5,
    source: 'Pre-holiday safety inspections (节前安全检查); window and factor [default]',
  },
];
