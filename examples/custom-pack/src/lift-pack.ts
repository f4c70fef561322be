import { definePolicyPack, type PolicyPack } from '@hazardflow/core';

/**
 * A district's lift pack (电梯安全), written the way an integrator adds the parties around a
 * lift beside the built-in roles: the maintenance unit (维保单位), which must reach a trapped
 * passenger within 30 minutes in a city district (TSG T5002-2017 《电梯维护保养规则》 §5(5)),
 * and the inspection body (特种设备检验机构), whose inspection report (检验报告) the bureau
 * accepts the repair on (特种设备安全法 Art. 50–54). Values marked [default] are this example's
 * choices; packages/policy-special-equipment has the full domain.
 */
export const liftPack: PolicyPack = definePolicyPack({
  id: 'lift',
  version: '1.0.0',
  name: { zh: '电梯安全隐患', en: 'Lift safety hazards' },
  domain: 'special-equipment',
  regulator: { id: 'market-supervision', name: { zh: '区市场监督管理局', en: 'District market supervision bureau' } },
  parties: {
    'maintenance-unit': {
      label: { zh: '维保单位', en: 'Maintenance unit' },
      // Told at once of an entrapment, and again if nobody has it under control in time.
      notifyOn: ['imminent_danger', 'interim_control_overdue'],
      source: 'TSG T5002-2017 §5(5): arrive within 30 min of an entrapment call (city districts)',
    },
    'inspection-body': {
      label: { zh: '特种设备检验机构', en: 'Inspection body' },
      source: '特种设备安全法 Art. 50–54: inspection by an approved body, which issues the report',
    },
  },
  placeTypes: ['residential', 'mall', 'hospital', 'office'],
  categories: [
    {
      id: 'lift_entrapment',
      name: { zh: '电梯困人', en: 'Passenger trapped in a lift' },
      defaultSeverity: 'major',
      imminentDanger: true,
      // Someone is inside: the case is looked at within 2 hours, the lift under control in 30 minutes.
      deadlines: { triage: { hours: 2 }, interimControl: { minutes: 30 } },
      source: 'TSG T5002-2017 §5(5); 特种设备安全法 Art. 40',
    },
    {
      id: 'lift_maintenance_overdue',
      name: { zh: '电梯未按期维保', en: 'Lift maintenance overdue' },
      defaultSeverity: 'general',
      source: 'TSG T5002-2017 §4: maintenance at least every 15 days',
    },
  ],
  deadlines: {
    triage: { workingDays: 1 }, // [default]
    notice: { workingDays: 3 }, // [default]
    acknowledge: { workingDays: 1 }, // [default]
    rectify: { general: { days: 15 }, major: { days: 30 } }, // [default]
    plan: { days: 7 }, // [default]
    planReview: { workingDays: 5 }, // [default]
    verify: { workingDays: 3 }, // [default]
    acceptance: { days: 10 }, // [default]
    extensionDecision: { workingDays: 5 }, // [default]
  },
  steps: { interimControls: ['suspend', 'seal'] },
  escalation: {
    warnBefore: { workingDays: 1 },
    // A 2-hour triage of an entrapment is urgent from the moment of report: no warning before it [default].
    warnBeforeByStep: { triage: null },
    startLevel: { general: 0, major: 2 },
    ladder: [
      {
        level: 1,
        name: { zh: '催办使用单位与维保单位', en: 'Chase the user and the maintenance unit' },
        // The maintenance unit does the repair: it hears of the lateness with the owner.
        notify: ['responsible', 'territory', 'maintenance-unit'],
        action: { zh: '催办', en: 'reminder' },
        after: { workingDays: 1 },
      },
      {
        level: 2,
        name: { zh: '挂牌督办', en: 'Listed supervision' },
        notify: ['regulator', 'command'],
        action: { zh: '挂牌督办', en: 'listed supervision' },
        after: { workingDays: 5 },
      },
    ],
    // A late triage of an entrapment must not sit quietly: the bureau's leadership is told
    // within hours, the safety committee the next day and every week after.
    regulatorLadder: [
      {
        level: 1,
        name: { zh: '局领导督促', en: "Bureau's leadership" },
        notify: ['regulator'],
        action: { zh: '督促承办人员立即研判', en: 'chase the officer in charge' },
        after: { hours: 4 },
      },
      {
        level: 2,
        name: { zh: '安委办督办', en: 'Safety committee supervision' },
        notify: ['regulator', 'command'],
        action: { zh: '下发督办单', en: 'issue a supervision notice (督办单)' },
        after: { workingDays: 1 },
        repeat: { every: { workingDays: 5 }, times: 4 },
      },
    ],
  },
  evidence: {
    report: [{ kind: 'photo' }],
    // The bureau accepts a major repair on the inspection body's report, which that body adds itself.
    acceptance: [{ kind: 'inspection-report', label: { zh: '检验报告', en: 'Inspection report' } }],
  },
  permissions: {
    // Both parties supply what only they have: the rescue record, the inspection report.
    // VERIFY stays the bureau's: accepting the work is its administrative act (Art. 57, 61);
    // the inspection body inspects, it does not supervise.
    ADD_EVIDENCE: [
      'reporter',
      'responsible',
      'territory',
      'regulator',
      'command',
      'maintenance-unit',
      'inspection-body',
    ],
    COMMENT: ['reporter', 'responsible', 'territory', 'regulator', 'command', 'maintenance-unit', 'inspection-body'],
  },
});
