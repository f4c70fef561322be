import { definePolicyPack, type PolicyPack } from '@hazardflow/core';
import { TRAFFIC_MAJOR_RECTIFY, trafficCategories } from './traffic-categories';
import { trafficEscalation } from './traffic-escalation';
import { trafficIndustryDepartments } from './traffic-industry-departments';
import { TRAFFIC_PLACE_TYPES } from './traffic-place-types';
import { trafficSeasons } from './traffic-seasons';
import { trafficSeverityRules } from './traffic-severity-rules';

/**
 * The road-traffic pack (道路交通安全隐患排查整治): the traffic police find hazards on roads and in
 * key vehicles, report road hazards to the local government (道路交通安全法 Art. 29), and the
 * road maintainers or operators fix them. Values marked [default] are the pack's choices where
 * no rule fixes a number.
 *
 * 1.1.0 names the places' industry departments (三管三必须, `parties`) and makes listed
 * supervision (挂牌督办) a decision of the listing authority (`LIST`), not a
 * consequence of a grade or of lateness, replaces the upper rungs with the brigade's supervision
 * notice (督办单), its circulated notice (通报) and referral to the road traffic safety committee
 * office, and stops the winter season from grading fog and ice sections major (it shortens their
 * deadlines instead). 1.0.0 is still exported as `trafficPackV1_0`, for cases pinned to it.
 */
export const trafficPack: PolicyPack = definePolicyPack({
  id: 'traffic',
  version: '1.1.0',
  name: { zh: '道路交通安全隐患排查整治', en: 'Road traffic safety hazards' },
  domain: 'traffic',
  regulator: { id: 'traffic-police', name: { zh: '公安交警大队', en: 'Traffic police brigade' } },
  timeZone: 'Asia/Shanghai',
  placeTypes: TRAFFIC_PLACE_TYPES,
  categories: trafficCategories,
  severityRules: trafficSeverityRules,
  deadlines: {
    triage: { workingDays: 3 }, // [default]; 24 h for unmarked work zones
    notice: { workingDays: 3 }, // [default], as for fire; Art. 29 says "promptly" (及时)
    acknowledge: { workingDays: 1 }, // [default]
    rectify: { general: { days: 30 }, major: TRAFFIC_MAJOR_RECTIFY }, // [default]; categories override
    // [default] one plan per road section needs a survey and a design: 15 days rather than 7.
    plan: { days: 15 },
    planReview: { workingDays: 5 }, // [default]
    verify: { workingDays: 5 }, // [default] joint site check with the road maintainer
    acceptance: { days: 10 }, // review of the close-out application (Order 16 and local rules)
    extensionDecision: { workingDays: 10 }, // local rule (Qingdao): decided within 10 working days
  },
  steps: {
    acknowledgement: true,
    fixOnSpot: true, // e.g. warning signs put up at a work zone while the police wait
    majorPlan: true,
    // suspend = traffic control of the section (限制通行、禁止通行, Art. 39) or a vehicle taken off
    // the road until it passes inspection. Nobody is evacuated and nothing is sealed.
    interimControls: ['suspend'],
    followUp: { days: 365 }, // [default] a black spot is judged by a year of crash records after the works
    maxExtensions: 2, // [default]
    transfer: true,
  },
  escalation: trafficEscalation,
  evidence: {
    report: [{ kind: 'photo', label: { zh: '现场照片', en: 'Site photo' } }],
    notice: [
      {
        kind: 'notice-service-proof',
        label: { zh: '隐患整改通知书送达回证或报告政府函', en: 'Proof of service, or the report to the government' },
      },
    ],
    plan: [
      {
        kind: 'section-plan',
        label: {
          zh: '一点一方案（五落实：责任、措施、资金、时限、预案）',
          en: 'Plan for the section (responsibility, measures, funds, deadline, emergency plan)',
        },
      },
    ],
    interimControl: [
      {
        kind: 'interim-control-record',
        label: { zh: '交通管制公告或车辆停运通知', en: 'Traffic control notice or vehicle suspension order' },
      },
    ],
    rectification: [{ kind: 'after-photo', label: { zh: '整改后照片', en: 'Photo after rectification' } }],
    verification: [{ kind: 'reinspection-record', label: { zh: '复查记录', en: 'Re-inspection record' } }],
    acceptance: [
      {
        kind: 'joint-acceptance-record',
        label: { zh: '交警、交通运输部门联合验收记录', en: 'Joint acceptance by traffic police and transport bureau' },
      },
      { kind: 'closeout-decision', label: { zh: '销号意见', en: 'Close-out decision' } },
    ],
  },
  permissions: {
    // Road works are checked by the police and the road authority, not by street staff.
    VERIFY: ['regulator'],
    // Traffic control is a police power (Art. 39).
    START_INTERIM_CONTROL: ['regulator'],
    LIFT_INTERIM_CONTROL: ['regulator'],
  },
  seasons: trafficSeasons,
  // 三管三必须 (《安全生产法》 Art. 3): the places' industry departments, told what the regulator is told.
  parties: trafficIndustryDepartments,
});
