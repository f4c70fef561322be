import type { PolicyPackInput } from '@hazardflow/core';

/**
 * Windows of raised fire risk. Both halve the rectification deadlines of general hazards
 * (`deadlineFactor: 0.5`) [default]; a 1-day limit stays 1 day.
 *
 * - Autumn and winter (冬春火灾防控, 1 November to 31 March): heating, electric blankets,
 *   dry weather, the season fire brigades run their annual winter-spring campaign.
 * - The two big holidays: National Day (from 20 September, the week of pre-holiday checks, to
 *   8 October) and the Spring Festival, from the start of the Spring Festival travel rush
 *   (春运, 15 days before the lunar New Year) to the Lantern Festival (元宵节). The lunar dates move,
 *   so the Spring Festival windows are written for 2025, 2026 and 2027 (2027 estimated from the
 *   lunar calendar); add a window each year.
 *
 * Where windows overlap (the Spring Festival lies inside autumn-winter) the smallest factor
 * applies once; factors do not compound (core's `effectiveDeadline`).
 *
 * No season sets the grade (`season_sets_grade`): a major fire hazard is a legal category
 * decided by GB 35181-2025, so seasons only shorten deadlines. E-bikes charging in stairwells
 * stay general during the holidays: GB 35181-2025 §4.2 does not grade as major what can be
 * corrected on the spot.
 */
export const fireSeasons: PolicyPackInput['seasons'] = [
  {
    id: 'autumn-winter',
    name: { zh: '冬春火灾防控期', en: 'Autumn and winter fire season' },
    windows: [{ from: '11-01', to: '03-31' }],
    deadlineFactor: 0.5,
    source: 'Annual winter-spring fire prevention campaign (冬春火灾防控); factor [default]',
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
