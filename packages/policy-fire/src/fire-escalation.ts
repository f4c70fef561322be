import type { PolicyPackInput } from '@hazardflow/core';

/**
 * The fire escalation ladder: reminders, the fire rescue brigade's supervision notice (督办单),
 * its circulated notice (通报), then referral to the district safety committee office. Every
 * rung is measured from the responsible party's deadline. Rungs and times are [default]: no rule
 * fixes them.
 *
 * Listed supervision (挂牌督办) is a decision (`listing: 'decision'`): only the listing
 * authority's LIST lists a case, with its document, supervising unit and term (DOMAIN.md).
 * Major fire hazards start at the referral rung the moment they are graded, which prompts the
 * committee to decide. Lateness alone never lists a case, and no rung takes a general hazard to
 * the district leaders or to enforcement (fines, seals, suspension are the brigade's decisions
 * under 消防法 Art. 54, 60 and 70, each with its own document).
 *
 * 消防法 Art. 55 (2021): the fire rescue agency that finds a major fire hazard affecting public
 * safety has it reported in writing to the government *by the emergency management department*
 * (应急管理部门), not directly. The district safety committee office (安委办) usually sits in the
 * district emergency management bureau, so the `command` role, told at level 4, stands for that
 * bureau here; the action text says who reports to whom.
 *
 * | level | who | reached |
 * |---|---|---|
 * | 1 | street office, community, grid worker: reminders | 1 day overdue, or notice not acknowledged in 1 working day |
 * | 2 | district fire rescue brigade: supervision notice (督办单) | 3 working days overdue, or re-inspection failed twice |
 * | 3 | district fire rescue brigade: circulated notice (通报) | 10 working days overdue |
 * | 4 | referral to the district safety committee office, which decides on listing; a major hazard reported to the government through the emergency management bureau (消防法 Art. 55) | 20 working days overdue; every major hazard at once |
 */
export const fireEscalation: PolicyPackInput['escalation'] = {
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
        zh: '网格员上门提醒整改，街道消防安全办公室跟踪',
        en: "Grid worker reminds the unit on site; the street's fire safety office follows up",
      },
      after: { days: 1 },
      unacknowledgedAfter: { workingDays: 1 },
      repeat: { every: { workingDays: 1 }, times: 1 },
    },
    {
      level: 2,
      name: { zh: '消防救援大队督办单', en: 'Supervision notice of the district fire rescue brigade' },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '复查并向单位下发督办单，明确整改时限；是否处罚、查封由大队依法另行决定',
        en: 'Re-inspect and serve the unit a supervision notice (督办单) with a time limit; any fine or seal is a separate decision of the brigade',
      },
      after: { workingDays: 3 },
      verificationFailures: 2,
      repeat: { every: { workingDays: 2 }, times: 2 },
    },
    {
      level: 3,
      name: { zh: '消防救援大队通报', en: 'Circulated notice of the district fire rescue brigade' },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '在全区消防安全工作中通报，抄送属地街道',
        en: "Circulated notice (通报) in the district's fire safety work, copied to the street",
      },
      after: { workingDays: 10 },
      repeat: { every: { workingDays: 5 }, times: 1 },
    },
    {
      level: 4,
      name: { zh: '提请区安委办督办', en: 'Referred to the district safety committee office' },
      notify: ['command', 'regulator', 'territory', 'responsible'],
      action: {
        zh: '提请区安委办研究是否挂牌督办；影响公共安全的重大火灾隐患由区应急管理局书面报告区人民政府（消防法第五十五条）',
        en: 'Referred to the district safety committee office, which decides whether to list the case for supervision (挂牌督办); a major fire hazard affecting public safety is reported in writing to the district government by the district emergency management bureau (消防法 Art. 55)',
      },
      after: { workingDays: 20 },
      repeat: { every: { workingDays: 5 }, times: 2 },
    },
  ],
};
