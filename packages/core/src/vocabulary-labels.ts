import type { NotificationReason } from './machine/hazard-events';
import type {
  Bilingual,
  CommandType,
  DiscoveryMethod,
  DismissReason,
  EnforcementKind,
  EscalationAction,
  EvidenceStep,
  GradeDecisionKind,
  InterimControl,
  Role,
  Severity,
  Status,
} from './vocabulary';

/** The languages hazardflow writes for people: Chinese first, English beside it. */
export type Locale = 'zh-CN' | 'en';

/** The locales, Chinese (the default) first. */
export const LOCALES = ['zh-CN', 'en'] as const satisfies readonly Locale[];

/** A vocabulary label; the same shape as a pack's `{ zh, en }` text. */
export type Label = Bilingual;

/** Lifecycle statuses, as a district's ledger names them. */
const STATUS_LABELS: Record<Status, Label> = {
  reported: { zh: '已登记', en: 'Reported' },
  triaged: { zh: '已研判', en: 'Triaged' },
  notice_issued: { zh: '已下达整改通知', en: 'Notice issued' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  plan_pending: { zh: '整改方案待审批', en: 'Plan awaiting approval' },
  supervised: { zh: '挂牌督办中', en: 'Under listed supervision' },
  verifying: { zh: '待复查', en: 'Awaiting verification' },
  closed: { zh: '已销号', en: 'Closed' },
  dismissed: { zh: '不予立案', en: 'Dismissed' },
  transferred: { zh: '已移送', en: 'Transferred' },
};

/** Who acts (三管三必须 plus the reporter and the engine's timers). */
const ROLE_LABELS: Record<Role, Label> = {
  reporter: { zh: '报告人', en: 'Reporter' },
  responsible: { zh: '责任单位', en: 'Responsible party' },
  territory: { zh: '属地', en: 'Territory (street)' },
  regulator: { zh: '监管部门', en: 'Regulator' },
  command: { zh: '安委会办公室', en: 'Safety committee office' },
  system: { zh: '系统', en: 'System' },
};

const COMMAND_LABELS: Record<CommandType, Label> = {
  TRIAGE: { zh: '研判定级', en: 'Triage' },
  CONFIRM_GRADE: { zh: '确认隐患等级', en: 'Confirm grade' },
  FIX_ON_SPOT: { zh: '立查立改', en: 'Fix on the spot' },
  DISMISS: { zh: '不予立案', en: 'Dismiss' },
  TRANSFER: { zh: '移送', en: 'Transfer' },
  ASSIGN: { zh: '指派承办人', en: 'Assign officer' },
  CHANGE_RESPONSIBLE: { zh: '变更责任主体', en: 'Change responsible party' },
  ISSUE_NOTICE: { zh: '下达整改通知', en: 'Issue notice' },
  ACKNOWLEDGE: { zh: '签收整改通知', en: 'Acknowledge notice' },
  SUBMIT_PLAN: { zh: '提交整改方案', en: 'Submit plan' },
  APPROVE_PLAN: { zh: '批准整改方案', en: 'Approve plan' },
  REJECT_PLAN: { zh: '退回整改方案', en: 'Reject plan' },
  START_INTERIM_CONTROL: { zh: '采取临时管控措施', en: 'Start interim control' },
  LIFT_INTERIM_CONTROL: { zh: '解除临时管控措施', en: 'Lift interim control' },
  SUBMIT_RECTIFICATION: { zh: '报送整改完成', en: 'Submit rectification' },
  VERIFY: { zh: '复查验收', en: 'Verify' },
  REQUEST_EXTENSION: { zh: '申请延期', en: 'Request extension' },
  DECIDE_EXTENSION: { zh: '审批延期', en: 'Decide extension' },
  PAUSE_CLOCK: { zh: '暂停计时', en: 'Pause clock' },
  RESUME_CLOCK: { zh: '恢复计时', en: 'Resume clock' },
  REOPEN: { zh: '重新立案', en: 'Reopen' },
  LIST: { zh: '挂牌督办', en: 'List for supervision' },
  DELIST: { zh: '摘牌', en: 'Delist' },
  ENFORCE: { zh: '执法措施', en: 'Enforce' },
  LIFT_ENFORCEMENT: { zh: '解除执法措施', en: 'Lift enforcement' },
  INTERVIEW: { zh: '约谈', en: 'Interview' },
  HOLD_ACCOUNTABLE: { zh: '追责问责', en: 'Hold official accountable' },
  ADD_EVIDENCE: { zh: '补充证据', en: 'Add evidence' },
  COMMENT: { zh: '备注', en: 'Comment' },
};

/** Why people are told something. */
const NOTIFICATION_REASON_LABELS: Record<NotificationReason, Label> = {
  notice_issued: { zh: '整改通知', en: 'Rectification notice' },
  listed_supervision: { zh: '挂牌督办', en: 'Listed supervision' },
  imminent_danger: { zh: '重大险情', en: 'Imminent danger' },
  warning: { zh: '到期预警', en: 'Deadline warning' },
  overdue: { zh: '逾期', en: 'Overdue' },
  escalated: { zh: '升级督办', en: 'Escalated' },
  reminder: { zh: '催办', en: 'Reminder' },
  acknowledgement_overdue: { zh: '逾期未签收', en: 'Notice not acknowledged' },
  interim_control_overdue: { zh: '险情管控逾期', en: 'Interim control overdue' },
  verification_failed: { zh: '复查不合格', en: 'Verification failed' },
  extension_requested: { zh: '延期申请', en: 'Extension requested' },
  closed: { zh: '销号', en: 'Closed' },
  reopened: { zh: '回头看复发', en: 'Reopened' },
  step_escalated: { zh: '监管环节逾期督办', en: 'Regulator step escalated' },
  step_reminder: { zh: '监管环节催办', en: 'Regulator step reminder' },
  assigned: { zh: '案件指派', en: 'Case assigned' },
  responsible_changed: { zh: '责任主体变更', en: 'Responsible party changed' },
  responsible_released: { zh: '责任解除', en: 'Responsibility released' },
  enforcement: { zh: '执法措施', en: 'Enforcement measure' },
  enforcement_lifted: { zh: '执法措施解除', en: 'Enforcement lifted' },
  seal_expiring: { zh: '查封即将到期', en: 'Seal expiring' },
  seal_expired: { zh: '查封期满', en: 'Seal expired' },
};

const ENFORCEMENT_KIND_LABELS: Record<EnforcementKind, Label> = {
  penalty: { zh: '行政处罚', en: 'Administrative penalty' },
  forced_removal: { zh: '强制清除', en: 'Forced removal' },
  temporary_seal: { zh: '临时查封', en: 'Temporary seal' },
  power_cutoff: { zh: '停止供电', en: 'Power cut-off' },
  police_referral: { zh: '移送公安机关', en: 'Police referral' },
  blacklist: { zh: '联合惩戒名单', en: 'Joint-punishment list' },
};

const INTERIM_CONTROL_LABELS: Record<InterimControl, Label> = {
  evacuate: { zh: '撤出人员', en: 'Evacuate' },
  suspend: { zh: '停产停业', en: 'Suspend operations' },
  seal: { zh: '查封', en: 'Seal' },
};

const DISMISS_REASON_LABELS: Record<DismissReason, Label> = {
  duplicate: { zh: '重复报告', en: 'Duplicate' },
  invalid: { zh: '经核查不属实', en: 'Not substantiated' },
  not_responsible: { zh: '不属本部门职责', en: 'Not our responsibility' },
};

const EVIDENCE_STEP_LABELS: Record<EvidenceStep, Label> = {
  report: { zh: '隐患登记', en: 'Report' },
  notice: { zh: '整改通知', en: 'Notice' },
  plan: { zh: '整改方案', en: 'Plan' },
  interimControl: { zh: '临时管控', en: 'Interim control' },
  rectification: { zh: '整改完成', en: 'Rectification' },
  verification: { zh: '复查', en: 'Verification' },
  acceptance: { zh: '验收销号', en: 'Acceptance' },
};

const ESCALATION_ACTION_LABELS: Record<EscalationAction, Label> = {
  reminder: { zh: '催办', en: 'Reminder' },
  supervision_letter: { zh: '督办函', en: 'Supervision letter' },
  interview: { zh: '约谈', en: 'Admonition talk' },
  listed_supervision: { zh: '挂牌督办', en: 'Listed supervision' },
  exposure: { zh: '曝光', en: 'Public exposure' },
  assessment_penalty: { zh: '考核扣分', en: 'Assessment penalty' },
  joint_punishment: { zh: '联合惩戒', en: 'Joint punishment' },
  administrative_penalty: { zh: '行政处罚', en: 'Administrative penalty' },
  accountability: { zh: '追责问责', en: 'Accountability of officials' },
};

const DISCOVERY_METHOD_LABELS: Record<DiscoveryMethod, Label> = {
  inspection: { zh: '监督检查', en: 'Inspection' },
  self_report: { zh: '企业自查自报', en: 'Enterprise self-report' },
  complaint: { zh: '群众举报（12345/96119）', en: 'Citizen complaint (12345/96119)' },
  grid_patrol: { zh: '网格巡查', en: 'Grid patrol' },
  department_transfer: { zh: '部门移送', en: "Other department's transfer" },
};

const GRADE_DECISION_KIND_LABELS: Record<GradeDecisionKind, Label> = {
  collective: { zh: '集体研究决定', en: 'Collective decision' },
  expert: { zh: '专家论证意见', en: "Expert panel's opinion" },
};

const SEVERITY_LABELS: Record<Severity, Label> = {
  general: { zh: '一般隐患', en: 'General' },
  major: { zh: '重大隐患', en: 'Major' },
};

/**
 * Every vocabulary value in both languages. Each table is a `Record` over its vocabulary
 * type, so a value added to the vocabulary without a label does not compile.
 */
export const VOCABULARY_LABELS = {
  status: STATUS_LABELS,
  role: ROLE_LABELS,
  command: COMMAND_LABELS,
  notificationReason: NOTIFICATION_REASON_LABELS,
  interimControl: INTERIM_CONTROL_LABELS,
  dismissReason: DISMISS_REASON_LABELS,
  evidenceStep: EVIDENCE_STEP_LABELS,
  escalationAction: ESCALATION_ACTION_LABELS,
  discoveryMethod: DISCOVERY_METHOD_LABELS,
  severity: SEVERITY_LABELS,
  gradeDecisionKind: GRADE_DECISION_KIND_LABELS,
  enforcementKind: ENFORCEMENT_KIND_LABELS,
} as const;

export type VocabularyKind = keyof typeof VOCABULARY_LABELS;
/** The ids of one kind, e.g. `VocabularyId<'status'>` is `Status`. */
export type VocabularyId<K extends VocabularyKind> = keyof (typeof VOCABULARY_LABELS)[K];

/** A bilingual text in one locale. */
export function inLocale(text: Label, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/**
 * The label of a vocabulary value in a locale, e.g. `label('status', 'closed', 'zh-CN')` is
 * `已销号`. Unknown ids (from untyped data) come back as the id itself, so nothing is lost.
 */
export function label<K extends VocabularyKind>(kind: K, id: VocabularyId<K>, locale: Locale = 'zh-CN'): string {
  const table = VOCABULARY_LABELS[kind] as Readonly<Record<string, Label>>;
  const key = String(id);
  const found = Object.hasOwn(table, key) ? table[key] : undefined;
  return found ? inLocale(found, locale) : key;
}

/**
 * The label of a role in a locale: a built-in role's from the vocabulary, a pack's party's
 * from its `parties` entry (`维保单位` for `maintenance-unit`), else the id itself.
 */
export function roleLabel(
  role: string,
  pack?: { readonly parties?: Readonly<Record<string, { readonly label: Label }>> | undefined },
  locale: Locale = 'zh-CN',
): string {
  if (Object.hasOwn(ROLE_LABELS, role)) return inLocale(ROLE_LABELS[role as Role], locale);
  const parties = pack?.parties;
  const party = parties !== undefined && Object.hasOwn(parties, role) ? parties[role] : undefined;
  return party ? inLocale(party.label, locale) : role;
}
