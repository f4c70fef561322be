import type { Actor } from '../actor';
import type { CommandIssue } from '../command-error';
import type { AccountabilityRecord, EnforcementRecord, InterviewRecord } from '../enforcement';
import type { EvidenceRef } from '../evidence';
import type { Scalar } from '../pack/schema';
import type { Principal } from '../party-principal';
import type { Site } from '../report';
import type {
  DiscoveryMethod,
  DismissReason,
  EvidenceStep,
  GradeDecisionKind,
  InterimControl,
  Severity,
} from '../vocabulary';

/** Who owns the deadline being tracked: the responsible party's climb the ladder, others only warn. */
export type DeadlineOwner = 'responsible' | 'regulator';

/** The deadline the escalation region is watching. Instants are ISO strings (UTC). */
export interface TrackedDeadline {
  step: 'triage' | 'notice' | 'plan' | 'planReview' | 'rectify' | 'verify' | 'acceptance';
  owner: DeadlineOwner;
  dueAt: string;
}

/**
 * How far a late step of the regulator's own has climbed its ladder (`escalation.regulatorLadder`),
 * for the one deadline it names: a new deadline starts from the bottom again.
 */
export interface StepEscalation {
  step: TrackedDeadline['step'];
  dueAt: string;
  level: number;
  reachedAt: string;
  remindersSent: number;
}

/**
 * The latest recorded decision on the case's grade (CONFIRM_GRADE): what the rules and the
 * triage proposed, what was decided, by whom and on what document, and why when it changed.
 */
export interface GradeDecision {
  proposed: Severity;
  severity: Severity;
  kind: GradeDecisionKind;
  reference: string;
  reason?: string;
  actorId: string;
  at: string;
}

/**
 * Listed supervision as the listing authority decided it (LIST), and its end (DELIST): the
 * document, the unit that supervises, the term's last local day, who listed and delisted.
 */
export interface Listing {
  documentNo: string;
  supervisingUnit: string;
  until: string;
  listedBy: string;
  listedAt: string;
  delistedBy?: string;
  delistedAt?: string;
  delistDocumentNo?: string;
}

/**
 * The case officer (承办人) of the regulating department (ASSIGN): who, assigned by whom and
 * when, and why when a reason was given. Re-assignment replaces it; the audit keeps the rest.
 */
export interface Assignee {
  officer: string;
  assignedBy: string;
  assignedAt: string;
  reason?: string;
}

/** The last time someone did something, for the audit and for separation of duties. */
export interface ActorStamp {
  actorId: string;
  role: Actor['role'];
  at: string;
}

/**
 * Everything a case knows. JSON-serialisable, so a persisted snapshot restores exactly;
 * instants are ISO strings and every one of them came from an event's `at`.
 */
export interface HazardContext {
  caseId: string;
  packId: string;
  packVersion: string;
  /** Override ids (一企一策) that apply to this case, in order. */
  appliedOverrides: string[];
  category: string;
  site: Site;
  /** The party that answers for the hazard, with its principal person (主要负责人) when named. */
  responsible: { id: string; name?: string | undefined; principal?: Principal | undefined };
  regulator: string;
  /**
   * The department's case officer (ASSIGN); null while none is assigned (absent in snapshots
   * from before it). Notifications to the regulator name the officer (`Recipient.officer`).
   */
  assignee?: Assignee | null;
  /**
   * The org of each of the pack's parties on this case (party id → org): the report's
   * `parties`, else the party's `org` in the pack. Absent when none is named (and on cases
   * stored before parties existed), so a case without parties keeps its snapshot.
   */
  parties?: Record<string, string>;
  description: string;
  findings: Record<string, Scalar>;
  evidence: (EvidenceRef & { step: EvidenceStep | 'other' })[];
  /** How the hazard came to light (发现方式); absent in cases stored before it was recorded. */
  discoveredBy?: DiscoveryMethod | undefined;
  /** Evidence added with ADD_EVIDENCE since the last step; the next step counts and files it. */
  pendingEvidence: EvidenceRef[];
  reportedAt: string;
  reportedBy: ActorStamp;

  severity: Severity | null;
  imminentDanger: boolean;
  classificationReasons: string[];
  listedSupervision: boolean;
  /**
   * The listing authority's latest listing (LIST) and its end (DELIST); null when never listed
   * by decision (absent in snapshots from before it). `listedSupervision` stays true once a
   * case was listed, by fact or decision, so the assessment counts it.
   */
  listing?: Listing | null;
  /** The latest decision on the grade; null until one is taken (absent in snapshots from before it). */
  gradeDecision?: GradeDecision | null;
  /**
   * Enforcement measures against the responsible party (ENFORCE), `E1`, `E2`… in order, each
   * with its end once lifted. Absent until the first one, so cases without enforcement keep
   * the snapshot they had before it existed; likewise `interviews` and `accountability`.
   */
  enforcement?: EnforcementRecord[];
  /** 约谈 held on the case (INTERVIEW). */
  interviews?: InterviewRecord[];
  /** Accountability of officials (HOLD_ACCOUNTABLE), `A1`, `A2`…: never mixed with enforcement. */
  accountability?: AccountabilityRecord[];

  deadline: TrackedDeadline | null;
  /**
   * The instant `deadline` was counted from with the step's duration, so a deadline counted
   * on a calendar that lacked its year can be counted again (`repairDeadlines`); null when an
   * extension or a resumed clock moved it (absent in cases stored before it existed).
   */
  deadlineFrom?: string | null;
  /** The responsible party's rectification deadline (moves with extensions and pauses). */
  rectifyDueAt: string | null;
  /** The instant `rectifyDueAt` was counted from; null once an extension or a resume moved it. */
  rectifyFrom?: string | null;
  noticeIssuedAt: string | null;
  noticeClauses: string[];
  acknowledgedAt: string | null;
  paused: { at: string; remainingMs: number; reason: string } | null;

  escalationLevel: number;
  maxEscalationLevel: number;
  /** When the current level was reached and how many reminders were sent at it. */
  levelReachedAt: string | null;
  remindersSent: number;
  /** Deadlines already warned about / declared overdue, so a re-entered region does not repeat itself. */
  warnedFor: string | null;
  overdueFor: string | null;
  wentOverdue: boolean;
  /** The regulator's late step on its own ladder; null while none is late (absent in snapshots from before it). */
  stepEscalation?: StepEscalation | null;

  plan: { submittedBy: string; submittedAt: string; approvedBy?: string; approvedAt?: string } | null;
  planRejections: number;
  interimControls: InterimControl[];
  /**
   * When interim control of an imminent danger is due (`deadlines.interimControl`), from the
   * report (or the triage that found the danger); null when there is no imminent danger.
   * Absent on contexts stored before the field existed.
   */
  interimDueAt?: string | null;
  /**
   * What the report checks accepted with a warning (pack `reportChecks: 'warn'`): the field,
   * the issue code and the message. Absent when there were none.
   */
  reportWarnings?: CommandIssue[];
  pendingExtension: {
    requestedBy: string;
    requestedAt: string;
    extendBy: import('../duration').Duration;
    reason: string;
  } | null;
  extensionCount: number;

  rectifiedBy: string | null;
  rectificationSubmittedAt: string | null;
  rectifiedOnTime: boolean | null;
  verificationAttempts: number;
  verificationFailures: number;
  verifiedBy: string | null;

  closedAt: string | null;
  closedHow: 'verified' | 'fixed_on_spot' | null;
  closedOnTime: boolean | null;
  followUpUntil: string | null;
  dismissReason: DismissReason | null;
  transferredTo: string | null;
  reopenedCount: number;
  /** The last actor per command type. */
  last: Record<string, ActorStamp>;
}

/**
 * An evidence item as filed under the step it came with, built as a literal so every copy
 * has the same shape (memory measurements: examples/benchmarks/NOTES.md).
 */
export function filedEvidence<S extends EvidenceStep | 'other'>(item: EvidenceRef, step: S): EvidenceRef & { step: S } {
  return item.sha256 === undefined
    ? { kind: item.kind, uri: item.uri, by: item.by, at: item.at, step }
    : { kind: item.kind, uri: item.uri, sha256: item.sha256, by: item.by, at: item.at, step };
}

/** Fails to compile when EvidenceRef gains a field `filedEvidence` does not copy. */
const EVIDENCE_FIELDS: Record<keyof EvidenceRef, true> = { kind: true, uri: true, sha256: true, by: true, at: true };
void EVIDENCE_FIELDS;

/**
 * The same context as one object literal with its fields in a fixed order, for keeping:
 * XState's `assign` copies contexts with `Object.assign`, which leaves an object this wide
 * far larger than a literal (measurements: examples/benchmarks/NOTES.md). Empty lists and
 * records become one shared frozen empty value (contexts are never changed in place). The
 * engine stores contexts through this.
 */
export function compactContext(context: HazardContext): HazardContext {
  return {
    caseId: context.caseId,
    packId: context.packId,
    packVersion: context.packVersion,
    appliedOverrides: shareEmpty(context.appliedOverrides),
    category: context.category,
    site: context.site,
    responsible: context.responsible,
    regulator: context.regulator,
    assignee: context.assignee ?? null,
    ...(context.parties !== undefined ? { parties: context.parties } : {}),
    description: context.description,
    findings: shareEmpty(context.findings),
    evidence: context.evidence,
    pendingEvidence: shareEmpty(context.pendingEvidence),
    reportedAt: context.reportedAt,
    reportedBy: context.reportedBy,
    discoveredBy: context.discoveredBy,
    severity: context.severity,
    imminentDanger: context.imminentDanger,
    classificationReasons: shareEmpty(context.classificationReasons),
    listedSupervision: context.listedSupervision,
    listing: context.listing ?? null,
    gradeDecision: context.gradeDecision ?? null,
    ...(context.enforcement !== undefined ? { enforcement: context.enforcement } : {}),
    ...(context.interviews !== undefined ? { interviews: context.interviews } : {}),
    ...(context.accountability !== undefined ? { accountability: context.accountability } : {}),
    deadline: context.deadline,
    deadlineFrom: context.deadlineFrom ?? null,
    rectifyDueAt: context.rectifyDueAt,
    rectifyFrom: context.rectifyFrom ?? null,
    noticeIssuedAt: context.noticeIssuedAt,
    noticeClauses: shareEmpty(context.noticeClauses),
    acknowledgedAt: context.acknowledgedAt,
    paused: context.paused,
    escalationLevel: context.escalationLevel,
    maxEscalationLevel: context.maxEscalationLevel,
    levelReachedAt: context.levelReachedAt,
    remindersSent: context.remindersSent,
    warnedFor: context.warnedFor,
    overdueFor: context.overdueFor,
    wentOverdue: context.wentOverdue,
    stepEscalation: context.stepEscalation ?? null,
    plan: context.plan,
    planRejections: context.planRejections,
    interimControls: shareEmpty(context.interimControls),
    interimDueAt: context.interimDueAt ?? null,
    ...(context.reportWarnings !== undefined ? { reportWarnings: context.reportWarnings } : {}),
    pendingExtension: context.pendingExtension,
    extensionCount: context.extensionCount,
    rectifiedBy: context.rectifiedBy,
    rectificationSubmittedAt: context.rectificationSubmittedAt,
    rectifiedOnTime: context.rectifiedOnTime,
    verificationAttempts: context.verificationAttempts,
    verificationFailures: context.verificationFailures,
    verifiedBy: context.verifiedBy,
    closedAt: context.closedAt,
    closedHow: context.closedHow,
    closedOnTime: context.closedOnTime,
    followUpUntil: context.followUpUntil,
    dismissReason: context.dismissReason,
    transferredTo: context.transferredTo,
    reopenedCount: context.reopenedCount,
    last: shareEmpty(context.last),
  };
}

const EMPTY_LIST: readonly never[] = Object.freeze([]);
const EMPTY_RECORD: Readonly<Record<string, never>> = Object.freeze({});

function shareEmpty<T extends object>(value: T): T {
  if (Array.isArray(value)) return (value.length === 0 ? EMPTY_LIST : value) as T;
  for (const _ in value) return value;
  return (Object.getPrototypeOf(value) === Object.prototype ? EMPTY_RECORD : value) as T;
}

/** Input of `createActor(createHazardMachine(pack), { input })` and of the engine's report. */
export interface HazardInput {
  caseId: string;
  at: string;
  reportedBy: Actor;
  report: {
    category: string;
    site: Site;
    responsible: { id: string; name?: string | undefined; principal?: Principal | undefined };
    regulator?: string | undefined;
    /** The org of each party on this case (`report.parties`); see `HazardContext.parties`. */
    parties?: Record<string, string> | undefined;
    description: string;
    findings: Record<string, Scalar>;
    evidence: EvidenceRef[];
    discoveredBy?: DiscoveryMethod | undefined;
    /** What the report checks accepted with a warning (`reportChecks: 'warn'`; see `checkReportSite`). */
    warnings?: CommandIssue[] | undefined;
  };
}
