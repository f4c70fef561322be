import type { PolicyPackInput } from '@hazardflow/core';

/**
 * The fire escalation ladder: DOMAIN.md's default ladder with the real fire-safety actors. Every
 * rung is measured from the responsible party's deadline; major fire hazards start at level 3
 * (挂牌督办) the moment they are graded. Reminders repeat at each level and always fit before
 * the next level is due (the pack checks require it). [default]
 *
 * 消防法 Art. 55 (2021): the fire rescue agency that finds a major fire hazard affecting public
 * safety has it reported in writing to the government *by the emergency management department*
 * (应急管理部门), not directly. The district safety committee office (安委办) usually sits in the
 * district emergency management bureau, so the `command` role, told at level 3, stands for that
 * bureau here; the action text says who reports to whom.
 *
 * | level | who | reached |
 * |---|---|---|
 * | 1 | street office, community, grid worker | 1 day overdue, or notice not acknowledged in 1 working day |
 * | 2 | district fire rescue brigade | 3 working days overdue, or re-inspection failed twice |
 * | 3 | district safety committee office: listed supervision; a major hazard reported to the government through the emergency management bureau (消防法 Art. 55) | 5 working days overdue; every major hazard at once |
 * | 4 | district leaders | 10 working days overdue |
 * | 5 | enforcement | 20 working days overdue |
 */
export const fireEscalation: PolicyPackInput['escalation'] = {
  warnBefore: { workingDays: 1 },
  startLevel: { general: 0, major: 3 },
  baseNotify: ['responsible'],
  ladder: [
    {
      level: 1,
      name: { zh: '属地督促（街道、社区、网格员）', en: 'Territory: street office, community, grid worker' },
      notify: ['territory', 'responsible'],
      action: {
        zh: '网格员上门督促整改，街道消防安全办公室跟踪',
        en: "Grid worker visits the site; the street's fire safety office follows up",
      },
      after: { days: 1 },
      unacknowledgedAfter: { workingDays: 1 },
      repeat: { every: { workingDays: 1 }, times: 1 },
    },
    {
      level: 2,
      name: { zh: '消防救援大队督办', en: 'District fire rescue brigade' },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '复查并依法处罚（消防法第六十条），经责令改正拒不改正的强制执行',
        en: 'Re-inspect and fine (消防法 Art. 60); enforce removal where the order is ignored',
      },
      after: { workingDays: 3 },
      verificationFailures: 2,
      repeat: { every: { workingDays: 1 }, times: 1 },
    },
    {
      level: 3,
      name: { zh: '区安委办挂牌督办', en: 'District safety committee office: listed supervision' },
      notify: ['command', 'regulator', 'territory', 'responsible'],
      action: {
        zh: '挂牌督办；影响公共安全的重大火灾隐患由区应急管理局书面报告区人民政府（消防法第五十五条）',
        en: 'Listed supervision; a major fire hazard affecting public safety is reported in writing to the district government by the district emergency management bureau (消防法 Art. 55)',
      },
      after: { workingDays: 5 },
      repeat: { every: { workingDays: 2 }, times: 2 },
    },
    {
      level: 4,
      name: { zh: '区领导督办', en: 'District leaders' },
      notify: ['command', 'regulator', 'territory', 'responsible'],
      action: {
        zh: '发督办函、约谈单位负责人和属地街道、公开曝光、考核扣分',
        en: 'Supervision letter, admonition talk with the unit and the street, public notice, assessment penalty',
      },
      after: { workingDays: 10 },
      repeat: { every: { workingDays: 5 }, times: 1 },
    },
    {
      level: 5,
      name: { zh: '执法与问责', en: 'Enforcement and accountability' },
      notify: ['regulator', 'command'],
      action: {
        zh: '临时查封、责令停产停业、罚款、联合惩戒，移送纪检监察问责',
        en: 'Temporary seal, suspension, fines, joint punishment; officials referred for accountability',
      },
      after: { workingDays: 20 },
    },
  ],
};
