import { deepMerge } from './deep-merge';
import { subjectOf } from './define-policy-pack';
import { type EffectivePolicy, packFieldsOf, packRefOf } from './effective-policy';
import { deepFreeze } from './plain-data';
import { PolicyPackError } from './policy-pack-error';
import type { PolicyPack, Scalar, SiteOverride } from './schema';
import { validatePack } from './validate-policy-pack';

/** Where a case is: the site (and its street) that overrides are matched against. */
export interface PolicyContext {
  readonly site?:
    | {
        readonly id: string;
        readonly territory?: string | undefined;
        readonly attributes?: Readonly<Record<string, Scalar>> | undefined;
      }
    | undefined;
  /** The territory (street) of the case; defaults to `site.territory`. */
  readonly territory?: string | undefined;
}

/**
 * The effective policy for a case at a site: every override whose `match` fits is applied
 * in the order the pack lists them (objects merge, arrays and durations replace, so a later
 * override wins), and the result is validated again and frozen. An override matches when
 * every criterion it names holds: the site id is in `sites`, the territory is in
 * `territories`, and each `siteAttributes` entry equals the site's attribute. Nothing is
 * cached, so the result depends only on its arguments. Throws `PolicyPackError` when the
 * overrides together make an invalid policy (each is checked alone when the pack is defined).
 */
export function resolvePolicy(pack: PolicyPack | EffectivePolicy, context: PolicyContext = {}): EffectivePolicy {
  const base = packFieldsOf(pack);
  const alreadyApplied = 'appliedOverrides' in pack ? pack.appliedOverrides : [];
  const territory = context.territory ?? context.site?.territory;
  const matching = base.overrides.filter((override) => matches(override.match, context.site, territory));

  let merged: unknown = { ...base, overrides: [] };
  for (const override of matching) merged = deepMerge(merged, override.patch);
  const result = validatePack(merged, false);
  const applied = [...alreadyApplied, ...matching.map((override) => override.id)];
  if (!result.success) {
    throw new PolicyPackError(result.issues, `effective ${subjectOf(base)} with overrides ${applied.join(', ')}`);
  }
  return deepFreeze({ ...result.pack, appliedOverrides: applied, packRef: packRefOf(base) });
}

function matches(match: SiteOverride['match'], site: PolicyContext['site'], territory: string | undefined): boolean {
  if (match.sites !== undefined && (site === undefined || !match.sites.includes(site.id))) return false;
  if (match.territories !== undefined && (territory === undefined || !match.territories.includes(territory))) {
    return false;
  }
  if (match.siteAttributes !== undefined) {
    const attributes = site?.attributes ?? {};
    for (const [name, value] of Object.entries(match.siteAttributes)) {
      if (!Object.hasOwn(attributes, name) || attributes[name] !== value) return false;
    }
  }
  return true;
}
