import type { BusinessCalendar } from '../calendar/business-calendar';
import type { CommandError } from '../command-error';
import type { CommandEvent } from '../commands';
import type { PolicyPack } from '../pack/schema';
import { buildHazardMachine, type HazardMachine } from './build-hazard-machine';
import { type CommandRefusal, checkAgainst } from './check-command';
import { defaultCalendarFor } from './default-calendar';
import type { HazardContext, HazardInput } from './hazard-context';
import { createMachineRuntime } from './machine-runtime';

export interface HazardModelOptions {
  /** The working-day calendar deadlines are counted on; defaults to the pack's (China for Asia/Shanghai). */
  calendar?: BusinessCalendar;
}

/** A snapshot of a hazard machine (live, or restored from storage). */
export type HazardSnapshot = ReturnType<HazardMachine['resolveState']>;

/**
 * Everything one pack and calendar make: the XState machine, the effective policy of a case
 * or a site (the pack with its matching per-site overrides, 一企一策), and the check that
 * explains why a command would be refused. What the machine's guards decide, `check` says.
 */
export interface HazardModel {
  readonly pack: PolicyPack;
  readonly calendar: BusinessCalendar;
  readonly machine: HazardMachine;
  /** The effective policy of a case (its applied overrides). */
  policyOf(context: Pick<HazardContext, 'appliedOverrides' | 'site'>): PolicyPack;
  /** The effective policy for a site about to be reported. */
  policyForSite(site: HazardInput['report']['site']): PolicyPack;
  /**
   * Why the machine would not take this command, or null when it would. In order: not
   * allowed in this state, then FORBIDDEN / SEPARATION_OF_DUTIES, then EVIDENCE_REQUIRED and
   * the other business rules (docs/lifecycle.md, "Why a command is refused: the order").
   */
  check(snapshot: HazardSnapshot, command: CommandEvent): CommandError<CommandRefusal> | null;
}

const NO_CALENDAR = Object.freeze({});
const models = new WeakMap<PolicyPack, WeakMap<BusinessCalendar | typeof NO_CALENDAR, HazardModel>>();

/**
 * The model of a validated policy pack. Cached per pack object (packs are frozen and
 * versioned `id@version`) and calendar, so calling this again is free and returns the same
 * machine.
 */
export function createHazardModel(pack: PolicyPack, options: HazardModelOptions = {}): HazardModel {
  let byCalendar = models.get(pack);
  if (!byCalendar) {
    byCalendar = new WeakMap();
    models.set(pack, byCalendar);
  }
  const key = options.calendar ?? NO_CALENDAR;
  let model = byCalendar.get(key);
  if (!model) {
    const runtime = createMachineRuntime(pack, options.calendar ?? defaultCalendarFor(pack.timeZone));
    const machine = buildHazardMachine(runtime);
    const built: HazardModel = {
      pack,
      calendar: runtime.calendar,
      machine,
      policyOf: runtime.policyOf,
      policyForSite: runtime.policyForSite,
      check: (snapshot, command) => checkAgainst(built, snapshot, command),
    };
    model = Object.freeze(built);
    byCalendar.set(key, model);
  }
  return model;
}
