import type { Scalar } from '@hazardflow/core';
import { type DistrictSite, PACKS, type PackId } from './district';
import type { Random } from './random';

/** One kind of hazard inspectors find: a pack category, how common it is, and what is recorded. */
export interface HazardKind {
  category: string;
  weight: number;
  description: string;
  /** Findings recorded with the report; some trip the pack's severity rules (major, imminent). */
  findings?: (random: Random) => Record<string, Scalar>;
}

/**
 * What a district's campaign finds, per pack. Weights are the simulation's choice; the
 * findings that make a hazard major or an imminent danger are the packs' own severity
 * rules (GB 35181-2025, JGJ 125-2016, the black-spot and key-vehicle rules, GB 45067-2024),
 * drawn rarely.
 */
export const HAZARD_KINDS: Record<PackId, readonly HazardKind[]> = {
  fire: [
    {
      category: 'ebike-corridor',
      weight: 14,
      description: 'E-bikes parked and charging on the stair landing',
      findings: (r) => ({ ebikesCharging: r.int(1, 6) }),
    },
    {
      category: 'exits-blocked',
      weight: 10,
      description: 'Escape route blocked by stored goods',
      findings: (r) => (r.chance(0.08) ? { exitsLockedWhileOccupied: true } : {}),
    },
    {
      category: 'fire-systems-disabled',
      weight: 10,
      description: 'Hydrant cabinet empty, alarm panel switched off',
      // 《消防监督检查规定》 Art. 22(2): systems so damaged they no longer work, to be sealed at once
      findings: (r) => (r.chance(0.05) ? { fireSystemsNonFunctional: true } : {}),
    },
    {
      category: 'three-in-one',
      weight: 6,
      description: 'Workshop with workers sleeping on the mezzanine',
      findings: (r) => (r.chance(0.06) ? { hazmatWithLivingQuarters: true } : {}),
    },
    // Stopped on the spot, not sealed: hot work is not on the temporary-seal list (Art. 22).
    { category: 'hot-work', weight: 5, description: 'Welding without a hot-work permit' },
    {
      category: 'flammables-crowded-place',
      weight: 0.6,
      description: 'Gas cylinders stored behind the shop counter',
      findings: () => ({ hazmatInCrowdedPlace: true }),
    },
    {
      category: 'combustible-decoration',
      weight: 3,
      description: 'Foam panels on the ceiling of the hall',
      // Art. 22(4): in a public gathering place, where it could cause mass casualties
      findings: (r) => (r.chance(0.1) ? { massCasualtyRisk: true } : {}),
    },
    { category: 'escape-window-obstruction', weight: 3, description: 'Window bars and a billboard over the windows' },
    { category: 'fire-lane-blocked', weight: 8, description: 'Cars and a kiosk parked in the fire lane' },
  ],
  building: [
    {
      category: 'b-grade',
      weight: 25,
      description: 'Cracked balcony slab and rusted railings',
      findings: () => ({ grade: 'B' }),
    },
    { category: 'home-converted-to-business', weight: 18, description: 'Flat turned into a crowded rental' },
    {
      category: 'structural-alteration',
      weight: 18,
      description: 'Wall removed during a shop fit-out',
      findings: (r) => (r.chance(0.03) ? { loadBearingAltered: true } : r.chance(0.01) ? { storeysAdded: 1 } : {}),
    },
    {
      category: 'self-built-house-unappraised',
      weight: 4,
      description: 'Guest house in a self-built house, no appraisal',
    },
    {
      category: 'visible-cracks',
      weight: 2.5,
      description: 'Diagonal cracks in the ground-floor wall',
      findings: (r) => (r.chance(0.15) ? { cracksWidening: true } : {}),
    },
    { category: 'c-grade', weight: 1.2, description: 'Appraised C: local danger', findings: () => ({ grade: 'C' }) },
    {
      category: 'd-grade',
      weight: 0.5,
      description: 'Appraised D: whole building dangerous',
      findings: () => ({ grade: 'D' }),
    },
  ],
  traffic: [
    { category: 'missing-signs', weight: 25, description: 'Worn lane markings and a missing give-way sign' },
    { category: 'junction-sight-lines', weight: 18, description: 'Hedge blocks the view at the junction' },
    { category: 'unmarked-work-zone', weight: 14, description: 'Trench dug without cones or lights' },
    {
      category: 'roadside-protection',
      weight: 14,
      description: 'No barrier along the river embankment',
      findings: (r) => (r.chance(0.06) ? { barrierBreached: true } : {}),
    },
    {
      category: 'black-spot',
      weight: 8,
      description: 'Repeated crashes at the bend',
      findings: (r) =>
        r.chance(0.12)
          ? { fatalCrashes3y: r.int(3, 5), sectionLengthKm: 0.8 }
          : { fatalCrashes3y: r.int(0, 2), sectionLengthKm: 1 },
    },
    {
      category: 'key-vehicle-overdue-inspection',
      weight: 10,
      description: 'Vehicle overdue for its safety inspection',
      findings: (r) => ({
        vehicleClass: r.weighted([
          ['heavy_truck', 6],
          ['dump_truck', 3],
          ['coach', 0.5],
          ['school_bus', 0.2],
        ] as const),
        inspectionOverdueDays: r.int(5, 120),
      }),
    },
    {
      category: 'fog-ice-section',
      weight: 2.5,
      description: 'Section prone to fog on winter mornings',
      findings: (r) => (r.chance(0.1) ? { weatherWarning: 'orange' } : {}),
    },
  ],
  // Market supervision: lifts and cylinders past their inspection are the bulk; a bypassed
  // safety device (GB 45067-2024) is rare and makes the case major at once.
  'special-equipment': [
    {
      category: 'lift',
      weight: 10,
      description: 'Lift past its periodic inspection date, still running',
      findings: (r) => ({ inspectionOverdueDays: r.int(3, 90) }),
    },
    { category: 'lift', weight: 10, description: 'Maintenance records incomplete, car emergency phone dead' },
    {
      category: 'lift',
      weight: 0.4,
      description: 'Door-lock circuit shorted with a jumper wire',
      findings: () => ({ doorLockCircuitBypassed: true }),
    },
    { category: 'boiler', weight: 4, description: 'Boiler water treatment and daily records missing' },
    {
      category: 'boiler',
      weight: 0.5,
      description: 'Boiler safety valve wired shut',
      findings: () => ({ safetyValveDisabled: true }),
    },
    { category: 'pressure-vessel', weight: 3.5, description: 'Air receiver overdue for its periodic inspection' },
    {
      category: 'pressure-vessel',
      weight: 1,
      description: 'Air receiver in use without use registration',
      findings: () => ({ unregistered: true }),
    },
    {
      category: 'pressure-vessel',
      weight: 0.5,
      description: 'Safety valve of the air receiver seized',
      findings: () => ({ safetyDevicesDisabled: true }),
    },
    {
      category: 'gas-cylinder',
      weight: 8,
      description: 'LPG cylinders past their inspection date',
      findings: (r) => ({ inspectionOverdueDays: r.int(10, 400) }),
    },
    {
      category: 'gas-cylinder',
      weight: 0.5,
      description: 'Leaking cylinder valve',
      findings: () => ({ cylinderValveOrReliefFailed: true }),
    },
    { category: 'cylinder-filling', weight: 2, description: 'Cylinders past their inspection date being filled' },
    {
      category: 'cylinder-filling',
      weight: 0.3,
      description: 'Filling without a filling licence',
      findings: () => ({ fillingWithoutLicence: true }),
    },
    { category: 'pressure-piping', weight: 2, description: 'Steam line overdue for inspection records' },
    { category: 'crane', weight: 3, description: 'Overhead crane limit switch worn' },
    {
      category: 'crane',
      weight: 0.5,
      description: 'Crane load limiter disconnected',
      findings: () => ({ loadLimiterFailed: true }),
    },
    { category: 'passenger-ropeway', weight: 0.5, description: 'Daily trial run of the ropeway not recorded' },
    { category: 'amusement-ride', weight: 1, description: 'Daily safety checks of the ride not recorded' },
    {
      category: 'amusement-ride',
      weight: 0.2,
      description: 'Lap bar of one row missing, ride still running',
      findings: () => ({ restraintsMissing: true }),
    },
    { category: 'in-plant-vehicle', weight: 5, description: 'Forklift without its registration plate' },
    {
      category: 'uncertified-operator',
      weight: 6,
      description: 'Forklift driver without an operator certificate',
      findings: () => ({ equipment: 'forklift' }),
    },
  ],
};

/** A hazard kind that fits the site: a category limited to some place types fits only them. */
export function pickHazardKind(site: DistrictSite, random: Random): HazardKind {
  const pack = PACKS[site.pack];
  const fits = HAZARD_KINDS[site.pack].filter((kind) => {
    const placeTypes = pack.categories.find((c) => c.id === kind.category)?.placeTypes ?? [];
    return placeTypes.length === 0 || (site.site.placeType !== undefined && placeTypes.includes(site.site.placeType));
  });
  return random.weighted(fits.map((kind) => [kind, kind.weight] as const));
}
