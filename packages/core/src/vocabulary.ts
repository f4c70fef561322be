import { z } from 'zod';

/** Who acts on a hazard (三管三必须 plus the reporter and the engine's timers). */
export const ROLES = ['reporter', 'responsible', 'territory', 'regulator', 'command', 'system'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

/** 一般隐患 / 重大隐患. Imminent danger (Law Art. 65) is an overlay flag, not a third grade. */
export const SEVERITIES = ['general', 'major'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const severitySchema = z.enum(SEVERITIES);

/** Every command a case accepts. Packs choose which steps apply; they never add commands. */
export const COMMAND_TYPES = [
  'TRIAGE',
  'CONFIRM_GRADE',
  'FIX_ON_SPOT',
  'DISMISS',
  'TRANSFER',
  'ASSIGN',
  'CHANGE_RESPONSIBLE',
  'ISSUE_NOTICE',
  'ACKNOWLEDGE',
  'SUBMIT_PLAN',
  'APPROVE_PLAN',
  'REJECT_PLAN',
  'START_INTERIM_CONTROL',
  'LIFT_INTERIM_CONTROL',
  'SUBMIT_RECTIFICATION',
  'VERIFY',
  'REQUEST_EXTENSION',
  'DECIDE_EXTENSION',
  'PAUSE_CLOCK',
  'RESUME_CLOCK',
  'REOPEN',
  'LIST',
  'DELIST',
  'ENFORCE',
  'LIFT_ENFORCEMENT',
  'INTERVIEW',
  'HOLD_ACCOUNTABLE',
  'ADD_EVIDENCE',
  'COMMENT',
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];
export const commandTypeSchema = z.enum(COMMAND_TYPES);

/**
 * Who confirms or changes the grade the rules proposed: a collective decision of the
 * department (集体研究) or an expert panel's opinion (专家论证), as GB 35181-2025 and the
 * departments' grading standards ask for a major hazard or an exclusion from it.
 */
export const GRADE_DECISION_KINDS = ['collective', 'expert'] as const;
export type GradeDecisionKind = (typeof GRADE_DECISION_KINDS)[number];

/** Interim control measures for major or imminent hazards: evacuate, suspend operations, seal. */
export const INTERIM_CONTROLS = ['evacuate', 'suspend', 'seal'] as const;
export type InterimControl = (typeof INTERIM_CONTROLS)[number];
export const interimControlSchema = z.enum(INTERIM_CONTROLS);

/** Why a report is dismissed. */
export const DISMISS_REASONS = ['duplicate', 'invalid', 'not_responsible'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

/** The lifecycle status a case view exposes. */
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

/** Steps that may require evidence. */
export const EVIDENCE_STEPS = [
  'report',
  'notice',
  'plan',
  'interimControl',
  'rectification',
  'verification',
  'acceptance',
] as const;
export type EvidenceStep = (typeof EVIDENCE_STEPS)[number];

/** A label in both languages the packs are written for. */
export const bilingualSchema = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof bilingualSchema>;

/**
 * How a hazard came to light (发现方式). The share found by each shows whether hazards are
 * found at all (查不上来): a district that learns of most hazards from complaints is not
 * inspecting.
 */
export const DISCOVERY_METHODS = [
  'inspection',
  'self_report',
  'complaint',
  'grid_patrol',
  'department_transfer',
] as const;
export type DiscoveryMethod = (typeof DISCOVERY_METHODS)[number];
export const discoveryMethodSchema = z.enum(DISCOVERY_METHODS);

/**
 * The measures an escalation ladder recommends, by their usual names (催办, 约谈, 挂牌督办,
 * 曝光, 联合惩戒 …). A pack's ladder carries its own `{ zh, en }` action text; these ids are
 * the shared names reports and templates use for them.
 */
export const ESCALATION_ACTIONS = [
  'reminder',
  'supervision_letter',
  'interview',
  'listed_supervision',
  'exposure',
  'assessment_penalty',
  'joint_punishment',
  'administrative_penalty',
  'accountability',
] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

/**
 * Enforcement measures (执法措施) the regulator takes against the responsible party, each a
 * decision with its document number (决定书文号), recorded on the case (`ENFORCE`) and ended
 * by `LIFT_ENFORCEMENT`. They are the enterprise's; accountability of officials is kept apart
 * (`AccountabilityRecord`). docs/enforcement.md says what each is and where it comes from.
 */
export const ENFORCEMENT_KINDS = [
  /** 行政处罚 (罚款), with 按日连续处罚 where the law allows it. */
  'penalty',
  /** 强制清除 / 拆除: 《消防法》 Art. 60 ¶3, blocked exits and fire lanes cleared the same day. */
  'forced_removal',
  /** 临时查封: 《消防法》 Art. 54 / 《消防监督检查规定》 Art. 22, for a stated term. */
  'temporary_seal',
  /** 停止供电: 《安全生产法》 Art. 70, for a major hazard, with 24 h written notice. */
  'power_cutoff',
  /** 移送公安机关: a case handed to the police (e.g. 《安全生产法》 Art. 70, 《刑法》 Art. 134-1). */
  'police_referral',
  /** 联合惩戒名单 (失信黑名单): 《安全生产法》 Art. 78. */
  'blacklist',
] as const;
export type EnforcementKind = (typeof ENFORCEMENT_KINDS)[number];
export const enforcementKindSchema = z.enum(ENFORCEMENT_KINDS);
