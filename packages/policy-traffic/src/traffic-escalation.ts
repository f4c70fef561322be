import type { PolicyPackInput } from '@hazardflow/core';

/**
 * The road-traffic escalation ladder: DOMAIN.md's default ladder with the road-safety actors.
 * Every rung is measured from the responsible party's deadline; major hazards (black spots,
 * key vehicles) start at level 3 (挂牌督办) the moment they are graded. Listed supervision
 * happens at the level that lists the section (district, city, province or ministry); the pack
 * models the district's own rungs.
 *
 * | level | who | reached |
 * |---|---|---|
 * | 1 | town or street office, traffic safety persuasion station, grid worker | 1 day overdue, or notice not acknowledged in 1 working day |
 * | 2 | traffic police brigade with the transport bureau | 3 working days overdue, or re-inspection failed twice |
 * | 3 | road traffic safety committee office: listed supervision | 5 working days overdue; every major hazard at once |
 * | 4 | district leaders | 10 working days overdue |
 * | 5 | enforcement | 20 working days overdue |
 */
export const trafficEscalation: PolicyPackInput['escalation'] = {
  // Road works run for months: warn three working days ahead. [default]
  warnBefore: { workingDays: 3 },
  startLevel: { general: 0, major: 3 },
  baseNotify: ['responsible'],
  ladder: [
    {
      level: 1,
      name: {
        zh: '属地督促（乡镇、街道、交通安全劝导站、网格员）',
        en: 'Territory: town or street office, persuasion station, grid worker',
      },
      notify: ['territory', 'responsible'],
      action: {
        zh: '乡镇街道督促道路管养单位或运输企业',
        en: 'The town or street office presses the road maintainer or the operator',
      },
      after: { days: 1 },
      unacknowledgedAfter: { workingDays: 1 },
      repeat: { every: { workingDays: 1 }, times: 1 },
    },
    {
      level: 2,
      name: { zh: '交警大队会同交通运输局督办', en: 'Traffic police brigade with the transport bureau' },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '现场复查，书面报告当地人民政府（道路交通安全法第二十九条）',
        en: 'Re-inspect and report in writing to the local government (道路交通安全法 Art. 29)',
      },
      after: { workingDays: 3 },
      verificationFailures: 2,
      repeat: { every: { workingDays: 1 }, times: 1 },
    },
    {
      level: 3,
      name: {
        zh: '道路交通安全委员会办公室挂牌督办',
        en: 'Road traffic safety committee office: listed supervision',
      },
      notify: ['command', 'regulator', 'territory', 'responsible'],
      action: {
        zh: '挂牌督办，一点一方案，定期报告整治进展',
        en: 'Listed supervision, one plan per section, regular progress reports',
      },
      after: { workingDays: 5 },
      repeat: { every: { workingDays: 2 }, times: 2 },
    },
    {
      level: 4,
      name: { zh: '区领导督办', en: 'District leaders' },
      notify: ['command', 'regulator', 'territory', 'responsible'],
      action: {
        zh: '发督办函、约谈道路管养单位或企业负责人、公开曝光、考核扣分',
        en: 'Supervision letter, admonition talk with the road maintainer or operator, public notice, assessment penalty',
      },
      after: { workingDays: 10 },
      repeat: { every: { workingDays: 5 }, times: 1 },
    },
    {
      level: 5,
      name: { zh: '执法与问责', en: 'Enforcement and accountability' },
      notify: ['regulator', 'command'],
      action: {
        zh: '运输企业停业整顿、吊销许可、联合惩戒；道路管理部门有关人员问责',
        en: 'Operator suspended, permits revoked, joint punishment; road authority officials held accountable',
      },
      after: { workingDays: 20 },
    },
  ],
};
