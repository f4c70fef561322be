/**
 * The shapes @hazardflow/http answers with, as the desk reads them. Kept here (not imported
 * from the server packages) because the desk is a browser bundle that depends on nothing but
 * the HTTP API; they follow the service's OpenAPI schemas of the same names.
 */

export type Lang = 'zh' | 'en';
export interface Bilingual {
  zh: string;
  en: string;
}

export const STATUSES = [
  'reported',
  'triaged',
  'notice_issued',
  'rectifying',
  'plan_pending',
  'supervised',
  'verifying',
  'closed',
  'dismissed',
  'transferred',
] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ['general', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ROLES = ['reporter', 'responsible', 'territory', 'regulator', 'command', 'system'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  /** A built-in role or a party the case's pack declares (`PackDefinition.parties`). */
  role: Role | (string & {});
  org?: string;
}

/** `CaseView` in the OpenAPI document. */
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
  /** The department's case officer (ASSIGN); null or absent while none is assigned. */
  assignee?: string | null;
  responsible: string;
  escalationLevel: number;
  maxEscalationLevel: number;
  listedSupervision: boolean;
  dueAt: string | null;
  overdue: boolean;
  paused: boolean;
  interimControls: string[];
  reportedAt: string;
  closedAt: string | null;
  updatedAt: string;
  reopenedCount: number;
  closedOnTime: boolean | null;
  workingDaysToClose: number | null;
  /** Working days to the deadline, when the service computes them on its calendar. */
  workingDaysLeft?: number | null;
  /** The machine's state value, when the service exposes it (for the statechart highlight). */
  state?: unknown;
}

export interface CasePage {
  items: CaseView[];
  nextCursor: string | null;
}

export interface CaseFilter {
  status?: Status;
  territory?: string;
  regulator?: string;
  /** A case officer's cases (the service's `assignee` query parameter). */
  assignee?: string;
  severity?: Severity;
  overdue?: boolean;
  /** 挂牌督办: only cases under listed supervision (the service's `listed` query parameter). */
  listed?: boolean;
  escalationLevel?: number;
  packId?: string;
}

export interface EvidenceRef {
  kind: string;
  uri: string;
  sha256?: string;
  by: string;
  at: string;
}

export interface AuditEntry {
  caseId: string;
  seq: number;
  at: string;
  actor: Actor;
  command: string;
  commandId?: string;
  payload?: unknown;
  fromStatus: Status | null;
  toStatus: Status;
  reasons: string[];
  evidence: unknown[];
  firedTimer?: { timerId: string; dueAt: string; lateByMs: number };
  prevHash: string;
  hash: string;
}

export type TrailVerification =
  | { ok: true; length: number }
  | { ok: false; brokenAt: number; reason: string; message: string };

export interface TimerRow {
  caseId: string;
  timerId: string;
  dueAt: string;
  event: { type: string; [key: string]: unknown };
}

export type RefusalCode = 'FORBIDDEN' | 'SEPARATION_OF_DUTIES' | 'EVIDENCE_REQUIRED' | 'NOT_ALLOWED_IN_STATE';

export interface AvailableCommand {
  command: string;
  allowed: boolean;
  reason?: { code: RefusalCode; message: string; missing?: string[] };
}

export interface AvailableCommands {
  caseId: string;
  version: number;
  commands: AvailableCommand[];
}

export type AssessmentGroup = 'territory' | 'regulator' | 'pack' | 'category' | 'officer';

export interface AssessmentRow {
  group: string;
  found: number;
  closed: number;
  closureRate: number;
  onTimeRate: number | null;
  openOverdue: number;
  /** Cases per highest escalation rung reached, rung 0 first. */
  byRung: number[];
  listedSupervision: number;
  medianWorkingDaysToClose: number | null;
  reopened: number;
}

/** The parts of a pack definition the desk reads (labels, time zone, evidence kinds). */
export interface PackDefinition {
  id: string;
  version: string;
  name: Bilingual;
  timeZone?: string;
  regulator?: { id: string; name: Bilingual };
  categories?: { id: string; name: Bilingual; defaultSeverity?: Severity }[];
  escalation?: { ladder?: { level: number; name: Bilingual; action?: Bilingual }[] };
  evidence?: Record<string, { kind: string; min?: number; label?: Bilingual }[] | undefined>;
  /** Parties beside the built-in roles (a maintenance unit, an inspection body), by id. */
  parties?: Record<string, { label: Bilingual }>;
  [key: string]: unknown;
}

export interface PackSummary {
  id: string;
  version: string;
  name: Bilingual;
  domain: string;
  mermaid: string;
  definition: PackDefinition;
}

/** What a report (`POST /cases`) carries. */
export interface HazardReportInput {
  packId: string;
  category: string;
  site: { id: string; name: string; placeType?: string; territory: string; attributes?: Record<string, unknown> };
  responsible: { id: string; name?: string };
  regulator?: string;
  description: string;
  findings?: Record<string, unknown>;
  evidence?: EvidenceRef[];
}

/** An RFC 9457 problem as the service sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  issues?: { path: string; code?: string; message: string }[];
}

/** A JSON Schema fragment, as far as the command forms read it. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  additionalProperties?: boolean | JsonSchema;
}

/** A demo login the service offers (`demo-logins.json` beside the desk), for demos and tests only. */
export interface DemoLogin {
  token: string;
  actor: Actor;
  label: Bilingual;
}
