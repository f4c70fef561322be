import type { PolicyPackInput } from '@hazardflow/core';

/**
 * The road-traffic escalation ladder: reminders, the traffic police brigade's supervision notice
 * (督办单), its circulated notice (通报), then referral to the road traffic safety committee
 * office. Every rung is measured from the responsible party's deadline. Rungs and times are
 * [default]: no rule fixes them.
 *
 * Listed supervision (挂牌督办) is a decision (`listing: 'decision'`): only the listing
 * authority's LIST lists a case or a section, with its document, supervising unit and term, at
 * the level that lists it (district, city, province or ministry); the pack models the
 * district's own rungs. Major hazards (black spots, key vehicles) start at the referral rung the
 * moment they are graded, where a road hazard is reported in writing to the local government
 * (道路交通安全法 Art. 29). Lateness alone never lists a case, and no rung takes a general hazard
 * to the district leaders or to enforcement (suspensions, revoked permits are decisions).
 *
 * | level | who | reached |
 * |---|---|---|
 * | 1 | town or street office, traffic safety persuasion station, grid worker: reminders | 1 day overdue, or notice not acknowledged in 1 working day |
 * | 2 | traffic police brigade with the transport bureau: supervision notice (督办单) | 3 working days overdue, or re-inspection failed twice |
 * | 3 | traffic police brigade: circulated notice (通报) | 10 working days overdue |
 * | 4 | referral to the road traffic safety committee office, which decides on listing; road hazards reported to the government (Art. 29) | 20 working days overdue; every major hazard at once |
 */
export const trafficEscalation: PolicyPackInput['escalation'] = {
  // Road works run for months: warn three working days ahead. [default]
  warnBefore: { workingDays: 3 },
  startLevel: { general: 0, major: 4 },
  baseNotify: ['responsible'],
  listing: 'decision',
  ladder: [
    {
      level: 1,
      name: {
        zh: '属地督促（乡镇、街道、交通安全劝导站、网格员）',
        en: 'Territory reminders: town or street office, persuasion station, grid worker',
      },
      notify: ['territory', 'responsible'],
      action: {
        zh: '乡镇街道提醒道路管养单位或运输企业',
        en: 'The town or street office reminds the road maintainer or the operator',
      },
      after: { days: 1 },
      unacknowledgedAfter: { workingDays: 1 },
      repeat: { every: { workingDays: 1 }, times: 1 },
    },
    {
      level: 2,
      name: {
        zh: '交警大队会同交通运输局督办单',
        en: 'Supervision notice of the traffic police and the transport bureau',
      },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '现场复查，向道路管养单位或运输企业下发督办单，明确整改时限',
        en: 'Re-inspect and serve the road maintainer or the operator a supervision notice (督办单) with a time limit',
      },
      after: { workingDays: 3 },
      verificationFailures: 2,
      repeat: { every: { workingDays: 2 }, times: 2 },
    },
    {
      level: 3,
      name: { zh: '交警大队通报', en: 'Circulated notice of the traffic police brigade' },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '在全区道路交通安全工作中通报，抄送属地乡镇街道和行业主管部门',
        en: "Circulated notice (通报) in the district's road safety work, copied to the town or street and the sector's department",
      },
      after: { workingDays: 10 },
      repeat: { every: { workingDays: 5 }, times: 1 },
    },
    {
      level: 4,
      name: { zh: '提请道路交通安全委员会办公室督办', en: 'Referred to the road traffic safety committee office' },
      notify: ['command', 'regulator', 'territory', 'responsible'],
      action: {
        zh: '提请道安办研究是否挂牌督办；道路隐患书面报告当地人民政府（道路交通安全法第二十九条）',
        en: 'Referred to the road traffic safety committee office, which decides whether to list it for supervision (挂牌督办); a road hazard is reported in writing to the local government (道路交通安全法 Art. 29)',
      },
      after: { workingDays: 20 },
      repeat: { every: { workingDays: 5 }, times: 2 },
    },
  ],
};
