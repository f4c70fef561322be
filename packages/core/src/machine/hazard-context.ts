import type { Actor } from '../actor';
import type { EvidenceRef } from '../evidence';
import type { Scalar } from '../pack/schema';
import type { Site } from '../report';
import type { DismissReason, EvidenceStep, InterimControl, Severity } from '../vocabulary';

/** Who owns the deadline being tracked: the responsible party's climb the ladder, others only warn. */
export type DeadlineOwner = 'responsible' | 'regulator';

/** The deadline the escalation region is watching. Instants are ISO strings (UTC). */
export interface TrackedDeadline {
  step: 'triage' | 'notice' | 'plan' | 'planReview' | 'rectify' | 'verify' | 'acceptance';
  owner: DeadlineOwner;
  dueAt: string;
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
  responsible: { id: string; name?: string | undefined };
  regulator: string;
  description: string;
  findings: Record<string, Scalar>;
  evidence: (EvidenceRef & { step: EvidenceStep | 'other' })[];
  /** Evidence added with ADD_EVIDENCE since the last step; the next step counts and files it. */
  pendingEvidence: EvidenceRef[];
  reportedAt: string;
  reportedBy: ActorStamp;

  severity: Severity | null;
  imminentDanger: boolean;
  classificationReasons: string[];
  listedSupervision: boolean;

  deadline: TrackedDeadline | null;
  /** The responsible party's rectification deadline (moves with extensions and pauses). */
  rectifyDueAt: string | null;
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

  plan: { submittedBy: string; submittedAt: string; approvedBy?: string; approvedAt?: string } | null;
  planRejections: number;
  interimControls: InterimControl[];
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

/** Input of `createActor(createHazardMachine(pack), { input })` and of the engine's report. */
export interface HazardInput {
  caseId: string;
  at: string;
  reportedBy: Actor;
  report: {
    category: string;
    site: Site;
    responsible: { id: string; name?: string | undefined };
    regulator?: string | undefined;
    description: string;
    findings: Record<string, Scalar>;
    evidence: EvidenceRef[];
  };
}
