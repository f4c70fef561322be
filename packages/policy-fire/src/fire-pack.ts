import { definePolicyPack, type PolicyPack } from '@hazardflow/core';
import { FIRE_MAJOR_RECTIFY, fireCategories } from './fire-categories';
import { fireEscalation } from './fire-escalation';
import { fireIndustryDepartments } from './fire-industry-departments';
import { FIRE_PLACE_TYPES } from './fire-place-types';
import { fireSeasons } from './fire-seasons';
import { fireSeverityRules } from './fire-severity-rules';

/**
 * The fire-safety pack (消防安全隐患排查整治): fire rescue brigades' supervision under the Fire
 * Protection Law (消防法, 2021), 《消防监督检查规定》 and GB 35181-2025 《重大火灾隐患判定规则》,
 * with GB 35181-2017 《重大火灾隐患判定方法》 for hazards reported up to 2025-10-31.
 * Values marked [default] are the pack's choices where no rule fixes a number.
 *
 * 1.3.0 names the industry departments of the crowded places (三管三必须, `parties`: education,
 * health, culture and tourism, commerce, civil affairs) and makes listed supervision (挂牌督办) a
 * decision of the listing authority (`LIST`), not a
 * consequence of a grade or of lateness, and replaces the upper rungs with the brigade's
 * supervision notice (督办单), its circulated notice (通报) and referral to the district safety
 * committee office. 1.2.0 (still exported as `firePackV1_2`) gave the re-inspection (复查) to the
 * fire authority alone (《消防监督检查规定》 Art. 20), marked imminent danger by the
 * temporary-seal list of Art. 22 and said that a major fire hazard reaches the government
 * through the emergency management department (消防法 Art. 55). 1.1.0 (still exported as
 * `firePackV1_1`) added the 2017 rules beside the 2025 ones (validity windows); 1.0.0 graded
 * every report by GB 35181-2025. Older versions are for cases pinned to them.
 */
export const firePack: PolicyPack = definePolicyPack({
  id: 'fire',
  version: '1.3.0',
  name: { zh: '消防安全隐患排查整治', en: 'Fire safety hazards' },
  domain: 'fire',
  regulator: { id: 'fire-rescue', name: { zh: '消防救援大队', en: 'District fire rescue brigade' } },
  timeZone: 'Asia/Shanghai',
  placeTypes: FIRE_PLACE_TYPES,
  categories: fireCategories,
  severityRules: fireSeverityRules,
  deadlines: {
    // Complaints are verified within 3 working days (24 h for exits and systems, per category).
    // The 7-working-day limit of Art. 21 for a major fire hazard opinion is met within it.
    triage: { workingDays: 3 },
    // 责令限期改正: the notice is made and served within 3 working days (《消防监督检查规定》 Art. 19).
    notice: { workingDays: 3 },
    acknowledge: { workingDays: 1 }, // [default]
    rectify: { general: { days: 15 }, major: FIRE_MAJOR_RECTIFY }, // [default]; categories override
    plan: { days: 7 }, // [default] 五落实 plan within 7 days of grading
    planReview: { workingDays: 5 }, // [default]
    verify: { workingDays: 3 }, // re-inspection within 3 working days (same, Art. 20)
    acceptance: { days: 10 }, // review of the close-out application (Order 16 and local rules)
    extensionDecision: { workingDays: 10 }, // local rule (Qingdao): decided within 10 working days
    // An Art. 22 hazard is sealed (or suspended, evacuated) within 24 h of its report: the limit of
    // an urgent seal, decided within 24 h of sealing (《消防监督检查规定》 Art. 23 ¶2).
    interimControl: { hours: 24 },
  },
  steps: {
    acknowledgement: true,
    fixOnSpot: true, // GB 35181-2025 §4.2: what is corrected on the spot is not a major hazard
    majorPlan: true,
    // 临时查封 (消防法 Art. 54), 责令停产停业 (e.g. Art. 61), evacuation of the danger zone.
    interimControls: ['seal', 'suspend', 'evacuate'],
    followUp: { days: 90 }, // [default] 回头看 within a quarter
    maxExtensions: 1, // [default] fire limits are short and extensions rare
    transfer: true,
  },
  escalation: fireEscalation,
  evidence: {
    report: [
      // Inspections are made by at least two inspectors and recorded (《消防监督检查规定》).
      {
        kind: 'inspection-record',
        min: 2,
        distinctBy: true,
        // A public complaint (12345 / 96119) comes in without one; inspectors always record one.
        roles: ['regulator'],
        label: { zh: '消防监督检查记录（两名检查人员）', en: 'Inspection record by two inspectors' },
      },
      { kind: 'photo', label: { zh: '现场照片', en: 'Site photo' } },
    ],
    notice: [
      {
        kind: 'notice-service-proof',
        label: { zh: '责令限期改正通知书送达回证', en: 'Proof of service of the notice' },
      },
    ],
    plan: [
      {
        kind: 'rectification-plan',
        label: {
          zh: '整改方案（五落实：责任、措施、资金、时限、预案）',
          en: 'Rectification plan (responsibility, measures, funds, deadline, emergency plan)',
        },
      },
    ],
    interimControl: [
      {
        kind: 'interim-control-record',
        label: { zh: '临时查封决定书、封条或警戒照片', en: 'Seal decision, seal or cordon photos' },
      },
    ],
    rectification: [{ kind: 'after-photo', label: { zh: '整改后照片', en: 'Photo after rectification' } }],
    verification: [{ kind: 'reinspection-record', label: { zh: '复查记录', en: 'Re-inspection record' } }],
    acceptance: [
      { kind: 'reinspection-record', label: { zh: '复查记录', en: 'Re-inspection record' } },
      { kind: 'closeout-decision', label: { zh: '重大火灾隐患销案意见', en: 'Close-out decision' } },
    ],
  },
  permissions: {
    // Seals and suspensions are the fire rescue brigade's legal powers (消防法 Art. 54), not the committee's.
    START_INTERIM_CONTROL: ['regulator'],
    LIFT_INTERIM_CONTROL: ['regulator'],
    // The re-inspection of its order to rectify (责令限期改正) is the fire authority's own act, within
    // 3 working days (《消防监督检查规定》 Art. 20); a grid worker may report and chase, not re-inspect.
    VERIFY: ['regulator'],
  },
  seasons: fireSeasons,
  // 三管三必须 (《安全生产法》 Art. 3): the crowded places' industry departments, told what the brigade is told.
  parties: fireIndustryDepartments,
  // No migration map: no category or lifecycle state was renamed or dropped since 1.0.0, so
  // `planMigration` moves 1.x cases as they are (README, "Version history").
});
