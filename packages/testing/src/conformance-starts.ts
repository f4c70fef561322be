import type { Actor, HazardInput, HazardModel, PolicyPack, Scalar, Site } from '@hazardflow/core';
import { reportEvidence } from './pack-commands';

/** One case a conformance run starts from: a category at a site, maybe one that an override matches. */
export interface ConformanceStart {
  /** e.g. `exits_blocked` or `exits_blocked @ override hospitals`. */
  readonly label: string;
  readonly input: HazardInput;
  /** The effective policy of the case (the pack with the overrides its site matches). */
  readonly policy: PolicyPack;
}

const DEFAULT_TERRITORY = 'conformance-street';
const DEFAULT_PARTY = 'conformance-party';

/**
 * One case per category, plus one per site override (at a site the override matches, with
 * the first category the site's place type allows) and one per unregulated place type, each
 * reported by an inspector of the pack's regulator with the evidence the report step asks for;
 * each of the pack's parties is named on it (`conformance-<party>`), so their actors are explored as well.
 */
export function conformanceStarts(pack: PolicyPack, model: HazardModel, at: string): ConformanceStart[] {
  const runtime = model;
  const starts: ConformanceStart[] = [];
  const add = (label: string, category: PolicyPack['categories'][number], site: Site) => {
    const policy = runtime.policyForSite(site);
    const reporter: Actor = { id: 'regulator-1', role: 'regulator', org: pack.regulator.id };
    starts.push({
      label,
      policy,
      input: {
        caseId: `conformance-${starts.length + 1}`,
        at,
        reportedBy: reporter,
        report: {
          category: category.id,
          site,
          responsible: { id: DEFAULT_PARTY, name: 'Conformance Co.' },
          regulator: pack.regulator.id,
          // Every party the pack declares has an org on the case, so its actors are explored too.
          ...(pack.parties !== undefined && Object.keys(pack.parties).length > 0
            ? { parties: Object.fromEntries(Object.keys(pack.parties).map((id) => [id, `conformance-${id}`])) }
            : {}),
          description: `conformance case: ${category.name.en}`,
          findings: {},
          evidence: reportEvidence(policy, category.id, reporter, at),
        },
      },
    });
  };

  for (const category of pack.categories) {
    add(category.id, category, siteFor(pack, category.placeTypes[0], {}, DEFAULT_TERRITORY, 'conformance-site'));
  }
  for (const override of pack.overrides) {
    const { match } = override;
    const attributes: Record<string, Scalar> = { ...(match.siteAttributes ?? {}) };
    const site = siteFor(
      pack,
      undefined,
      attributes,
      match.territories?.[0] ?? DEFAULT_TERRITORY,
      match.sites?.[0] ?? `conformance-site-${override.id}`,
    );
    const category =
      pack.categories.find((c) => c.placeTypes.length === 0) ??
      (pack.categories[0] as PolicyPack['categories'][number]);
    const placed = category.placeTypes[0] !== undefined ? { ...site, placeType: category.placeTypes[0] } : site;
    add(`${category.id} @ override ${override.id}`, category, placed);
  }
  // A case nobody regulates (监管盲区) per unregulated place type, so ASSIGN_DEPARTMENT is explored.
  for (const placeType of pack.unregulatedPlaceTypes ?? []) {
    const category =
      pack.categories.find((c) => c.placeTypes.includes(placeType)) ??
      pack.categories.find((c) => c.placeTypes.length === 0) ??
      (pack.categories[0] as PolicyPack['categories'][number]);
    add(
      `${category.id} @ unregulated ${placeType}`,
      category,
      siteFor(pack, placeType, {}, DEFAULT_TERRITORY, `conformance-site-${placeType}`),
    );
  }
  return starts;
}

function siteFor(
  pack: PolicyPack,
  placeType: string | undefined,
  attributes: Record<string, Scalar>,
  territory: string,
  id: string,
): Site {
  const type = placeType ?? pack.placeTypes[0];
  return {
    id,
    name: `Conformance site ${id}`,
    territory,
    attributes,
    ...(type !== undefined ? { placeType: type } : {}),
  };
}
