import type { PolicyPackInput } from '@hazardflow/core';

/**
 * Windows when special equipment carries most people or runs hardest. Each halves the
 * rectification deadline of general hazards of the categories it names (`deadlineFactor: 0.5`)
 * [default]: a priority, never a grade; no season raises a case to major, because GB 45067-2024
 * grades by what is wrong with the equipment, not by the date.
 *
 * - The heating season (供暖季, 15 November to 15 March, the usual northern dates; a city sets
 *   its own): boilers and the piping they feed run day and night.
 * - The summer peak of amusement parks (暑期, July and August).
 * - The holidays: May Day (1–5 May, from 25 April for the pre-holiday checks), National Day
 *   (from 20 September to 8 October) and the Spring Festival (the travel rush to the Lantern
 *   Festival; the lunar dates are written per year for 2025–2027, 2027 estimated). SAMR and the
 *   provincial bureaus run pre-holiday special-equipment checks (节前特种设备安全检查) on rides and
 *   ropeways at these times.
 *
 * Where windows overlap (National Day in the heating season does not; the Spring Festival does)
 * the smallest factor applies once.
 */
export const specialEquipmentSeasons: PolicyPackInput['seasons'] = [
  {
    id: 'heating-season',
    name: { zh: '供暖季', en: 'Heating season' },
    windows: [{ from: '11-15', to: '03-15' }],
    categories: ['boiler', 'pressure-piping'],
    deadlineFactor: 0.5,
    source: 'Heating season of northern cities (供暖期); window and factor [default]',
  },
  {
    id: 'summer-peak',
    name: { zh: '暑期游乐高峰', en: 'Summer peak of amusement parks' },
    windows: [{ from: '07-01', to: '08-31' }],
    categories: ['amusement-ride'],
    deadlineFactor: 0.5,
    source: 'School summer holidays; window and factor [default]',
  },
  {
    id: 'holidays',
    name: { zh: '五一、国庆、春节假日', en: 'May Day, National Day and Spring Festival holidays' },
    windows: [
      { from: '04-25', to: '05-05' },
      { from: '09-20', to: '10-08' },
      { from: '2025-01-14', to: '2025-02-12' },
      { from: '2026-02-02', to: '2026-03-03' },
      { from: '2027-01-22', to: '2027-02-20' },
    ],
    categories: ['passenger-ropeway', 'amusement-ride'],
    deadlineFactor: 0.5,
    source: 'Pre-holiday special-equipment safety checks (节前特种设备安全检查); windows and factor [default]',
  },
];
