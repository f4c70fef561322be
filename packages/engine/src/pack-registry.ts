import {
  type BusinessCalendar,
  createHazardModel,
  defaultCalendarFor,
  definePolicyPack,
  type HazardModel,
  type HazardSnapshot,
  isValidatedPack,
  type PolicyPack,
} from '@hazardflow/core';
import semver from 'semver';
import { canonicalJson } from './canonical-json';

/** A machine snapshot as the engine restores and steps it. */
export type MachineSnapshot = HazardSnapshot;

/**
 * Everything the engine needs from core for one pack is core's `HazardModel`: the machine,
 * the policy in force at a site, and the state / authorisation / evidence check of a command.
 */
export type { HazardModel };

/** The packs one engine runs, found by `id@version`, with their calendar and model. */
export interface PackRegistry {
  /** The pack a case was reported under. */
  byRef(id: string, version: string): PolicyPack | undefined;
  /**
   * The pack new reports of `id` use: the highest release by semver; a pre-release only when
   * no release of `id` exists, or when `prerelease` asks for the highest version of all.
   */
  newest(id: string, options?: { prerelease?: boolean }): PolicyPack | undefined;
  calendarOf(pack: PolicyPack): BusinessCalendar;
  modelOf(pack: PolicyPack): HazardModel;
}

/**
 * Registers `packs`. Validates a pack that did not come from `definePolicyPack` (throws
 * PolicyPackError). Refuses (TypeError naming `packs[i].version`) a version that is not
 * semver, and two different packs under one `id@version`: cases find their pack again by it.
 * @internal not exported from the package entry; the engine's own.
 */
export function createPackRegistry(
  packs: readonly PolicyPack[],
  options: { calendar?: BusinessCalendar } = {},
): PackRegistry {
  const byRef = new Map<string, PolicyPack>();
  const byId = new Map<string, PolicyPack[]>();
  for (const [index, given] of packs.entries()) {
    if (semver.valid(given?.version) === null) {
      throw new TypeError(
        `packs[${index}].version: "${given?.version}" is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.2.0 or 2.0.0-rc.1)`,
      );
    }
    // A pack that never went through validation is checked now (PolicyPackError), not on first use.
    const pack = isValidatedPack(given) ? given : definePolicyPack(given as Parameters<typeof definePolicyPack>[0]);
    const ref = `${pack.id}@${pack.version}`;
    const registered = byRef.get(ref);
    if (registered && registered !== pack && canonicalJson(registered) !== canonicalJson(pack)) {
      throw new TypeError(
        `packs[${index}]: ${ref} is already registered with different content; publish a changed pack under a new version`,
      );
    }
    if (registered) continue;
    byRef.set(ref, pack);
    byId.set(pack.id, [...(byId.get(pack.id) ?? []), pack]);
  }
  const newestRelease = new Map<string, PolicyPack>();
  const newestAny = new Map<string, PolicyPack>();
  for (const [id, versions] of byId) {
    const sorted = [...versions].sort((a, b) => semver.rcompare(a.version, b.version));
    newestAny.set(id, sorted[0] as PolicyPack);
    const release = sorted.find((p) => semver.prerelease(p.version) === null);
    newestRelease.set(id, release ?? (sorted[0] as PolicyPack));
  }

  const calendars = new Map<PolicyPack, BusinessCalendar>();
  const calendarOf = (pack: PolicyPack): BusinessCalendar => {
    let calendar = calendars.get(pack);
    if (!calendar) {
      calendar = options.calendar ?? defaultCalendarFor(pack.timeZone);
      calendars.set(pack, calendar);
    }
    return calendar;
  };
  const modelOf = (pack: PolicyPack): HazardModel => createHazardModel(pack, { calendar: calendarOf(pack) });

  return {
    byRef: (id, version) => byRef.get(`${id}@${version}`),
    newest: (id, newestOptions) => (newestOptions?.prerelease ? newestAny : newestRelease).get(id),
    calendarOf,
    modelOf,
  };
}
