import type { CommandIssue, DiscoveryMethod, InterimControl, Listing, Severity, Status } from '@hazardflow/core';

/** An industry department on a case: the pack's party (`education-bureau`) and its org on the case. */
export interface IndustryDepartment {
  party: string;
  org: string;
}

/** The flat, queryable view of a case; the store indexes it, the assessment counts it. */
export interface CaseView {
  id: string;
  version: number;
  packId: string;
  packVersion: string;
  category: string;
  severity: Severity | null;
  imminentDanger: boolean;
  status: Status;
  siteId: string;
  siteName: string;
  territory: string;
  regulator: string;
  /**
   * The department's case officer (承办人, ASSIGN), an actor id of `regulator`; null while
   * none is assigned. Absent only on views stored before the field existed.
   */
  assignee?: string | null;
  responsible: string;
  escalationLevel: number;
  maxEscalationLevel: number;
  listedSupervision: boolean;
  /**
   * The industry departments (行业主管部门, 三管三必须) of the case's place type that the case
   * names an org for: the pack's party and its org. Absent when there are none.
   */
  industry?: IndustryDepartment[];
  /**
   * True while no department regulates the case (监管盲区), false once the safety committee
   * assigned one (ASSIGN_DEPARTMENT); absent when the case never was in the gap.
   */
  regulatoryGap?: boolean;
  /**
   * The listing authority's listing (LIST: document, supervising unit, term) and its end
   * (DELIST); null when the case was never listed by decision. Absent only on views stored
   * before the field existed.
   */
  listing?: Listing | null;
  dueAt: string | null;
  /**
   * Present when `dueAt` falls in a year the calendar has no holidays for (China announces
   * next year's each November): the deadline was counted on weekends only there and may move
   * when the year is added and `engine.repairDeadlines` runs. `year` is that year.
   */
  deadlineProvisional?: { year: number };
  overdue: boolean;
  paused: boolean;
  interimControls: InterimControl[];
  /**
   * When interim control of an imminent danger is due (`deadlines.interimControl`, counted
   * from the report, or from the triage that found the danger); null without imminent
   * danger. Absent only on views stored before the field existed.
   */
  interimDueAt?: string | null;
  /**
   * What the report was accepted with despite the pack's report checks (`reportChecks:
   * 'warn'`): a category at a place type it does not apply to, an unknown finding. Absent
   * when none.
   */
  reportWarnings?: CommandIssue[];
  reportedAt: string;
  closedAt: string | null;
  updatedAt: string;
  reopenedCount: number;
  closedOnTime: boolean | null;
  workingDaysToClose: number | null;
  /**
   * How the hazard came to light (发现方式): the report's `discoveredBy`, else read from the
   * reporter's role. Absent only on views stored before the field existed.
   */
  discoveredBy?: DiscoveryMethod;
  /**
   * The responsible party's rectification deadline (整改时限), kept after closing, unlike
   * `dueAt`. Absent only on views stored before the field existed.
   */
  rectifyDueAt?: string | null;
  /**
   * `policyHash` of the effective policy the case runs on (pack content plus applied
   * overrides), pinned at report time and changed only by a migration. Absent on cases
   * stored before pinning existed (docs/versioning.md#policy_changed).
   */
  policyHash?: string;
}

/** What the store keeps per case: the view and the persisted machine snapshot (JSON). */
export interface CaseRecord {
  view: CaseView;
  snapshot: unknown;
}
