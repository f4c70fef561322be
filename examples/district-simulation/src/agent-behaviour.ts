import type { Discipline, PackId } from './district';

/**
 * The assumptions that shape the campaign, in one place to read and tune. Each is a chance per
 * decision, or a weighted choice of delays in working days. None is a rule of the packs: those
 * (deadlines, ladders, evidence, who may act) come from the packs through the engine.
 */
export const BEHAVIOUR = {
  /** At triage: reports dismissed (duplicate, invalid, not responsible) … */
  dismiss: 0.03,
  /** … and transferred to another department (移送). */
  transfer: 0.01,
  /** Triage delay of a non-urgent report (urgent categories and imminent dangers are triaged the same working day). */
  triageDelay: [
    [0, 50],
    [1, 35],
    [2, 10],
    [5, 5],
  ] as const,
  /** Major hazards put under interim control at grading (imminent dangers always are). */
  interimControlOfMajor: 0.4,
  /** Quick general hazards the inspector has put right while on site. */
  fixOnSpot: 0.45,
  /**
   * Blocked escape routes and fire lanes (BLOCKED_EXIT_CATEGORIES) end the day they are found:
   * the fire authority's duty team attends at once, any day, and orders the obstruction
   * cleared; this share of parties clear it while the team is there (the rest is removed by
   * force, 《消防法》 Art. 60 ¶3). [default]
   */
  blockedExitClearedWhenOrdered: 0.7,
  /**
   * Enforcement, taken as the ladder's rungs reach the people who decide it, and how parties
   * respond. A penalty, a seal or an admonition talk (约谈) makes most parties act: they submit
   * the work (or acknowledge the notice, or the plan) within `complyWithin` days. [default]
   */
  enforcement: {
    /** At the first rung the department is told at (level 2 in the shipped ladders), it fines a party that has not done the work. */
    penaltyAtRegulatorRung: 0.6,
    complyAfterPenalty: { prompt: 0.95, late: 0.85, never: 0.55 } satisfies Record<Discipline, number>,
    /** At the rung after the listing authority's (the district leaders, level 4), the office holds a 约谈 with the principal person and the street. */
    interviewAtLeadersRung: 0.9,
    complyAfterInterview: { prompt: 0.9, late: 0.7, never: 0.4 } satisfies Record<Discipline, number>,
    /**
     * At the top rung: a major hazard is sealed (temporary seal, 30 days); a general one gets a
     * second penalty, with a daily repeat fine where the law allows one (《安全生产法》 Art. 112),
     * and a party that never acts goes on the joint-punishment list (Art. 78) this often.
     */
    sealMajorAtTopRung: 0.8,
    complyAfterSeal: 0.9,
    complyAfterSecondPenalty: 0.7,
    blacklistNeverAtTopRung: 0.3,
    sealDays: 30,
    /** Days from the measure to the party's step. */
    complyWithin: [2, 10] as const,
    /** A party ordered off a blocked exit that refused: it files its rectification within these days of the forced removal. */
    afterForcedRemoval: [0, 2] as const,
  },
  /**
   * The penalty each department imposes, by the law it enforces: fire 《消防法》 Art. 60 ¶1 (a
   * unit 5,000–50,000 yuan), special equipment 《特种设备安全法》 Art. 84 (30,000–300,000 yuan
   * for using equipment not inspected), housing and traffic 《安全生产法》 Art. 102 (up to
   * 50,000 yuan for not removing a hazard; Art. 112 fines it again daily once it is refused).
   * Amounts within those limits are our choice. [default]
   */
  penalty: {
    fire: { legalBasis: 'fire-law-60', amountYuan: [5_000, 30_000] },
    'special-equipment': { legalBasis: 'special-equipment-law-84', amountYuan: [30_000, 100_000] },
    building: { legalBasis: 'work-safety-law-102', amountYuan: [10_000, 50_000], repeat: 'work-safety-law-112' },
    traffic: { legalBasis: 'work-safety-law-102', amountYuan: [10_000, 50_000], repeat: 'work-safety-law-112' },
  } satisfies Record<PackId, { legalBasis: string; amountYuan: readonly [number, number]; repeat?: string }>,
  /** Notices served the day of triage rather than the next working day. */
  noticeSameDay: 0.6,
  /** Parties who never fix and never acknowledge the notice either (the rest acknowledge, late). */
  neverAcknowledges: 0.6,
  /** Building cases whose clock is paused while a structural appraisal is made. */
  pauseForAppraisal: 0.4,
  /** Parties who ask for more time, by discipline. */
  requestExtension: { prompt: 0.08, late: 0.3, never: 0.15 } satisfies Record<Discipline, number>,
  extensionGranted: 0.75,
  /** A five-fixes plan sent back (at most twice per case). */
  rejectPlan: 0.2,
  /**
   * General hazards re-inspected by the street's grid worker, not an inspector, where the pack lets
   * territory staff verify: the building pack. The fire pack keeps re-inspection to the fire
   * authority (《消防监督检查规定》 Art. 20).
   */
  gridWorkerVerifies: 0.35,
  /** Re-inspections that find the work not done (at most three per case), by discipline. */
  verificationFails: { prompt: 0.08, late: 0.22, never: 0.3 } satisfies Record<Discipline, number>,
  /** Working days from submission to re-inspection. */
  reinspectionDelay: [
    [0, 25],
    [1, 40],
    [2, 25],
    [6, 10],
  ] as const,
  /**
   * Listed supervision (挂牌督办) as the listing authority's decision, here the district safety
   * committee office (the packs' `command` role, who LIST and DELIST by default). It lists every
   * major hazard at grading (listing is mostly for major hazards), and, of the general hazards that climb to the first rung the office is told at, the few it
   * chooses. The term runs to the rectification deadline plus some slack, at least a month.
   * After the department accepts the work the office delists within a few working days. [default]
   */
  listing: {
    chosenAtOfficeRung: 0.06,
    termSlackDays: 15,
    minTermDays: 30,
    delistDelay: [1, 3] as const,
  },
  /** Closed cases found again by the follow-up check (回头看). */
  reopen: 0.03,
  /** General hazards an inspector can have put right while still on site (moved, switched off, signed, a certified driver). */
  quickFixCategories: new Set([
    'ebike-corridor',
    'exits-blocked',
    'fire-lane-blocked',
    'hot-work',
    'unmarked-work-zone',
    'missing-signs',
    'uncertified-operator',
  ]),
  /** Building categories whose rectification waits for a structural appraisal (房屋安全鉴定). */
  appraisalCategories: new Set([
    'structural-alteration',
    'self-built-house-unappraised',
    'visible-cracks',
    'c-grade',
    'b-grade',
  ]),
};
