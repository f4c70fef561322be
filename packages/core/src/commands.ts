import { z } from 'zod';
import type { actorSchema } from './actor';
import { boundedIdSchema } from './bounded-id';
import type { CommandIssue } from './command-error';
import { parseWithIssues } from './command-issues';
import { durationSchema } from './duration';
import { enforcementMeasureSchema, existingLocalDateSchema } from './enforcement';
import { evidenceListSchema } from './evidence';
import { boundedRecordSchema } from './findings';
import { INPUT_LIMITS } from './input-limits';
import { localDateSchema } from './pack/rule-validity';
import { principalSchema } from './party-principal';
import type { CommandType } from './vocabulary';
import { DISMISS_REASONS, GRADE_DECISION_KINDS, interimControlSchema, severitySchema } from './vocabulary';

/**
 * The payload of every command, validated before it reaches the machine. The engine adds
 * the envelope (`type`, `at`, `actor`); a payload never carries time or identity.
 */
const evidence = evidenceListSchema.default([]);
const text = z.string().min(1).max(INPUT_LIMITS.textLength);
const note = z.string().max(INPUT_LIMITS.textLength).optional();
const findings = boundedRecordSchema;

export const commandPayloadSchemas = {
  TRIAGE: z.strictObject({
    /** The regulator's grading; severity rules can raise it, never lower it. */
    severity: severitySchema.optional(),
    imminentDanger: z.boolean().optional(),
    category: boundedIdSchema.optional(),
    findings: findings.optional(),
    evidence,
    note,
  }),
  /**
   * The decision on the grade the rules proposed (GB 35181-2025 §4.2): confirm it, raise it,
   * or lower it with the reason (an exclusion). Who decided and where it is written down go
   * in `decision`; changing the grade without a `reason` is refused.
   */
  CONFIRM_GRADE: z.strictObject({
    severity: severitySchema,
    decision: z.strictObject({
      kind: z.enum(GRADE_DECISION_KINDS),
      /** The decision's document number or minutes reference (会议纪要 / 专家论证意见 编号). */
      reference: z.string().trim().min(1).max(200),
    }),
    reason: z.string().trim().min(1).max(4000).optional(),
    evidence,
    note,
  }),
  FIX_ON_SPOT: z.strictObject({ evidence, note }),
  DISMISS: z.strictObject({ reason: z.enum(DISMISS_REASONS), duplicateOf: boundedIdSchema.optional(), note }),
  TRANSFER: z.strictObject({ to: boundedIdSchema, note }),
  /**
   * The case officer (承办人) of the regulating department: an actor id of the case's
   * regulator. Assigning again replaces the officer; the audit names the one before.
   */
  ASSIGN: z.strictObject({ officer: boundedIdSchema, reason: text.optional() }),
  /**
   * Another party answers for the hazard (责任主体变更: the site was sold, leased out, or the
   * report named the wrong enterprise): the new party, and why, always.
   */
  CHANGE_RESPONSIBLE: z.strictObject({
    responsible: z.strictObject({
      id: boundedIdSchema,
      name: z.string().min(1).max(INPUT_LIMITS.nameLength).optional(),
      principal: principalSchema.optional(),
    }),
    reason: text,
    evidence,
  }),
  ISSUE_NOTICE: z.strictObject({ clauses: z.array(text).min(1).max(INPUT_LIMITS.clauseCount), evidence, note }),
  ACKNOWLEDGE: z.strictObject({ evidence, note }),
  SUBMIT_PLAN: z.strictObject({
    /** 五落实: responsibility, measures, funds, deadline and emergency plan. */
    plan: z.strictObject({
      responsibility: text,
      measures: text,
      funds: text,
      deadline: text,
      emergencyPlan: text,
    }),
    evidence,
    note,
  }),
  APPROVE_PLAN: z.strictObject({ evidence, note }),
  REJECT_PLAN: z.strictObject({ reason: text, note }),
  START_INTERIM_CONTROL: z.strictObject({ measure: interimControlSchema, evidence, note }),
  LIFT_INTERIM_CONTROL: z.strictObject({ measure: interimControlSchema, evidence, note }),
  SUBMIT_RECTIFICATION: z.strictObject({ evidence, note }),
  VERIFY: z.strictObject({ result: z.enum(['pass', 'fail']), evidence, note }),
  REQUEST_EXTENSION: z.strictObject({ extendBy: durationSchema, reason: text }),
  DECIDE_EXTENSION: z.strictObject({
    granted: z.boolean(),
    /** Grant less than was asked; defaults to what was asked. */
    extendBy: durationSchema.optional(),
    note,
  }),
  PAUSE_CLOCK: z.strictObject({ reason: text }),
  RESUME_CLOCK: z.strictObject({ note }),
  REOPEN: z.strictObject({ reason: text, evidence }),
  /**
   * Listed supervision (挂牌督办) as a decision: the listing document, the unit that supervises,
   * and the last day of the term (a local date in the pack's time zone).
   */
  LIST: z.strictObject({
    documentNo: z.string().trim().min(1).max(INPUT_LIMITS.idLength),
    supervisingUnit: z.string().trim().min(1).max(INPUT_LIMITS.idLength),
    until: localDateSchema,
    evidence,
    note,
  }),
  /** Delisting (摘牌) after the department accepted the work; the delisting document if any. */
  DELIST: z.strictObject({
    documentNo: z.string().trim().min(1).max(INPUT_LIMITS.idLength).optional(),
    evidence,
    note,
  }),
  /**
   * An enforcement measure against the responsible party (docs/enforcement.md): a penalty,
   * forced removal, temporary seal, power cut-off, police referral or the joint-punishment
   * list, each with its decision's document number. Recorded as `E1`, `E2`… on the case.
   */
  ENFORCE: z.strictObject({ measure: enforcementMeasureSchema, evidence, note }),
  /** Ends a measure still in force (解除查封, 恢复供电, 移出名单 …), with the reason. */
  LIFT_ENFORCEMENT: z.strictObject({
    recordId: boundedIdSchema,
    documentNo: z.string().trim().min(1).max(INPUT_LIMITS.idLength).optional(),
    reason: text,
    evidence,
  }),
  /** 约谈: the day it was held, who took part, and the minutes' reference. */
  INTERVIEW: z.strictObject({
    date: existingLocalDateSchema,
    participants: z.array(z.string().trim().min(1).max(INPUT_LIMITS.nameLength)).min(1).max(50),
    minutesRef: z.string().trim().min(1).max(INPUT_LIMITS.idLength),
    evidence,
    note,
  }),
  /** Accountability of an official (问责), kept apart from the enterprise's enforcement. */
  HOLD_ACCOUNTABLE: z.strictObject({
    official: z.string().trim().min(1).max(INPUT_LIMITS.nameLength),
    finding: text,
    documentNo: z.string().trim().min(1).max(INPUT_LIMITS.idLength),
    evidence,
  }),
  ADD_EVIDENCE: z.strictObject({ evidence: evidenceListSchema.min(1), note }),
  COMMENT: z.strictObject({ text }),
} satisfies Record<CommandType, z.ZodType>;

export type CommandPayloads = { [K in CommandType]: z.output<(typeof commandPayloadSchemas)[K]> };
export type CommandPayloadInputs = { [K in CommandType]: z.input<(typeof commandPayloadSchemas)[K]> };

/**
 * What an application sends, and what `engine.send` accepts: the union of every command, each
 * `type` with its own payload typed, so a misspelt type or field does not compile. A command
 * built at run time (parsed JSON) is checked by the same zod schemas in `send`
 * (`parseCommand`), whatever its static type.
 */
export type HazardCommand = {
  [K in CommandType]: { readonly type: K } & ReadonlyInput<CommandPayloadInputs[K]>;
}[CommandType];

/** A payload as given: read-only arrays and objects (e.g. `as const` fixtures) are accepted too. */
type ReadonlyInput<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyInput<U>[]
  : T extends object
    ? { readonly [P in keyof T]: ReadonlyInput<T[P]> }
    : T;

/** The same union as `HazardCommand`, by its earlier name. */
export type Command = HazardCommand;

/** A command as the machine receives it: validated payload plus the engine's envelope. */
export type CommandEvent = {
  [K in CommandType]: {
    type: K;
    at: string;
    actor: z.infer<typeof actorSchema>;
    commandId?: string;
  } & CommandPayloads[K];
}[CommandType];

/**
 * Validates `{ type, ...payload }`. On failure, `issues` name each field the way pack issues
 * do (`formatIssuePath`, plain messages, a stable `code`). `type` must be a command's own
 * name: `toString`, `constructor` or `__proto__` are keys every object inherits, never commands.
 */
export function parseCommand(
  command: unknown,
): { success: true; command: CommandEventPayload } | { success: false; issues: CommandIssue[] } {
  const type = (command as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(commandPayloadSchemas, type)) {
    return {
      success: false,
      issues: [
        {
          path: 'type',
          code: type === undefined ? 'required' : 'invalid_value',
          message: `must be one of ${Object.keys(commandPayloadSchemas).join(', ')}`,
        },
      ],
    };
  }
  const { type: _omit, ...payload } = command as Record<string, unknown>;
  const result = parseWithIssues(commandPayloadSchemas[type as CommandType], payload);
  if (result.success) return { success: true, command: { type, ...result.data } as CommandEventPayload };
  return { success: false, issues: result.issues };
}

/** A validated command without its envelope. */
export type CommandEventPayload = { [K in CommandType]: { type: K } & CommandPayloads[K] }[CommandType];
