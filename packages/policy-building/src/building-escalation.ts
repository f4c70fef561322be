import type { PolicyPackInput } from '@hazardflow/core';

/**
 * The building escalation ladder: reminders, the housing bureau's supervision notice (督办单),
 * its circulated notice (通报), then referral to the district safety committee office. Streets
 * and communities carry the first line (属地管理) for self-built houses, so they are told from
 * the notice on (`baseNotify`). Every rung is measured from the responsible party's deadline.
 * [default] rungs and times: no rule fixes them.
 *
 * Listed supervision (挂牌督办) is a decision (`listing: 'decision'`): only the listing
 * authority's LIST lists a case, with its document, supervising unit and term (DOMAIN.md). A
 * C- or D-grade building starts at the referral rung the moment it is graded, which prompts the
 * committee to decide; lateness alone never lists a case, and no rung reached by lateness takes
 * a general hazard to the district leaders or to enforcement, which are decisions too.
 *
 * | level | who | reached |
 * |---|---|---|
 * | 1 | street office, community, grid worker: reminders | 1 day overdue, or notice not acknowledged in 1 working day |
 * | 2 | district housing and construction bureau: supervision notice (督办单) | 3 working days overdue, or re-inspection failed twice |
 * | 3 | district housing and construction bureau: circulated notice (通报) | 10 working days overdue |
 * | 4 | referral to the district safety committee office, which decides on listing | 20 working days overdue; every major hazard at once |
 */
export const buildingEscalation: PolicyPackInput['escalation'] = {
  warnBefore: { workingDays: 1 },
  startLevel: { general: 0, major: 4 },
  baseNotify: ['responsible', 'territory'],
  listing: 'decision',
  ladder: [
    {
      level: 1,
      name: { zh: '属地督促（街道、社区、网格员）', en: 'Territory reminders: street office, community, grid worker' },
      notify: ['territory', 'responsible'],
      action: {
        zh: '网格员上门提醒产权人，街道房屋安全工作专班跟踪',
        en: "Grid worker reminds the owner on site; the street's housing safety team follows up",
      },
      after: { days: 1 },
      unacknowledgedAfter: { workingDays: 1 },
      repeat: { every: { workingDays: 1 }, times: 1 },
    },
    {
      level: 2,
      name: { zh: '区住房和城乡建设局督办单', en: 'Supervision notice of the housing and construction bureau' },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '现场复查，向产权人下发督办单，明确整改时限',
        en: 'Re-inspect and serve the owner a supervision notice (督办单) with a time limit',
      },
      after: { workingDays: 3 },
      verificationFailures: 2,
      repeat: { every: { workingDays: 2 }, times: 2 },
    },
    {
      level: 3,
      name: { zh: '区住房和城乡建设局通报', en: 'Circulated notice of the housing and construction bureau' },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '在全区房屋安全工作中通报，抄送属地街道',
        en: "Circulated notice (通报) in the district's housing safety work, copied to the street",
      },
      after: { workingDays: 10 },
      repeat: { every: { workingDays: 5 }, times: 1 },
    },
    {
      level: 4,
      name: { zh: '提请区安委办督办', en: 'Referred to the district safety committee office' },
      notify: ['command', 'regulator', 'territory', 'responsible'],
      action: {
        zh: '提请区安委办研究是否挂牌督办（由挂牌机关决定并出具督办文书）',
        en: 'Referred to the district safety committee office, which decides whether to list the case for supervision (挂牌督办) with its own document',
      },
      after: { workingDays: 20 },
      repeat: { every: { workingDays: 5 }, times: 2 },
    },
  ],
};
