import type { PolicyPackInput } from '@hazardflow/core';

/**
 * The escalation ladder of a district market supervision bureau (区市场监督管理局). Every rung is
 * measured from the using unit's deadline; major hazards start at level 3 (挂牌督办) the moment
 * they are graded. The rungs follow the powers of 特种设备安全法: the bureau's written
 * inspection directive (安全监察指令, Art. 62) and penalties (Art. 83–86, "责令限期改正；逾期未改正的，
 * 责令停止使用"), seal and seizure (Art. 61), and the report of a serious hazard to the local
 * government and the bureau above (Art. 63). Timings are [default].
 *
 * | level | who | reached |
 * |---|---|---|
 * | 1 | street office, community, grid worker | 1 day overdue, or directive not acknowledged in 1 working day |
 * | 2 | district market supervision bureau: special-equipment inspectors | 3 working days overdue, or re-inspection failed twice |
 * | 3 | district safety committee office: listed supervision; report to the government (Art. 63) | 5 working days overdue; every major hazard at once |
 * | 4 | city market supervision bureau and district leaders | 10 working days overdue |
 * | 5 | enforcement and accountability | 20 working days overdue |
 */
export const specialEquipmentEscalation: PolicyPackInput['escalation'] = {
  warnBefore: { workingDays: 1 },
  startLevel: { general: 0, major: 3 },
  baseNotify: ['responsible'],
  ladder: [
    {
      level: 1,
      name: { zh: '属地督促（街道、社区、网格员）', en: 'Territory: street office, community, grid worker' },
      notify: ['territory', 'responsible'],
      action: {
        zh: '网格员上门督促使用单位整改，核实设备是否停用',
        en: 'Grid worker visits the using unit and checks the equipment is out of use',
      },
      after: { days: 1 },
      unacknowledgedAfter: { workingDays: 1 },
      repeat: { every: { workingDays: 1 }, times: 1 },
    },
    {
      level: 2,
      name: {
        zh: '区市场监管局特种设备安全监察',
        en: 'District market supervision bureau: special-equipment inspectors',
      },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '复查；逾期未改正的责令停止使用并依法处罚（特种设备安全法第八十三条至第八十六条）',
        en: 'Re-inspect; order the equipment out of use and fine where the limit passed (特种设备安全法 Art. 83–86)',
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
        zh: '挂牌督办；严重事故隐患报告本级人民政府和上级市场监管部门（特种设备安全法第六十三条）',
        en: 'Listed supervision; serious hazards reported to the district government and the city bureau (Art. 63)',
      },
      after: { workingDays: 5 },
      repeat: { every: { workingDays: 2 }, times: 2 },
    },
    {
      level: 4,
      name: { zh: '市市场监管局、区领导督办', en: 'City market supervision bureau and district leaders' },
      notify: ['command', 'regulator', 'territory', 'responsible'],
      action: {
        zh: '发督办函、约谈使用单位主要负责人和属地街道、公开曝光',
        en: 'Supervision letter, admonition talk with the head of the using unit and the street, public notice',
      },
      after: { workingDays: 10 },
      repeat: { every: { workingDays: 5 }, times: 1 },
    },
    {
      level: 5,
      name: { zh: '执法与问责', en: 'Enforcement and accountability' },
      notify: ['regulator', 'command'],
      action: {
        zh: '查封、扣押（第六十一条）、责令停止使用、罚款、信用惩戒，移送纪检监察问责',
        en: 'Seal or seize (Art. 61), order out of use, fine, credit penalties; officials referred for accountability',
      },
      after: { workingDays: 20 },
    },
  ],
};
