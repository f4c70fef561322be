import type { Duration, PolicyPackInput } from '@hazardflow/core';

type CategoryInput = PolicyPackInput['categories'][number];

/** Major building hazards (C/D grades, unsafe structures): the plan sets the date; 90 days at most. [default] */
export const BUILDING_MAJOR_RECTIFY: Duration = { days: 90 };

function rectify(general: Duration, major: Duration = BUILDING_MAJOR_RECTIFY) {
  return { general, major };
}

/**
 * A safety appraisal report (房屋安全鉴定报告) by a qualified appraisal body: the only proof
 * that a structural hazard is gone, so every structural category needs one to close.
 */
const APPRAISAL_REPORT = {
  rectification: [
    {
      kind: 'appraisal-report',
      label: { zh: '房屋安全鉴定报告', en: 'Building safety appraisal report' },
    },
  ],
};

/** Suspected collapse risk is looked at within 24 h. [default] */
const URGENT: Duration = { hours: 24 };

/**
 * A suspected dangerous house is appraised before the bureau serves its notice (初判 → 鉴定 →
 * 通知): `visible-cracks` is pending appraisal for 15 working days from triage, and its
 * `notice` step allows the same, so neither runs out before the other. [default]
 */
const APPRAISAL_TIME: Duration = { workingDays: 15 };

/**
 * The seven building categories of DOMAIN.md. Grades follow JGJ 125-2016 《危险房屋鉴定标准》:
 * A no danger, B a few dangerous members, C local danger (局部危房), D the whole building
 * dangerous (整幢危房). Only C and D are dangerous houses (危房); B is a house whose few
 * dangerous members are repaired while it stays in use. The handling of a dangerous house
 * (observe, treat, stop use, demolish) follows 《城市危险房屋管理规定》 (建设部令第4号, amended
 * 2004) Art. 10.
 *
 * C and D grades are imminent dangers here: the dangerous part (C) or the whole building (D)
 * stops being used and its people move out within `deadlines.interimControl` (hours), the
 * stop-use (停止使用) of Art. 10 as an interim control. A suspected dangerous house
 * (`visible-cracks`) is not graded major before its appraisal (初判 → 鉴定).
 */
export const buildingCategories: CategoryInput[] = [
  {
    id: 'd-grade',
    name: { zh: 'D级危房（整幢危房）', en: 'D-grade: whole building dangerous' },
    defaultSeverity: 'major',
    // Evacuate the same day: the imminent-danger overlay asks for the interim control at once.
    imminentDanger: true,
    deadlines: { triage: URGENT, notice: URGENT, rectify: rectify({ days: 7 }) },
    evidence: APPRAISAL_REPORT,
    source: 'JGJ 125-2016 (grade D); 《城市危险房屋管理规定》 Art. 10 (停止使用、整体拆除)',
  },
  {
    id: 'c-grade',
    name: { zh: 'C级危房（局部危房）', en: 'C-grade: local danger' },
    defaultSeverity: 'major',
    // Stop using the dangerous part the same day: an interim control within hours, so the
    // bureau looks at it within 24 h, as at a D grade.
    imminentDanger: true,
    deadlines: { triage: URGENT, rectify: rectify({ days: 30 }) },
    evidence: APPRAISAL_REPORT,
    source: 'JGJ 125-2016 (grade C, 局部危房); 《城市危险房屋管理规定》 Art. 10 (处理使用、停止使用)',
  },
  {
    id: 'b-grade',
    // Not a dangerous house: the dangerous members are repaired while the house stays in use.
    name: { zh: 'B级（个别构件危险，非危房）', en: 'B-grade: a few dangerous members, not a dangerous house' },
    defaultSeverity: 'general',
    deadlines: { rectify: rectify({ days: 30 }) },
    evidence: {
      rectification: [
        { kind: 'repair-record', label: { zh: '构件维修加固记录', en: 'Repair or strengthening record' } },
      ],
    },
    source:
      'JGJ 125-2016 (grade B: 个别结构构件处于危险状态，不影响主体结构安全，基本满足安全使用要求; 危房 are grades C and D); repair the members [default]',
  },
  {
    id: 'self-built-house-unappraised',
    name: {
      zh: '经营性自建房未经安全鉴定',
      en: 'Business-use self-built house without a safety appraisal',
    },
    defaultSeverity: 'general',
    placeTypes: ['self-built-house'],
    // Commission an appraisal within 30 days; a major case (3+ storeys or 10+ occupants) stops
    // business until the appraisal passes and has 60 days.
    deadlines: { rectify: rectify({ days: 30 }, { days: 60 }) },
    evidence: APPRAISAL_REPORT,
    source: '《全国自建房安全专项整治工作方案》 (国办发明电〔2022〕10号)',
  },
  {
    id: 'structural-alteration',
    name: {
      zh: '擅自变动主体和承重结构、加层、开挖地下室',
      en: 'Unauthorised structural change, added storeys or basement digging',
    },
    defaultSeverity: 'general',
    deadlines: { rectify: rectify({ days: 15 }) },
    evidence: APPRAISAL_REPORT,
    source: '《建设工程质量管理条例》 Art. 15; 《住宅室内装饰装修管理办法》 Art. 5; 城乡规划法 Art. 40, 64',
  },
  {
    id: 'home-converted-to-business',
    name: {
      zh: '住宅擅自改作民宿、餐饮或群租',
      en: 'Home converted to lodging, catering or crowded rental',
    },
    defaultSeverity: 'general',
    placeTypes: ['residential', 'self-built-house'],
    deadlines: { rectify: rectify({ days: 30 }) },
    source: '民法典 Art. 279; 《商品房屋租赁管理办法》 Art. 8',
  },
  {
    id: 'visible-cracks',
    name: {
      zh: '房屋明显裂缝、倾斜、变形（疑似危房）',
      en: 'Visible cracks, tilt or deformation (suspected dangerous house)',
    },
    // A suspected dangerous house: looked at within 24 h (初判), graded by its appraisal (鉴定), not
    // before. The notice waits for the appraisal; RECORD_APPRAISAL re-grades the case as the
    // grade's category (A: no dangerous house, the bureau dismisses the case).
    defaultSeverity: 'general',
    deadlines: { triage: URGENT, notice: APPRAISAL_TIME, rectify: rectify({ days: 30 }) },
    evidence: APPRAISAL_REPORT,
    appraisal: {
      within: APPRAISAL_TIME,
      gradeCategories: { A: null, B: 'b-grade', C: 'c-grade', D: 'd-grade' },
      source: 'JGJ 125-2016 (grades A–D); 《城市危险房屋管理规定》 Art. 10 (the notice follows the appraisal)',
    },
    source:
      'JGJ 125-2016 (dangerous points and members; the grade comes from the appraisal); 《城市危险房屋管理规定》 Art. 10 (危险房屋通知书 after the appraisal)',
  },
];
