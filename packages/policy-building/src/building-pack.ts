import { definePolicyPack, type PolicyPack } from '@hazardflow/core';
import { BUILDING_MAJOR_RECTIFY, buildingCategories } from './building-categories';
import { buildingEscalation } from './building-escalation';
import { buildingIndustryDepartments } from './building-industry-departments';
import { BUILDING_PLACE_TYPES } from './building-place-types';
import { buildingSeasons } from './building-seasons';
import { buildingSeverityRules } from './building-severity-rules';

/**
 * The building-safety pack (房屋安全隐患排查整治): housing and construction bureaus grading
 * dangerous houses by JGJ 125-2016, the 2022 national self-built house campaign and the rules
 * on structural alterations. Values marked [default] are the pack's choices where no rule
 * fixes a number.
 *
 * 1.2.0 names commercial buildings' industry department (the commerce bureau, `parties`) and
 * makes listed supervision (挂牌督办) a decision of the listing authority (`LIST`), not a
 * consequence of a grade or of lateness, and replaces the upper rungs with the housing bureau's
 * supervision notice (督办单), its circulated notice (通报) and referral to the district safety
 * committee office. 1.1.0 (still exported as `buildingPackV1_1`) said that B grade is not a
 * dangerous house, stopped use of C- and D-grade houses and of business-use self-built houses
 * awaiting an appraisal within 12 hours, and graded a suspected dangerous house by its
 * appraisal, not before. 1.0.0 is still exported as `buildingPackV1_0`. Both for cases pinned
 * to them.
 */
export const buildingPack: PolicyPack = definePolicyPack({
  id: 'building',
  version: '1.2.0',
  name: { zh: '房屋安全隐患排查整治', en: 'Building safety hazards' },
  domain: 'building',
  regulator: {
    id: 'housing-construction',
    name: { zh: '区住房和城乡建设局', en: 'District housing and construction bureau' },
  },
  timeZone: 'Asia/Shanghai',
  placeTypes: BUILDING_PLACE_TYPES,
  categories: buildingCategories,
  severityRules: buildingSeverityRules,
  deadlines: {
    triage: { workingDays: 3 }, // [default]; 24 h for D-grade and visible cracks
    notice: { workingDays: 3 }, // [default], as for fire; 24 h for D-grade
    acknowledge: { workingDays: 1 }, // [default]
    rectify: { general: { days: 30 }, major: BUILDING_MAJOR_RECTIFY }, // [default]; categories override
    plan: { days: 7 }, // [default] 五落实 plan within 7 days of grading
    planReview: { workingDays: 5 }, // [default]
    verify: { workingDays: 5 }, // [default] structural re-inspection needs an engineer
    acceptance: { days: 10 }, // review of the close-out application (Order 16 and local rules)
    extensionDecision: { workingDays: 10 }, // local rule (Qingdao): decided within 10 working days
    // Stop use and evacuation the same day (《城市危险房屋管理规定》 Art. 10 停止使用; 国办发明电〔2022〕10号
    // 立即停止使用、人员撤离): 12 hours from the report, so a house found in the morning is empty by night. [default] hours
    interimControl: { hours: 12 },
  },
  steps: {
    acknowledgement: true,
    // A structural hazard is never fixed on the spot: it needs works and an appraisal.
    fixOnSpot: false,
    majorPlan: true,
    // Evacuate the occupants; suspend = stop use (停止使用) of the building or the business in it.
    interimControls: ['evacuate', 'suspend'],
    followUp: { days: 180 }, // [default] 回头看 through the next flood season
    maxExtensions: 2, // [default] appraisals and works run late for good reasons
    transfer: true,
  },
  escalation: buildingEscalation,
  evidence: {
    report: [{ kind: 'photo', label: { zh: '现场照片', en: 'Site photo' } }],
    notice: [
      {
        kind: 'notice-service-proof',
        label: { zh: '危险房屋通知书或整改通知书送达回证', en: 'Proof of service of the notice' },
      },
    ],
    plan: [
      {
        kind: 'rectification-plan',
        label: {
          zh: '解危方案（五落实：责任、措施、资金、时限、预案）',
          en: 'Plan to make the building safe (responsibility, measures, funds, deadline, emergency plan)',
        },
      },
    ],
    interimControl: [
      {
        kind: 'interim-control-record',
        label: { zh: '人员撤离名单、警戒或封闭照片', en: 'List of people moved out, cordon or closure photos' },
      },
    ],
    rectification: [{ kind: 'after-photo', label: { zh: '整改后照片', en: 'Photo after rectification' } }],
    verification: [{ kind: 'reinspection-record', label: { zh: '复查记录', en: 'Re-inspection record' } }],
    acceptance: [
      { kind: 'reinspection-record', label: { zh: '复查记录', en: 'Re-inspection record' } },
      { kind: 'closeout-decision', label: { zh: '销号意见', en: 'Close-out decision' } },
    ],
  },
  permissions: {
    // Streets organise evacuations of residents with the bureau; only the bureau lets people back in.
    START_INTERIM_CONTROL: ['regulator', 'territory', 'command'],
    LIFT_INTERIM_CONTROL: ['regulator'],
  },
  seasons: buildingSeasons,
  // 三管三必须 (《安全生产法》 Art. 3): commercial buildings' industry department, told what the bureau is told.
  parties: buildingIndustryDepartments,
});
