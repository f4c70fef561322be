import { z } from 'zod';
import { durationSchema } from '../duration';
import { roleRefSchema } from '../party';
import {
  bilingualSchema,
  commandTypeSchema,
  EVIDENCE_STEPS,
  enforcementKindSchema,
  interimControlSchema,
  severitySchema,
} from '../vocabulary';
import { notificationTemplatesSchema } from './notification-templates-schema';
import { partiesSchema } from './party-schema';
import { reportCheckShape } from './report-check-schema';
import { validityShape } from './rule-validity';

/**
 * The policy-pack schema: the shape only. Rules that relate one field to another
 * (references, ordering, duplicates) live in `cross-checks.ts`, so each message can name
 * the rule in plain words.
 */

const idSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_", starting with a letter');

const semverSchema = z
  .string()
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'must be a semantic version such as 1.2.0');

/** A finding or site attribute value: what an inspector records. */
export const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalarSchema>;

/** One piece of evidence a step needs, e.g. two inspection records by different inspectors. */
export const evidenceRequirementSchema = z.strictObject({
  kind: idSchema,
  /** How many items of this kind are needed (default 1). */
  min: z.number().int().positive().default(1),
  /** Count only items by different people (`by`), as for the two inspectors of a fire inspection. */
  distinctBy: z.boolean().default(false),
  /**
   * Only when the actor has one of these roles (built-in or the pack's parties); empty means everyone. A fire inspection's two
   * inspector records are needed when a regulator reports, not when a citizen complains.
   */
  roles: z.array(roleRefSchema).default([]),
  label: bilingualSchema.optional(),
});
export type EvidenceRequirement = z.infer<typeof evidenceRequirementSchema>;

const evidenceStepShape = Object.fromEntries(
  EVIDENCE_STEPS.map((step) => [step, z.array(evidenceRequirementSchema).optional()]),
) as Record<(typeof EVIDENCE_STEPS)[number], z.ZodOptional<z.ZodArray<typeof evidenceRequirementSchema>>>;

/** Evidence per step (report, notice, plan, interimControl, rectification, verification, acceptance). */
export const evidenceRulesSchema = z.strictObject(evidenceStepShape);
export type EvidenceRules = z.infer<typeof evidenceRulesSchema>;

/** Deadlines per step. `rectify` differs by severity; categories may override any of them. */
export const deadlinesSchema = z.strictObject({
  /** reported → triaged: verify the report (e.g. 24 h for blocked exits, else 3 working days). */
  triage: durationSchema,
  /** triaged → notice issued (责令限期改正 within 3 working days). */
  notice: durationSchema,
  /** notice issued → acknowledged, when the pack asks for acknowledgement. */
  acknowledge: durationSchema,
  /** Rectification time limit, counted from the notice (general) or the plan approval (major). */
  rectify: z.strictObject({ general: durationSchema, major: durationSchema }),
  /** Major hazard: rectification plan (五落实) due after grading. */
  plan: durationSchema,
  /** Major hazard: regulator reviews the plan. */
  planReview: durationSchema,
  /** Re-inspection after the rectification is submitted (复查). */
  verify: durationSchema,
  /** Major hazard: review of the resume / close-out application (核销). */
  acceptance: durationSchema,
  /** An extension request is decided within this time. */
  extensionDecision: durationSchema,
  /**
   * Imminent danger (Law Art. 65): interim control (evacuate, cordon, suspend, seal) must
   * start within this time of the report, e.g. `{ hours: 2 }`; default 24 hours
   * (`DEFAULT_INTERIM_CONTROL_DEADLINE`). Counted from the report when the category or a
   * rule marks imminent danger, else from the triage that finds it.
   */
  interimControl: durationSchema.optional(),
});
export type Deadlines = z.infer<typeof deadlinesSchema>;

/** The interim-control deadline of a pack that sets none [default]: 24 hours. */
export const DEFAULT_INTERIM_CONTROL_DEADLINE: Readonly<{ hours: number }> = Object.freeze({ hours: 24 });

/** Deadlines a dated change sets: any step, and either severity of `rectify`. */
export const deadlinesPatchSchema = deadlinesSchema
  .extend({ rectify: z.strictObject({ general: durationSchema.optional(), major: durationSchema.optional() }) })
  .partial();
export type DeadlinesPatch = z.infer<typeof deadlinesPatchSchema>;

/**
 * Deadlines in force only within a validity window, e.g. a district's amended rectification
 * limit from 2026-01-01. For a case, one naming its category wins over the category's own
 * deadline, which wins over one for every category, which wins over the pack's `deadlines`.
 * Two that could both apply to one step of one category on the same day are refused.
 */
export const datedDeadlinesSchema = z.strictObject({
  id: idSchema,
  ...validityShape,
  /** Categories these deadlines apply to; empty means every category. */
  categories: z.array(idSchema).default([]),
  deadlines: deadlinesPatchSchema,
  /** The notice or rule that changed the deadlines. */
  source: z.string().optional(),
});
export type DatedDeadlines = z.infer<typeof datedDeadlinesSchema>;

export const categorySchema = z.strictObject({
  id: idSchema,
  name: bilingualSchema,
  defaultSeverity: severitySchema,
  /** Imminent danger by default (evacuate / cordon now). */
  imminentDanger: z.boolean().default(false),
  /** Place types this category applies to; empty means any. */
  placeTypes: z.array(idSchema).default([]),
  /** Extra evidence per step for this category, added to the pack's. */
  evidence: evidenceRulesSchema.optional(),
  /** Deadlines that differ for this category. */
  deadlines: deadlinesSchema.partial().optional(),
  /** Legal or technical source of the category, cited in docs and classification reasons. */
  source: z.string().optional(),
  /**
   * Outside this window the category cannot be newly reported (`checkReportCategory`); cases
   * already running keep it.
   */
  ...validityShape,
});
export type Category = z.infer<typeof categorySchema>;

/** A comparison on a finding (`findings.x`) or a site attribute (`site.x`). */
export const conditionSchema = z.strictObject({
  field: z.string().regex(/^(findings|site)\.[A-Za-z0-9_]+$/, 'must be "findings.<name>" or "site.<name>"'),
  op: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'truthy']),
  value: z.union([scalarSchema, z.array(scalarSchema)]).optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

const ruleOutcomeSchema = z
  .strictObject({
    severity: severitySchema.optional(),
    imminentDanger: z.boolean().optional(),
  })
  .refine((o) => o.severity !== undefined || o.imminentDanger !== undefined, {
    message: 'must set severity or imminentDanger',
  });

const ruleBase = {
  id: idSchema,
  /** The clause this rule implements, shown to users as the reason. */
  source: z.string().min(1),
  description: bilingualSchema.optional(),
  /** Restrict the rule to these categories; empty means every category. */
  categories: z.array(idSchema).default([]),
  outcome: ruleOutcomeSchema,
  /** The rule grades only reports made within this window (local dates, both ends included). */
  ...validityShape,
};

/**
 * Severity rules. They can only raise a case above its category default, never lower it.
 * - `conditions`: all comparisons hold (threshold rules such as the black-spot rule);
 * - `composite`: at least N of the listed findings are present, N by place type
 *   (GB 35181-2025 counts composite elements per place type).
 */
export const severityRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...ruleBase,
    kind: z.literal('conditions'),
    all: z.array(conditionSchema).min(1),
  }),
  z.strictObject({
    ...ruleBase,
    kind: z.literal('composite'),
    elements: z.array(z.string().min(1)).min(2),
    thresholds: z
      .array(z.strictObject({ placeTypes: z.array(idSchema).default([]), atLeast: z.number().int().positive() }))
      .min(1),
  }),
]);
export type SeverityRule = z.infer<typeof severityRuleSchema>;

/** Optional steps of the lifecycle and what the domain allows. */
export const stepsSchema = z.strictObject({
  /** The responsible party must acknowledge the notice (签收). */
  acknowledgement: z.boolean().default(true),
  /** A fixed-on-the-spot report may close at triage (当场整改). */
  fixOnSpot: z.boolean().default(true),
  /** Major hazards need an approved rectification plan (五落实) before rectifying. */
  majorPlan: z.boolean().default(true),
  /** Interim control measures the domain allows. */
  interimControls: z.array(interimControlSchema).default(['evacuate', 'suspend', 'seal']),
  /** How long after closing a follow-up check (回头看) may reopen the case; null: never. */
  followUp: durationSchema.nullable().default({ days: 90 }),
  /** Extensions granted at most this many times per case. */
  maxExtensions: z.number().int().min(0).default(2),
  /** A case may be transferred to another regulator (移送). */
  transfer: z.boolean().default(true),
  /**
   * The enforcement measures (ENFORCE) the pack allows; absent: all of them. Optional with no
   * default, so packs that do not set it keep their policy hash.
   */
  enforcementMeasures: z.array(enforcementKindSchema).optional(),
});
export type Steps = z.infer<typeof stepsSchema>;

/** One rung of the escalation ladder. */
export const escalationLevelSchema = z.strictObject({
  level: z.number().int().positive(),
  name: bilingualSchema,
  /** Roles told when the case reaches this level: built-in roles or the pack's parties. */
  notify: z.array(roleRefSchema).min(1),
  /** The action recommended at this level (挂牌督办, 约谈, 联合惩戒 …). */
  action: bilingualSchema,
  /** Reached this long after the responsible party's deadline. */
  after: durationSchema,
  /** Also reached when the notice is not acknowledged this long after it was issued. */
  unacknowledgedAfter: durationSchema.optional(),
  /** Also reached when verification has failed this many times. */
  verificationFailures: z.number().int().positive().optional(),
  /** Re-notify while at this level. */
  repeat: z.strictObject({ every: durationSchema, times: z.number().int().positive() }).optional(),
});
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;

/**
 * One rung of the ladder a late step of the regulator's own climbs (triage, notice, plan
 * review, verification, acceptance): who is told, and what they should do, this long after
 * that step's deadline. Climbing it never raises the case's escalation level, which measures
 * the responsible party's lateness.
 */
export const regulatorRungSchema = z.strictObject({
  level: z.number().int().positive(),
  name: bilingualSchema,
  /** Roles told when the late step reaches this rung: built-in roles or the pack's parties. */
  notify: z.array(roleRefSchema).min(1),
  action: bilingualSchema,
  /** Reached this long after the regulator's step deadline. */
  after: durationSchema,
  /** Re-notify while at this rung. */
  repeat: z.strictObject({ every: durationSchema, times: z.number().int().positive() }).optional(),
});
export type RegulatorRung = z.infer<typeof regulatorRungSchema>;

/**
 * The ladder a pack gets when it names none [default]: the department's leadership is told a
 * working day after the step fell due and daily after, then the district safety committee
 * office (安委办) three working days after, with a supervision notice (督办单).
 */
export const DEFAULT_REGULATOR_LADDER: readonly RegulatorRung[] = Object.freeze([
  {
    level: 1,
    name: { zh: '部门负责人督促', en: "department's leadership" },
    notify: ['regulator'],
    action: { zh: '督促承办人员限时办理', en: 'chase the officer in charge' },
    after: { workingDays: 1 },
    repeat: { every: { workingDays: 1 }, times: 1 },
  },
  {
    level: 2,
    name: { zh: '安委办督办', en: 'safety committee supervision' },
    notify: ['regulator', 'command'],
    action: { zh: '下发督办单', en: 'issue a supervision notice (督办单)' },
    after: { workingDays: 3 },
    repeat: { every: { workingDays: 5 }, times: 3 },
  },
]) as readonly RegulatorRung[];

/** The steps whose deadline the escalation region tracks, and so can warn about. */
export const WARNED_STEPS = Object.freeze([
  'triage',
  'notice',
  'plan',
  'planReview',
  'rectify',
  'verify',
  'acceptance',
] as const);
export type WarnedStep = (typeof WARNED_STEPS)[number];

export const escalationSchema = z.strictObject({
  /**
   * Early warning (预警) this long before each deadline; null: none. A warning whose instant
   * is at or before the moment its deadline started is skipped, not sent at once: a 2-hour
   * triage deadline is not "approaching" at the moment of report.
   */
  warnBefore: durationSchema.nullable().default({ workingDays: 1 }),
  /**
   * Early warning per step, in place of `warnBefore` for that step, e.g.
   * `{ triage: { minutes: 30 }, rectify: { workingDays: 2 } }`; null: no warning for that step.
   * A step left out uses `warnBefore`.
   */
  warnBeforeByStep: z.partialRecord(z.enum(WARNED_STEPS), durationSchema.nullable()).optional(),
  /** Level a case starts at when graded, per severity (major hazards go straight to listed supervision). */
  startLevel: z.strictObject({
    general: z.number().int().min(0).default(0),
    major: z.number().int().min(0).default(0),
  }),
  /** Roles told at level 0 when the notice is issued. */
  baseNotify: z.array(roleRefSchema).default(['responsible']),
  /**
   * How a case comes under listed supervision (挂牌督办). `automatic`: a major hazard, and any
   * case whose rung reaches `startLevel.major`, is listed by that fact. `decision`: only the
   * listing authority's LIST lists a case (with its document, supervising unit and term); the
   * rungs remind and send supervision notices, and DELIST ends the listing after acceptance.
   * Absent means `automatic`; optional rather than defaulted, so packs that do not set it keep
   * their policy hash (cases pinned to them are not refused as POLICY_CHANGED).
   */
  listing: z.enum(['automatic', 'decision']).optional(),
  ladder: z.array(escalationLevelSchema),
  /**
   * Who is told when a step the regulator owns is late (see `regulatorRungSchema`); the
   * default is `DEFAULT_REGULATOR_LADDER`.
   */
  regulatorLadder: z
    .array(regulatorRungSchema)
    .min(1)
    .default(() => JSON.parse(JSON.stringify(DEFAULT_REGULATOR_LADDER)) as RegulatorRung[]),
});
export type Escalation = z.infer<typeof escalationSchema>;

/** A date window (MM-DD recurring each year, or YYYY-MM-DD for one year) of raised risk. */
export const seasonSchema = z.strictObject({
  id: idSchema,
  name: bilingualSchema,
  windows: z
    .array(
      z.strictObject({
        from: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'must be MM-DD or YYYY-MM-DD'),
        to: z.string().regex(/^(\d{4}-)?\d{2}-\d{2}$/, 'must be MM-DD or YYYY-MM-DD'),
      }),
    )
    .min(1),
  /** Categories affected; empty means all. */
  categories: z.array(idSchema).default([]),
  /** Multiply rectification deadlines of general hazards (0.5 halves them). */
  deadlineFactor: z.number().gt(0).lte(1).optional(),
  /** Raise general hazards of the affected categories to this severity. */
  raiseSeverityTo: severitySchema.optional(),
  /** The notice or local rule that declares the season, cited in classification reasons. */
  source: z.string().optional(),
});
export type Season = z.infer<typeof seasonSchema>;

/**
 * Which roles (built-in or the pack's parties) may issue each command. Jurisdiction (own org
 * only; a party's org on the case) applies on top.
 */
export const permissionsSchema = z.partialRecord(commandTypeSchema, z.array(roleRefSchema));
export type Permissions = z.infer<typeof permissionsSchema>;

/** The pack fields a per-site, per-territory or integrator patch may change. */
export const overridableShape = {
  deadlines: deadlinesSchema,
  steps: stepsSchema,
  escalation: escalationSchema,
  evidence: evidenceRulesSchema,
  permissions: permissionsSchema,
  seasons: z.array(seasonSchema),
};

/** 一企一策、一楼一策: a patch applied to cases whose site or territory matches. */
export const siteOverrideSchema = z.strictObject({
  id: idSchema,
  description: z.string().optional(),
  match: z
    .strictObject({
      sites: z.array(z.string().min(1)).optional(),
      territories: z.array(z.string().min(1)).optional(),
      siteAttributes: z.record(z.string(), scalarSchema).optional(),
    })
    .refine((m) => m.sites !== undefined || m.territories !== undefined || m.siteAttributes !== undefined, {
      message: 'must name sites, territories or siteAttributes',
    }),
  /** A deep partial of the overridable fields; arrays replace, objects merge. */
  patch: z.record(z.string(), z.unknown()),
});
export type SiteOverride = z.infer<typeof siteOverrideSchema>;

/**
 * How cases move onto this pack version from an older one (the engine's migration uses it):
 * `from` is the older version, exact (`1.0.0`) or a semver range (`>=1.0.0 <1.1.0`);
 * `categories` renames categories (old id → id in this version); `states` moves cases out of
 * lifecycle states this version no longer uses (old state → state), e.g. `noticeIssued` →
 * `rectifying` when acknowledgement was dropped.
 */
export const packMigrationSchema = z.strictObject({
  from: z.string().min(1),
  categories: z.record(z.string().min(1), idSchema).default({}),
  states: z.record(z.string().min(1), z.string().min(1)).default({}),
  description: z.string().optional(),
});
export type PackMigration = z.infer<typeof packMigrationSchema>;

export const policyPackSchema = z.strictObject({
  /** For packs written as JSON or YAML: the JSON Schema an editor checks against (`policyPackJsonSchema()`). */
  $schema: z.string().optional(),
  id: idSchema,
  version: semverSchema,
  name: bilingualSchema,
  /** fire, building, traffic, gas … */
  domain: idSchema,
  /** The department that grades, issues notices and verifies major hazards by default. */
  regulator: z.strictObject({ id: z.string().min(1), name: bilingualSchema }),
  /**
   * Parties beside the built-in roles (`ROLES`), by id: a maintenance unit, an inspection
   * body, an industry department (see `partySchema`). Usable wherever a role is. Optional
   * rather than defaulted, so packs without parties keep their policy hash.
   */
  parties: partiesSchema.optional(),
  /** Time zone of the working-day calendar the deadlines are counted on. */
  timeZone: z.string().min(1).default('Asia/Shanghai'),
  /** Place types the categories and rules refer to. */
  placeTypes: z.array(idSchema).default([]),
  categories: z.array(categorySchema).min(1),
  severityRules: z.array(severityRuleSchema).default([]),
  deadlines: deadlinesSchema,
  /** Deadlines that differ within validity windows (see `datedDeadlinesSchema`). */
  datedDeadlines: z.array(datedDeadlinesSchema).default([]),
  // prefault, not default: zod 4 returns a default as is, so `{}` would skip the step defaults.
  steps: stepsSchema.prefault({}),
  escalation: escalationSchema,
  evidence: evidenceRulesSchema.default({}),
  permissions: permissionsSchema.default({}),
  seasons: z.array(seasonSchema).default([]),
  /** The pack's own notification texts per reason, `{ zh, en }` (see `notificationTemplatesSchema`). */
  notificationTemplates: notificationTemplatesSchema.optional(),
  overrides: z.array(siteOverrideSchema).default([]),
  /** How cases of older versions move onto this one (see `packMigrationSchema`). */
  migrations: z.array(packMigrationSchema).default([]),
  ...reportCheckShape,
});

/** What an author writes (defaults may be left out). */
export type PolicyPackInput = z.input<typeof policyPackSchema>;
/** A validated pack, defaults filled in. Produced only by `definePolicyPack` / `validatePolicyPack`. */
export type PolicyPack = z.output<typeof policyPackSchema>;
