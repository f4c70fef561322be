import type { PolicyPackInput } from '@hazardflow/core';

/**
 * The building escalation ladder: DOMAIN.md's default ladder with the housing-safety actors.
 * Streets and communities carry the first line (属地管理) for self-built houses, so they are
 * told from the notice on (`baseNotify`). Every rung is measured from the responsible party's
 * deadline; C- and D-grade buildings start at level 3 (挂牌督办) the moment they are graded.
 *
 * | level | who | reached |
 * |---|---|---|
 * | 1 | street office, community, grid worker | 1 day overdue, or notice not acknowledged in 1 working day |
 * | 2 | district housing and construction bureau | 3 working days overdue, or re-inspection failed twice |
 * | 3 | district safety committee office: listed supervision | 5 working days overdue; every major hazard at once |
 * | 4 | district leaders | 10 working days overdue |
 * | 5 | enforcement | 20 working days overdue |
 */
export const buildingEscalation: PolicyPackInput['escalation'] = {
  warnBefore: { workingDays: 1 },
  startLevel: { general: 0, major: 3 },
  baseNotify: ['responsible', 'territory'],
  ladder: [
    {
      level: 1,
      name: { zh: '属地督促（街道、社区、网格员）', en: 'Territory: street office, community, grid worker' },
      notify: ['territory', 'responsible'],
      action: {
        zh: '网格员上门督促产权人，街道房屋安全工作专班跟踪',
        en: "Grid worker visits the owner; the street's housing safety team follows up",
      },
      after: { days: 1 },
      unacknowledgedAfter: { workingDays: 1 },
      repeat: { every: { workingDays: 1 }, times: 1 },
    },
    {
      level: 2,
      name: { zh: '区住房和城乡建设局督办', en: 'District housing and construction bureau' },
      notify: ['regulator', 'territory', 'responsible'],
      action: {
        zh: '现场复查，责令停止使用或限期解危',
        en: 'Re-inspect; order the building out of use or made safe by a date',
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
        zh: '挂牌督办，定期报告整治进展',
        en: 'Listed supervision with regular progress reports',
      },
      after: { workingDays: 5 },
      repeat: { every: { workingDays: 2 }, times: 2 },
    },
    {
      level: 4,
      name: { zh: '区领导督办', en: 'District leaders' },
      notify: ['command', 'regulator', 'territory', 'responsible'],
      action: {
        zh: '发督办函、约谈产权人和属地街道、公开曝光、考核扣分',
        en: 'Supervision letter, admonition talk with the owner and the street, public notice, assessment penalty',
      },
      after: { workingDays: 10 },
      repeat: { every: { workingDays: 5 }, times: 1 },
    },
    {
      level: 5,
      name: { zh: '执法与问责', en: 'Enforcement and accountability' },
      notify: ['regulator', 'command'],
      action: {
        zh: '依法强制停止使用、拆除违法建设（城乡规划法第六十八条）、联合惩戒、问责',
        en: 'Enforced closure, demolition of illegal works (城乡规划法 Art. 68), joint punishment, accountability',
      },
      after: { workingDays: 20 },
    },
  ],
};
