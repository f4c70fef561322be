import type { Actor, PolicyPack, Site } from '@hazardflow/core';
import { buildingPack } from '@hazardflow/policy-building';
import { firePack } from '@hazardflow/policy-fire';
import { specialEquipmentPack } from '@hazardflow/policy-special-equipment';
import { trafficPack } from '@hazardflow/policy-traffic';
import { createRandom, type Random } from './random';

/** How a responsible party treats a rectification notice. */
export type Discipline = 'prompt' | 'late' | 'never';

/** The enterprise, owner or operator who must rectify (企业主体责任). */
export interface Party {
  id: string;
  name: string;
  discipline: Discipline;
  /** The person who acts for the party; `org` is the party id, as jurisdiction requires. */
  actor: Actor;
  /** Its principal person (主要负责人), on the report and at an admonition talk (约谈). */
  principal: { name: string; title: string };
}

export interface Street {
  id: string;
  name: string;
  zh: string;
  /** The street's grid workers (网格员): territory actors of this street. */
  gridWorkers: Actor[];
  /** Relative weight of each pack's hazards here: an old town has more dangerous houses. */
  packWeights: Record<PackId, number>;
  /** Relative number of hazards found here. */
  size: number;
}

export type PackId = 'fire' | 'building' | 'traffic' | 'special-equipment';

export interface DistrictSite {
  site: Site;
  pack: PackId;
  party: Party;
}

/** A department that regulates one pack's hazards, with its inspectors. */
export interface Department {
  pack: PolicyPack;
  /** The pack's regulator id: the org of every inspector. */
  id: string;
  name: string;
  inspectors: Actor[];
}

export interface District {
  streets: Street[];
  departments: Record<PackId, Department>;
  /** The district safety committee office (区安委办). */
  commandOffice: Actor;
  sites: DistrictSite[];
  /** Sites by street and pack, for drawing where a hazard is found. */
  sitesOf(street: string, pack: PackId): DistrictSite[];
  street(id: string): Street;
}

export const PACKS: Record<PackId, PolicyPack> = {
  fire: firePack,
  building: buildingPack,
  traffic: trafficPack,
  'special-equipment': specialEquipmentPack,
};

const STREETS: readonly Omit<Street, 'gridWorkers'>[] = [
  {
    id: 'street-xinhua',
    name: 'Xinhua',
    zh: '新华街道',
    packWeights: { fire: 5, building: 2, traffic: 2, 'special-equipment': 2 },
    size: 1.3,
  },
  {
    id: 'street-heping',
    name: 'Heping',
    zh: '和平街道',
    packWeights: { fire: 4, building: 4, traffic: 1, 'special-equipment': 1.5 },
    size: 1.1,
  },
  {
    id: 'street-laocheng',
    name: 'Laocheng',
    zh: '老城街道',
    packWeights: { fire: 3, building: 6, traffic: 1, 'special-equipment': 2 },
    size: 1.2,
  },
  {
    id: 'street-jianshe',
    name: 'Jianshe',
    zh: '建设街道',
    packWeights: { fire: 5, building: 2, traffic: 3, 'special-equipment': 1.5 },
    size: 1,
  },
  {
    id: 'street-binhe',
    name: 'Binhe',
    zh: '滨河街道',
    packWeights: { fire: 3, building: 2, traffic: 4, 'special-equipment': 1 },
    size: 0.9,
  },
  {
    id: 'street-gongye',
    name: 'Gongye',
    zh: '工业园街道',
    packWeights: { fire: 6, building: 1, traffic: 3, 'special-equipment': 4 },
    size: 1,
  },
  {
    id: 'street-nanyuan',
    name: 'Nanyuan',
    zh: '南苑街道',
    packWeights: { fire: 4, building: 3, traffic: 2, 'special-equipment': 1.5 },
    size: 0.8,
  },
  {
    id: 'street-xishan',
    name: 'Xishan',
    zh: '西山镇',
    packWeights: { fire: 2, building: 3, traffic: 5, 'special-equipment': 2 },
    size: 0.7,
  },
];

/** How disciplined each street's parties are: the share of prompt, late and never. */
const DISCIPLINE_BY_STREET: Record<string, readonly (readonly [Discipline, number])[]> = {
  'street-laocheng': [
    ['prompt', 0.45],
    ['late', 0.38],
    ['never', 0.17],
  ],
  'street-gongye': [
    ['prompt', 0.55],
    ['late', 0.33],
    ['never', 0.12],
  ],
  'street-xishan': [
    ['prompt', 0.5],
    ['late', 0.35],
    ['never', 0.15],
  ],
};
const DEFAULT_DISCIPLINE: readonly (readonly [Discipline, number])[] = [
  ['prompt', 0.66],
  ['late', 0.26],
  ['never', 0.08],
];

/** Place types each pack's sites are drawn from, with how common they are. */
const PLACE_TYPES: Record<PackId, readonly (readonly [string, number])[]> = {
  fire: [
    ['high-rise-residential', 6],
    ['residential', 6],
    ['shop-market', 4],
    ['public-entertainment', 2],
    ['hotel', 2],
    ['mixed-use', 3],
    ['labour-intensive', 2],
    ['factory-warehouse', 3],
    ['office', 3],
    ['school', 1],
    ['elderly-care', 1],
    ['hazmat-site', 1],
  ],
  building: [
    ['self-built-house', 5],
    ['residential', 5],
    ['commercial', 2],
    ['public-building', 1],
    ['industrial', 2],
  ],
  traffic: [
    ['urban-road', 5],
    ['rural-road', 3],
    ['trunk-road', 2],
    ['expressway', 1],
    ['transport-enterprise', 2],
    ['school', 1],
  ],
  // Lifts in housing estates and the factories' boilers, vessels, cranes and forklifts dominate.
  'special-equipment': [
    ['residential-block', 6],
    ['factory', 6],
    ['shopping-centre', 3],
    ['restaurant', 3],
    ['school', 1],
    ['hospital', 1],
    ['construction-site', 1],
    ['amusement-park', 1],
    ['scenic-area', 1],
    ['filling-station', 1],
  ],
};

const SITES_PER_STREET: Record<PackId, number> = { fire: 30, building: 20, traffic: 12, 'special-equipment': 15 };
const INSPECTORS: Record<PackId, number> = { fire: 6, building: 4, traffic: 4, 'special-equipment': 4 };
const CROWDED = new Set([
  'public-entertainment',
  'shop-market',
  'hotel',
  'hospital',
  'school',
  'child-activity',
  'elderly-care',
  'labour-intensive',
]);

/**
 * Builds the district from a seed: eight streets with two grid workers each, the four
 * departments whose ids are the shipped packs' regulator ids, the command office, and the
 * sites with their responsible parties. One in six parties runs two sites (a property company).
 */
export function createDistrict(seed: number): District {
  const random = createRandom(seed, 1);
  const streets: Street[] = STREETS.map((street) => ({
    ...street,
    gridWorkers: [1, 2].map((n) => ({ id: `grid-${street.id.slice(7)}-${n}`, role: 'territory', org: street.id })),
  }));
  const departments = Object.fromEntries(
    (Object.keys(PACKS) as PackId[]).map((packId) => {
      const pack = PACKS[packId];
      const inspectors: Actor[] = Array.from({ length: INSPECTORS[packId] }, (_, i) => ({
        id: `${pack.regulator.id}-inspector-${i + 1}`,
        role: 'regulator',
        org: pack.regulator.id,
      }));
      return [packId, { pack, id: pack.regulator.id, name: pack.regulator.name.en, inspectors }];
    }),
  ) as Record<PackId, Department>;

  const sites: DistrictSite[] = [];
  let partyCount = 0;
  const newParty = (street: Street): Party => {
    partyCount += 1;
    const id = `party-${String(partyCount).padStart(4, '0')}`;
    const discipline = random.weighted(DISCIPLINE_BY_STREET[street.id] ?? DEFAULT_DISCIPLINE);
    return {
      id,
      name: `${street.name} enterprise ${partyCount}`,
      discipline,
      actor: { id: `${id}-manager`, role: 'responsible', org: id },
      principal: { name: `Principal of ${street.name} enterprise ${partyCount}`, title: '法定代表人' },
    };
  };
  for (const street of streets) {
    for (const packId of Object.keys(PACKS) as PackId[]) {
      let previousParty: Party | undefined;
      for (let n = 1; n <= SITES_PER_STREET[packId]; n++) {
        const placeType = random.weighted(PLACE_TYPES[packId]);
        const party = previousParty && random.chance(1 / 6) ? previousParty : newParty(street);
        previousParty = party;
        sites.push({
          pack: packId,
          party,
          site: {
            id: `${street.id.slice(7)}-${packId}-${String(n).padStart(2, '0')}`,
            name: `${street.name} ${placeType.replaceAll('-', ' ')} ${n}`,
            placeType,
            territory: street.id,
            attributes: siteAttributes(packId, placeType, random),
          },
        });
      }
    }
  }
  const index = new Map<string, DistrictSite[]>();
  for (const entry of sites) {
    const key = `${entry.site.territory}/${entry.pack}`;
    index.set(key, [...(index.get(key) ?? []), entry]);
  }
  const byId = new Map(streets.map((s) => [s.id, s]));
  return {
    streets,
    departments,
    commandOffice: { id: 'safety-office-director', role: 'command' },
    sites,
    sitesOf: (street, pack) => index.get(`${street}/${pack}`) ?? [],
    street: (id) => {
      const street = byId.get(id);
      if (!street) throw new RangeError(`no street "${id}"`);
      return street;
    },
  };
}

/** What the site register records: crowded-place flags, storeys and occupants of houses. */
function siteAttributes(pack: PackId, placeType: string, random: Random): Record<string, string | number | boolean> {
  if (pack === 'fire') return { crowdedPlace: CROWDED.has(placeType) };
  if (pack === 'building') {
    const storeys =
      placeType === 'self-built-house'
        ? random.weighted([
            [2, 6],
            [3, 2],
            [4, 1],
          ] as const)
        : 6;
    return { storeys, occupants: random.int(2, placeType === 'self-built-house' ? 12 : 200) };
  }
  return {};
}
