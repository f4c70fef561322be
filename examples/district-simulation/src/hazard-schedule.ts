import type { Actor } from '@hazardflow/core';
import type { District, PackId } from './district';
import { pickHazardKind } from './hazard-catalogue';
import { createRandom } from './random';
import { LAST_SLOT, type SimTime } from './sim-time';
import type { PlannedHazard } from './world';

/** Who finds a pack's hazards: inspectors, grid workers on their rounds, citizens on the 12345 hotline. */
const FINDERS: Record<PackId, readonly (readonly ['regulator' | 'territory' | 'reporter', number])[]> = {
  fire: [
    ['regulator', 45],
    ['territory', 40],
    ['reporter', 15],
  ],
  building: [
    ['regulator', 40],
    ['territory', 50],
    ['reporter', 10],
  ],
  traffic: [
    ['regulator', 70],
    ['territory', 20],
    ['reporter', 10],
  ],
  // Inspectors find most; residents call 12345 or the 96333 lift line about lifts.
  'special-equipment': [
    ['regulator', 60],
    ['territory', 20],
    ['reporter', 20],
  ],
};

/**
 * When and where the campaign finds its hazards. Inspections run on working days; at
 * weekends and over the National Day holiday only grid workers and citizens report, so fewer
 * hazards come in. The pre-holiday checks of late September (节前安全检查) find more.
 * Exactly `count` hazards, spread over the days by weight (largest remainder), in agenda order.
 */
export function planHazards(district: District, time: SimTime, seed: number, count: number): PlannedHazard[] {
  const random = createRandom(seed, 2);
  const weights = Array.from({ length: time.days }, (_, day) => {
    const date = time.dateOf(day).slice(5);
    const preHoliday = date >= '09-20' && date <= '09-30' ? 1.3 : 1;
    return (time.isWorkingDay(day) ? 1 : 0.35) * preHoliday;
  });
  const perDay = apportion(count, weights);
  const streetWeights = district.streets.map((s) => [s, s.size] as const);

  const hazards: PlannedHazard[] = [];
  perDay.forEach((n, day) => {
    const today: PlannedHazard[] = [];
    for (let i = 0; i < n; i++) {
      const street = random.weighted(streetWeights);
      const pack = random.weighted(Object.entries(street.packWeights) as [PackId, number][]);
      const site = random.pick(district.sitesOf(street.id, pack));
      const kind = pickHazardKind(site, random);
      const finderRole = time.isWorkingDay(day)
        ? random.weighted(FINDERS[pack])
        : random.weighted(FINDERS[pack].filter(([role]) => role !== 'regulator'));
      const inspectors = district.departments[pack].inspectors;
      let reporter: Actor;
      let colleague: Actor | undefined;
      if (finderRole === 'regulator') {
        reporter = random.pick(inspectors);
        colleague = random.pick(inspectors.filter((x) => x.id !== reporter.id));
      } else if (finderRole === 'territory') {
        reporter = random.pick(street.gridWorkers);
      } else {
        reporter = { id: `citizen-12345-${hazards.length + today.length + 1}`, role: 'reporter' };
      }
      today.push({
        seq: 0,
        site,
        category: kind.category,
        description: kind.description,
        findings: kind.findings?.(random) ?? {},
        reporter,
        ...(colleague ? { colleague } : {}),
        at: { day, slot: random.int(0, LAST_SLOT) },
      });
    }
    today.sort((a, b) => a.at.slot - b.at.slot);
    for (const hazard of today) hazards.push({ ...hazard, seq: hazards.length + 1 });
  });
  return hazards;
}

/** Splits `total` into whole parts proportional to `weights` (largest remainder method). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}
