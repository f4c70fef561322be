import { duplicateValues, unknownReferences } from './check-helpers';
import type { PolicyPackIssue } from './policy-pack-issue';
import type { PolicyPack } from './schema';

/**
 * 三管三必须 in a pack: each industry department's place types (`parties.<id>.industry`) and
 * each unregulated place type (`unregulatedPlaceTypes`) must be one of the pack's
 * `placeTypes` (`unknown_place_type`), even when the pack declares none, or a misspelt
 * `shcool` would silently leave the schools without their education bureau.
 */
export function checkIndustry(
  pack: Pick<PolicyPack, 'placeTypes' | 'parties' | 'unregulatedPlaceTypes'>,
): PolicyPackIssue[] {
  const known = new Set(pack.placeTypes);
  const issues: PolicyPackIssue[] = [];
  for (const [id, party] of Object.entries(pack.parties ?? {})) {
    if (party.industry === undefined) continue;
    const path = ['parties', id, 'industry', 'placeTypes'];
    issues.push(...duplicateValues(party.industry.placeTypes, path));
    issues.push(...unknownReferences(party.industry.placeTypes, known, path, 'unknown_place_type'));
  }
  if (pack.unregulatedPlaceTypes !== undefined) {
    const path = ['unregulatedPlaceTypes'];
    issues.push(...duplicateValues(pack.unregulatedPlaceTypes, path));
    issues.push(...unknownReferences(pack.unregulatedPlaceTypes, known, path, 'unknown_place_type'));
  }
  return issues;
}

/**
 * The industry departments of a case at this place type: the pack's parties whose
 * `industry.placeTypes` lists it, in the pack's order. Empty for a case with no place type.
 */
export function industryPartiesOf(pack: Pick<PolicyPack, 'parties'>, placeType: string | undefined): string[] {
  if (placeType === undefined) return [];
  return Object.entries(pack.parties ?? {})
    .filter(([, party]) => party.industry?.placeTypes.includes(placeType) === true)
    .map(([id]) => id);
}
