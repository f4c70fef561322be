import type { Actor, Command, HazardReportInput } from '@hazardflow/core';
import type { CaseView } from '@hazardflow/engine';
import type { District, DistrictSite } from './district';
import type { Moment, SimTime } from './sim-time';

/** What an agent needs from the running simulation. */
export interface World {
  readonly time: SimTime;
  readonly district: District;
  /** Where the agenda is now. */
  readonly moment: Moment;
  now(): string;
  /** Files the report; the case view, or null when the engine refused (recorded as a rejection). */
  report(input: HazardReportInput, actor: Actor): Promise<CaseView | null>;
  /** Sends a command; the new view, or null when the engine refused (recorded as a rejection). */
  send(caseId: string, command: Command, actor: Actor): Promise<CaseView | null>;
}

/** A hazard as it is found: where, what, by whom, and when in the run. */
export interface PlannedHazard {
  seq: number;
  site: DistrictSite;
  category: string;
  description: string;
  findings: Record<string, string | number | boolean>;
  reporter: Actor;
  /** Fire inspections are recorded by two inspectors; this is the second one. */
  colleague?: Actor;
  at: Moment;
}
