import type { PolicyPackInput } from '@hazardflow/core';

/**
 * The escalation ladder of a district market supervision bureau (区市场监督管理局): reminders, the
 * bureau's supervision notice (督办单), its circulated notice (通报), then referral to the district
 * safety committee office. Every rung is measured from the using unit's deadline. Rungs and
 * times are [default]: no rule fixes them.
 *
 * Listed supervision (挂牌督办) is a decision (`listing: 'decision'`): only the listing
 * authority's LIST lists a case, with its document, supervising unit and term (DOMAIN.md).
 * Major hazards start at the referral rung the moment they are graded, where a serious hazard is
 * reported to the local government and the bureau above (特种设备安全法 Art. 63). Lateness alone
 * never lists a case, and no rung takes a general hazard to the district leaders or to
 * enforcement: the bureau's inspection directive (安全监察指令, Art. 62), penalties (Art. 83–86)
 * and seal or seizure (Art. 61) are decisions with their own documents.
 *
 * | level | who | reached |
 * |---|---|---|
 * | 1 | street office, community, grid worker: reminders | 1 day overdue, or directive not acknowledged in 1 working day |
 * | 2 | district market supervision bureau: supervision notice (督办单) | 3 working days overdue, or re-inspection failed twice |
 * | 3 | district market supervision bureau: circulated notice (通报) | 10 working days overdue |
 * | 4 | referral to the district safety committee office, which decides on listing; report to the government (Art. 63) | 20 working days overdue; every major hazard at once |
 */
export const specialEquipmentEscalation: PolicyPackInput['escalation'] = {
  warnBefore: { workingDays: 1 },
  startLevel: { general: 0, major: 4 },
  baseNotify: ['responsible'],
  listing: 'decision',
  ladder: [
    {
      level: 1,
      name: { zh: '属地督促（街道、社区、网格员）', en: 'Territory reminders: street office, community, grid worker' },
      notify: ['territory', 'responsible'],
      action: {
        zh: '网格员上门提醒使用单位整改，核实设备是否停用',
        en: 'Grid worker reminds the using unit on site and checks the equipment is out of use',
      },
      after: { days: 1 },
      unacknowledgedAfter: { workingDays: 1 },
      repeat: { every: { workingDays: 1 }, times: 1 },
    },
    {
      level: 2,
      name: {
        zh: '区市场监管局督办单',
        en: 'Supervision notice of the district market supervision bureau',
      },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '复查并向使用单位下发督办单，明确整改时限；责令停止使用、处罚由监管局依法另行决定',
        en: 'Re-inspect and serve the using unit a supervision notice (督办单) with a time limit; an order out of use or a fine is a separate decision of the bureau',
      },
      after: { workingDays: 3 },
      verificationFailures: 2,
      repeat: { every: { workingDays: 2 }, times: 2 },
    },
    {
      level: 3,
      name: { zh: '区市场监管局通报', en: 'Circulated notice of the district market supervision bureau' },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '在全区特种设备安全工作中通报，抄送属地街道',
        en: "Circulated notice (通报) in the district's special-equipment safety work, copied to the street",
      },
      after: { workingDays: 10 },
      repeat: { every: { workingDays: 5 }, times: 1 },
    },
    {
      level: 4,
      name: { zh: '提请区安委办督办', en: 'Referred to the district safety committee office' },
      notify: ['command', 'regulator', 'territory', 'responsible'],
      action: {
        zh: '提请区安委办研究是否挂牌督办；严重事故隐患报告本级人民政府和上级市场监管部门（特种设备安全法第六十三条）',
        en: 'Referred to the district safety committee office, which decides whether to list the case for supervision (挂牌督办); serious hazards reported to the district government and the city bureau (Art. 63)',
      },
      after: { workingDays: 20 },
      repeat: { every: { workingDays: 5 }, times: 2 },
    },
  ],
};
