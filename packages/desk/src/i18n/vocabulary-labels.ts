import type { Bilingual } from '../api/types';

/**
 * Labels for core's vocabulary (statuses, roles, commands, refusal codes), worded as core's
 * `VOCABULARY_LABELS` (being added on another branch) words them. The desk keeps this copy
 * until that table is in the workspace: the desk depends on nothing but the HTTP API at run
 * time, and core's labels module imports only types, so switching to it should cost no
 * bundle size (not yet checked). A key missing here is shown as the raw key, never hidden.
 */
export const STATUS_LABELS: Record<string, Bilingual> = {
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

export const ROLE_LABELS: Record<string, Bilingual> = {
  reporter: { zh: '报告人', en: 'Reporter' },
  responsible: { zh: '责任单位', en: 'Responsible party' },
  territory: { zh: '属地', en: 'Territory (street)' },
  regulator: { zh: '监管部门', en: 'Regulator' },
  command: { zh: '安委会办公室', en: 'Safety committee office' },
  system: { zh: '系统', en: 'System' },
};

export const COMMAND_LABELS: Record<string, Bilingual> = {
  REPORT: { zh: '上报', en: 'Report' },
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

export const REFUSAL_LABELS: Record<string, Bilingual> = {
  FORBIDDEN: { zh: '无权限', en: 'Not permitted' },
  SEPARATION_OF_DUTIES: { zh: '职责分离：不能复查自己提交的整改', en: 'Separation of duties' },
  EVIDENCE_REQUIRED: { zh: '缺少证据', en: 'Evidence required' },
  NOT_ALLOWED_IN_STATE: { zh: '当前状态不可执行', en: 'Not allowed in this state' },
  VALIDATION_FAILED: { zh: '输入有误', en: 'Invalid input' },
  VERSION_CONFLICT: { zh: '案件已被他人更新', en: 'Changed by someone else' },
  IDEMPOTENCY_MISMATCH: {
    zh: '该提交已生效，内容已更改：请关闭表单后重新操作',
    en: 'Already sent with other values: close the form and start again',
  },
  PRECONDITION_FAILED: { zh: '案件已被他人更新', en: 'Changed by someone else' },
  UNKNOWN_CASE: { zh: '案件不存在', en: 'Unknown case' },
  UNAUTHENTICATED: { zh: '未登录或令牌无效', en: 'Not logged in' },
  NETWORK: { zh: '网络错误', en: 'Network error' },
};

export const SEVERITY_LABELS: Record<string, Bilingual> = {
  general: { zh: '一般隐患', en: 'General' },
  major: { zh: '重大隐患', en: 'Major' },
};

export const INTERIM_CONTROL_LABELS: Record<string, Bilingual> = {
  evacuate: { zh: '撤出人员', en: 'Evacuate' },
  suspend: { zh: '停产停业', en: 'Suspend operations' },
  seal: { zh: '查封', en: 'Seal' },
};

/** Values of enum fields in command forms (dismiss reasons, verification results, …). */
export const VALUE_LABELS: Record<string, Bilingual> = {
  ...SEVERITY_LABELS,
  ...INTERIM_CONTROL_LABELS,
  duplicate: { zh: '重复报告', en: 'Duplicate' },
  invalid: { zh: '经核查不属实', en: 'Not substantiated' },
  not_responsible: { zh: '不属本部门职责', en: 'Not our responsibility' },
  pass: { zh: '通过', en: 'Pass' },
  fail: { zh: '不通过', en: 'Fail' },
};

/** Field names of command payloads. */
export const FIELD_LABELS: Record<string, Bilingual> = {
  severity: { zh: '隐患等级', en: 'Severity' },
  imminentDanger: { zh: '紧急危险', en: 'Imminent danger' },
  category: { zh: '类别', en: 'Category' },
  findings: { zh: '检查发现', en: 'Findings' },
  evidence: { zh: '证据', en: 'Evidence' },
  note: { zh: '说明', en: 'Note' },
  reason: { zh: '原因', en: 'Reason' },
  duplicateOf: { zh: '重复的案件编号', en: 'Duplicate of case' },
  to: { zh: '移送至', en: 'Transfer to' },
  clauses: { zh: '违反条款（每行一条）', en: 'Clauses breached (one per line)' },
  plan: { zh: '整改方案（五落实）', en: 'Plan (five fixes)' },
  responsibility: { zh: '责任落实', en: 'Responsibility' },
  measures: { zh: '措施落实', en: 'Measures' },
  funds: { zh: '资金落实', en: 'Funds' },
  deadline: { zh: '时限落实', en: 'Deadline' },
  emergencyPlan: { zh: '应急预案落实', en: 'Emergency plan' },
  measure: { zh: '管控措施', en: 'Measure' },
  result: { zh: '复查结论', en: 'Result' },
  extendBy: { zh: '延长', en: 'Extend by' },
  workingDays: { zh: '工作日', en: 'Working days' },
  days: { zh: '天', en: 'Days' },
  hours: { zh: '小时', en: 'Hours' },
  minutes: { zh: '分钟', en: 'Minutes' },
  granted: { zh: '同意', en: 'Granted' },
  text: { zh: '内容', en: 'Text' },
  kind: { zh: '证据类型', en: 'Kind' },
  uri: { zh: '证据地址（URI）', en: 'Reference (URI)' },
};

export function labelOf(table: Record<string, Bilingual>, key: string, lang: 'zh' | 'en'): string {
  return table[key]?.[lang] ?? key;
}
