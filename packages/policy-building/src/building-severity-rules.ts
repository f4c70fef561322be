import type { PolicyPackInput } from '@hazardflow/core';

type SeverityRuleInput = PolicyPackInput['severityRules'] extends (infer R)[] | undefined ? R : never;

/**
 * How a building case becomes major or imminent. Findings are what the inspector or the
 * appraisal report records (`findings.grade` is the JGJ 125 grade, 'A'…'D'); site attributes
 * come from the house register (`site.storeys`, `site.occupants`). A condition on a finding or
 * attribute the case does not have is false.
 * The grade rules apply to every category, so a self-built house appraised D is an imminent
 * danger whatever it was reported as.
 *
 * Imminent danger in this pack means "stop using it and move people out within
 * `deadlines.interimControl`" (停止使用、人员撤离, the `suspend` and `evacuate` interim
 * controls): C- and D-grade houses (《城市危险房屋管理规定》 Art. 10), business-use self-built houses
 * that must stop business until an appraisal passes, and cracks that keep growing. Only an
 * appraisal makes a house major: growing cracks are an emergency, not yet a grade.
 */
export const buildingSeverityRules: SeverityRuleInput[] = [
  {
    id: 'jgj125-grade-c',
    kind: 'conditions',
    source: 'JGJ 125-2016 (grade C, 局部危房); 《城市危险房屋管理规定》 Art. 10 (停止使用)',
    description: {
      zh: '鉴定为C级：房屋局部处于危险状态，危险部位当日停止使用',
      en: 'Appraised C: part of the building is dangerous; stop using that part the same day',
    },
    all: [{ field: 'findings.grade', op: 'eq', value: 'C' }],
    outcome: { severity: 'major', imminentDanger: true },
  },
  {
    id: 'jgj125-grade-d',
    kind: 'conditions',
    source: 'JGJ 125-2016 (grade D, 整幢危房); 《城市危险房屋管理规定》 Art. 10',
    description: {
      zh: '鉴定为D级：房屋整体处于危险状态，当日撤离',
      en: 'Appraised D: the whole building is dangerous; evacuate the same day',
    },
    all: [{ field: 'findings.grade', op: 'eq', value: 'D' }],
    outcome: { severity: 'major', imminentDanger: true },
  },
  // 3+ storeys OR 10+ occupants: `all` is a conjunction, so the "or" is two rules. "Without an
  // appraisal" is the category itself; a condition on a `site.safetyAppraisal` attribute would
  // be false whenever the register does not record it, and so miss exactly the houses nobody
  // has looked at.
  {
    id: 'self-built-three-storeys',
    kind: 'conditions',
    source: '《全国自建房安全专项整治工作方案》 (国办发明电〔2022〕10号); campaign rule: 3+ storeys',
    description: {
      zh: '3层及以上经营性自建房未经安全鉴定，停止经营直至鉴定合格',
      en: 'Business-use self-built house of 3+ storeys without an appraisal: stop business until it passes',
    },
    categories: ['self-built-house-unappraised'],
    all: [{ field: 'site.storeys', op: 'gte', value: 3 }],
    // Stop business (the `suspend` interim control) within hours, until the appraisal passes.
    outcome: { severity: 'major', imminentDanger: true },
  },
  {
    id: 'self-built-ten-occupants',
    kind: 'conditions',
    source: '《全国自建房安全专项整治工作方案》 (国办发明电〔2022〕10号); campaign rule: 10+ occupants',
    description: {
      zh: '人员聚集10人及以上的经营性自建房未经安全鉴定，停止经营直至鉴定合格',
      en: 'Business-use self-built house used by 10+ people without an appraisal: stop business until it passes',
    },
    categories: ['self-built-house-unappraised'],
    all: [{ field: 'site.occupants', op: 'gte', value: 10 }],
    outcome: { severity: 'major', imminentDanger: true },
  },
  {
    id: 'load-bearing-altered',
    kind: 'conditions',
    source: '《建设工程质量管理条例》 Art. 15; 《住宅室内装饰装修管理办法》 Art. 5',
    description: { zh: '拆改承重墙、柱、梁等承重结构', en: 'Load-bearing walls, columns or beams altered' },
    categories: ['structural-alteration'],
    all: [{ field: 'findings.loadBearingAltered', op: 'truthy' }],
    outcome: { severity: 'major' },
  },
  {
    id: 'storeys-added',
    kind: 'conditions',
    source: '城乡规划法 Art. 40, 64; 《全国自建房安全专项整治工作方案》 (违规加层)',
    description: { zh: '擅自加层', en: 'Storeys added without permission' },
    categories: ['structural-alteration'],
    all: [{ field: 'findings.storeysAdded', op: 'gte', value: 1 }],
    outcome: { severity: 'major' },
  },
  {
    id: 'basement-excavated',
    kind: 'conditions',
    source: '《住宅室内装饰装修管理办法》 Art. 5; 城乡规划法 Art. 64',
    description: { zh: '擅自开挖地下室或扩挖地下空间', en: 'Basement dug or enlarged without permission' },
    categories: ['structural-alteration'],
    all: [{ field: 'findings.basementExcavated', op: 'truthy' }],
    outcome: { severity: 'major' },
  },
  {
    id: 'cracks-widening',
    kind: 'conditions',
    source: '《全国自建房安全专项整治工作方案》 (随时可能倒塌的，立即停止使用、人员撤离)',
    description: {
      zh: '裂缝持续发展或倾斜加剧，随时可能倒塌',
      en: 'Cracks growing or tilt increasing: collapse possible at any time',
    },
    all: [{ field: 'findings.cracksWidening', op: 'truthy' }],
    // Evacuate now; the grade waits for the appraisal (初判 → 鉴定), as for any suspected danger.
    outcome: { imminentDanger: true },
  },
];
