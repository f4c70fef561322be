import {
  APPRAISAL_GRADES,
  actorSchema,
  COMMAND_TYPES,
  DISCOVERY_METHODS,
  ENFORCEMENT_KINDS,
  INTERIM_CONTROLS,
  ROLES,
  SEVERITIES,
  STATUSES,
} from '@hazardflow/core';
import { z } from '@hono/zod-openapi';

/**
 * What the service answers, as zod schemas the OpenAPI document is generated from. The
 * handlers' return values are type-checked against them (`c.json` must match the route's
 * declared response), so the contract cannot drift from what is sent.
 */
/** An enforcement measure on the case (ENFORCE, docs/enforcement.md) and its end. */
export const enforcementRecordSchema = z
  .object({
    id: z.string().openapi({ description: '`E1`, `E2`… in the order taken.' }),
    kind: z.enum(ENFORCEMENT_KINDS),
    documentNo: z.string(),
    at: z.string(),
    by: z.string(),
    note: z.string().optional(),
    legalBasis: z.string().optional(),
    amountYuan: z.number().int().optional(),
    dailyFine: z.object({ amountYuan: z.number().int() }).optional(),
    dailyFineDays: z
      .number()
      .int()
      .optional()
      .openapi({ description: 'Calendar days a daily repeat fine has run, as of the view’s updatedAt or its end.' }),
    until: z.string().optional(),
    expiresAt: z.string().optional(),
    warnAt: z.string().optional(),
    approvedBy: z.string().optional(),
    noticeGivenAt: z.string().optional(),
    emergency: z.boolean().optional(),
    receivingUnit: z.string().optional(),
    liftedAt: z.string().optional(),
    liftedBy: z.string().optional(),
    liftReason: z.string().optional(),
    liftDocumentNo: z.string().optional(),
  })
  .openapi('EnforcementRecord');

/** A report check the report was accepted despite (pack `reportChecks: 'warn'`). */
export const reportWarningSchema = z
  .object({ path: z.string(), code: z.string(), message: z.string() })
  .openapi('ReportWarning');

export const caseViewSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    packId: z.string(),
    packVersion: z.string(),
    category: z.string(),
    severity: z.enum(SEVERITIES).nullable(),
    imminentDanger: z.boolean(),
    status: z.enum(STATUSES),
    siteId: z.string(),
    siteName: z.string(),
    territory: z.string(),
    regulator: z.string(),
    assignee: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: 'The department’s case officer (承办人, ASSIGN); null while none is assigned.' }),
    responsible: z.string(),
    principal: z
      .object({ name: z.string(), title: z.string().optional() })
      .nullable()
      .optional()
      .openapi({ description: 'The responsible party’s principal person (主要负责人); null when none is named.' }),
    enforcement: z
      .array(enforcementRecordSchema)
      .optional()
      .openapi({ description: 'Enforcement measures against the responsible party (ENFORCE), with their ends.' }),
    interviews: z
      .array(
        z.object({
          date: z.string(),
          participants: z.array(z.string()),
          minutesRef: z.string(),
          by: z.string(),
          at: z.string(),
        }),
      )
      .optional()
      .openapi({ description: '约谈 held on the case (INTERVIEW).' }),
    accountability: z
      .array(
        z.object({
          id: z.string(),
          official: z.string(),
          finding: z.string(),
          documentNo: z.string(),
          by: z.string(),
          at: z.string(),
        }),
      )
      .optional()
      .openapi({ description: 'Accountability of officials (HOLD_ACCOUNTABLE), kept apart from enforcement.' }),
    escalationLevel: z.number().int(),
    maxEscalationLevel: z.number().int(),
    listedSupervision: z.boolean(),
    listing: z
      .object({
        documentNo: z.string(),
        supervisingUnit: z.string(),
        until: z.string(),
        listedBy: z.string(),
        listedAt: z.string(),
        delistedBy: z.string().optional(),
        delistedAt: z.string().optional(),
        delistDocumentNo: z.string().optional(),
      })
      .nullable()
      .optional()
      .openapi({
        description: 'The listing authority’s listing (LIST) and its end (DELIST); null when never listed by decision.',
      }),
    industry: z
      .array(z.object({ party: z.string(), org: z.string() }))
      .optional()
      .openapi({
        description:
          'The industry departments (行业主管部门, 三管三必须) of the case’s place type: the pack’s party and its org. Absent when none.',
      }),
    regulatoryGap: z.boolean().optional().openapi({
      description:
        'True while no department regulates the case (监管盲区), false once the safety committee assigned one (ASSIGN_DEPARTMENT); absent when never in the gap.',
    }),
    appraisal: z
      .union([
        z.object({ status: z.literal('pending'), dueAt: z.string() }),
        z.object({
          status: z.literal('recorded'),
          grade: z.enum(APPRAISAL_GRADES),
          reportNo: z.string(),
          appraiser: z.string(),
          at: z.string(),
        }),
      ])
      .nullable()
      .optional()
      .openapi({
        description:
          'The house safety appraisal (初判 → 鉴定) of a category with `appraisal`: pending with its deadline from triage, then the grade recorded (RECORD_APPRAISAL); null on other cases.',
      }),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    paused: z.boolean(),
    interimControls: z.array(z.enum(INTERIM_CONTROLS)),
    interimDueAt: z.string().nullable().optional(),
    reportWarnings: z.array(reportWarningSchema).optional(),
    reportedAt: z.string(),
    closedAt: z.string().nullable(),
    updatedAt: z.string(),
    reopenedCount: z.number().int(),
    closedOnTime: z.boolean().nullable(),
    workingDaysToClose: z.number().nullable(),
    discoveredBy: z.enum(DISCOVERY_METHODS).optional(),
    rectifyDueAt: z.string().nullable().optional(),
    policyHash: z.string().optional(),
    deadlineProvisional: z.object({ year: z.number().int() }).optional(),
    workingDaysLeft: z.number().int().nullable().openapi({
      description:
        "Working days left before `dueAt` on the case's calendar, now: 0 on the last day, negative once past (working days over); null with no deadline or an ended case.",
    }),
  })
  .openapi('CaseView');

export const commandAcceptedSchema = z
  .object({ case: caseViewSchema, replayed: z.boolean().optional() })
  .openapi('CommandAccepted');

export const casePageSchema = z
  .object({ items: z.array(caseViewSchema), nextCursor: z.string().nullable() })
  .openapi('CasePage');

/** A built-in role or a party the case's pack declares (`parties`), e.g. `maintenance-unit`. */
const actorOut = actorSchema
  .extend({
    role: z.string().openapi({
      description: `A built-in role (${ROLES.join(', ')}) or the id of a party the case's pack declares in \`parties\` (e.g. \`maintenance-unit\`).`,
      examples: [...ROLES, 'maintenance-unit'],
    }),
  })
  .openapi('Actor');

export const auditEntrySchema = z
  .object({
    caseId: z.string(),
    seq: z.number().int(),
    at: z.string(),
    actor: actorOut,
    command: z.string(),
    commandId: z.string().optional(),
    payload: z.unknown().optional(),
    fromStatus: z.enum(STATUSES).nullable(),
    toStatus: z.enum(STATUSES),
    reasons: z.array(z.string()),
    evidence: z.array(z.unknown()),
    firedTimer: z.object({ timerId: z.string(), dueAt: z.string(), lateByMs: z.number() }).optional(),
    stateHash: z.string().optional(),
    notifications: z.array(z.string()).optional(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');

export const historySchema = z.object({ entries: z.array(auditEntrySchema) }).openapi('History');

export const trailVerificationSchema = z
  .union([
    z.object({ ok: z.literal(true), length: z.number().int(), legacy: z.literal(true).optional() }),
    z.object({
      ok: z.literal(false),
      brokenAt: z.number().int(),
      reason: z.enum([
        'hash_mismatch',
        'prev_hash_mismatch',
        'sequence_gap',
        'case_mismatch',
        'truncated',
        'case_missing',
        'head_mismatch',
        'state_mismatch',
      ]),
      message: z.string(),
    }),
  ])
  .openapi('TrailVerification');

export const timerRowSchema = z
  .object({
    caseId: z.string(),
    timerId: z.string(),
    dueAt: z.string(),
    event: z.looseObject({ type: z.string() }),
  })
  .openapi('Timer');

export const timersSchema = z.object({ timers: z.array(timerRowSchema) }).openapi('Timers');

export const availableCommandSchema = z
  .object({
    command: z.enum(COMMAND_TYPES),
    allowed: z.boolean(),
    reason: z
      .object({
        code: z.enum(['FORBIDDEN', 'SEPARATION_OF_DUTIES', 'EVIDENCE_REQUIRED', 'NOT_ALLOWED_IN_STATE']),
        message: z.string(),
        missing: z.array(z.string()).optional(),
      })
      .optional(),
  })
  .openapi('AvailableCommand');

export const availableCommandsSchema = z
  .object({ caseId: z.string(), version: z.number().int(), commands: z.array(availableCommandSchema) })
  .openapi('AvailableCommands');

export const assessmentSchema = z
  .object({
    rows: z.array(
      z.object({
        group: z.string(),
        found: z.number().int(),
        closed: z.number().int(),
        closureRate: z.number(),
        onTimeRate: z.number().nullable(),
        openOverdue: z.number().int(),
        byRung: z
          .array(z.number().int())
          .openapi({ description: 'Cases per highest escalation rung reached, rung 0 first' }),
        listedSupervision: z.number().int(),
        medianWorkingDaysToClose: z.number().nullable(),
        reopened: z.number().int(),
        enforcement: z
          .object(
            Object.fromEntries(ENFORCEMENT_KINDS.map((kind) => [kind, z.number().int()])) as Record<
              (typeof ENFORCEMENT_KINDS)[number],
              z.ZodNumber
            >,
          )
          .openapi({ description: 'Enforcement measures on the cases found in the window, by kind.' }),
      }),
    ),
  })
  .openapi('Assessment');

export const packsSchema = z
  .object({
    /** JSON Schema (draft 2020-12) of the pack format, as `policyPackJsonSchema()` gives it. */
    packFormat: z.record(z.string(), z.unknown()),
    packs: z.array(
      z.object({
        id: z.string(),
        version: z.string(),
        name: z.object({ zh: z.string(), en: z.string() }),
        domain: z.string(),
        /** The pack's statechart as a Mermaid `stateDiagram-v2` (core's `toMermaid`). */
        mermaid: z.string(),
        definition: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi('Packs');
