import { definePolicyPack, type PolicyPack } from '@hazardflow/core';
import { SE_MAJOR_RECTIFY, specialEquipmentCategories } from './special-equipment-categories';
import { specialEquipmentEscalation } from './special-equipment-escalation';
import { specialEquipmentIndustryDepartments } from './special-equipment-industry-departments';
import { SPECIAL_EQUIPMENT_PLACE_TYPES } from './special-equipment-place-types';
import { specialEquipmentSeasons } from './special-equipment-seasons';
import { specialEquipmentSeverityRules } from './special-equipment-severity-rules';

/**
 * The special-equipment pack (特种设备安全隐患排查整治): a district market supervision bureau's
 * work under the Special Equipment Safety Law (特种设备安全法, 2013), SAMR's 《特种设备安全监督检查办法》
 * (Order 57, 2022) and GB 45067-2024 《特种设备重大事故隐患判定准则》. Values marked [default] are
 * the pack's choices where no rule found fixes a number.
 *
 * 1.1.0 names the places' industry departments (三管三必须, `parties`) and makes listed
 * supervision (挂牌督办) a decision of the listing authority (`LIST`), not a
 * consequence of a grade or of lateness, and replaces the upper rungs with the bureau's
 * supervision notice (督办单), its circulated notice (通报) and referral to the district safety
 * committee office. 1.0.0 is still exported as `specialEquipmentPackV1_0`, for cases pinned to it.
 */
export const specialEquipmentPack: PolicyPack = definePolicyPack({
  id: 'special-equipment',
  version: '1.1.0',
  name: { zh: '特种设备安全隐患排查整治', en: 'Special equipment safety hazards' },
  domain: 'special-equipment',
  regulator: {
    id: 'market-supervision',
    name: { zh: '区市场监督管理局', en: 'District market supervision bureau' },
  },
  timeZone: 'Asia/Shanghai',
  placeTypes: SPECIAL_EQUIPMENT_PLACE_TYPES,
  categories: specialEquipmentCategories,
  severityRules: specialEquipmentSeverityRules,
  deadlines: {
    triage: { workingDays: 3 }, // [default]; 24 h for lifts, ropeways and rides (categories)
    notice: { workingDays: 3 }, // [default] written inspection directive (安全监察指令, Law Art. 62)
    acknowledge: { workingDays: 1 }, // [default]
    rectify: { general: { days: 15 }, major: SE_MAJOR_RECTIFY }, // [default]; categories override
    plan: { days: 7 }, // [default]
    planReview: { workingDays: 5 }, // [default]
    verify: { workingDays: 3 }, // [default] re-inspection (复查)
    acceptance: { days: 10 }, // [default]
    extensionDecision: { workingDays: 5 }, // [default]
  },
  steps: {
    acknowledgement: true,
    // A general hazard put right during the inspection (a certified operator takes over the
    // forklift) closes on the spot; major ones and imminent dangers never do.
    fixOnSpot: true,
    majorPlan: true,
    // 查封、扣押 (Law Art. 61(3)) and 责令停止使用 (Art. 83–86). Evacuation is not this bureau's measure.
    interimControls: ['seal', 'suspend'],
    followUp: { days: 90 }, // [default] 回头看 within a quarter
    maxExtensions: 1, // [default]
    // Site cranes and in-plant vehicles go to the housing and construction department (Art. 100);
    // a restaurant's gas supply to the gas authority.
    transfer: true,
  },
  escalation: specialEquipmentEscalation,
  evidence: {
    report: [
      {
        // Administrative inspections are made by at least two law-enforcement officers (行政处罚法 Art. 42).
        kind: 'inspection-record',
        min: 2,
        distinctBy: true,
        roles: ['regulator'],
        label: {
          zh: '特种设备现场安全监督检查记录（两名执法人员）',
          en: 'On-site inspection record by two inspectors',
        },
      },
      {
        kind: 'photo',
        label: { zh: '现场照片（设备铭牌、使用登记标志）', en: 'Site photo (nameplate, registration mark)' },
      },
    ],
    notice: [
      {
        kind: 'inspection-directive',
        label: { zh: '特种设备安全监察指令书及送达回证', en: 'Written inspection directive and proof of service' },
      },
    ],
    plan: [
      {
        kind: 'rectification-plan',
        label: {
          zh: '重大事故隐患治理方案（责任、措施、资金、时限、预案）',
          en: 'Major hazard plan (responsibility, measures, funds, deadline, emergency plan)',
        },
      },
    ],
    interimControl: [
      {
        kind: 'seal-decision',
        label: { zh: '查封（扣押）决定书或停止使用指令', en: 'Seal or seizure decision, or stop-use order' },
      },
      {
        kind: 'sealed-equipment-photo',
        label: { zh: '设备查封、停用后的照片（封条）', en: 'Photos of the sealed equipment' },
      },
    ],
    rectification: [
      { kind: 'rectification-report', label: { zh: '使用单位整改报告', en: "Using unit's rectification report" } },
    ],
    verification: [{ kind: 'reinspection-record', label: { zh: '复查记录', en: 'Re-inspection record' } }],
    acceptance: [
      { kind: 'reinspection-record', label: { zh: '复查记录', en: 'Re-inspection record' } },
      {
        kind: 'inspection-report',
        label: { zh: '检验机构出具的检验报告（结论合格）', en: 'Inspection report of the inspection body, passed' },
      },
    ],
  },
  permissions: {
    // Seal and seizure are the bureau's powers (Law Art. 61); only its inspectors re-inspect equipment.
    START_INTERIM_CONTROL: ['regulator'],
    LIFT_INTERIM_CONTROL: ['regulator'],
    VERIFY: ['regulator'],
    FIX_ON_SPOT: ['regulator'],
  },
  seasons: specialEquipmentSeasons,
  // 三管三必须 (《安全生产法》 Art. 3): the places' industry departments, told what the regulator is told.
  parties: specialEquipmentIndustryDepartments,
});
