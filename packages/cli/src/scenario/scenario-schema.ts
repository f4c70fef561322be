import { actorSchema, durationAmountSchema, INTERIM_CONTROLS, SEVERITIES, STATUSES } from '@hazardflow/core';
import { z } from 'zod';

const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 instant with an offset, e.g. 2025-09-26T10:00:00+08:00',
});

/** An actor, or the name of one declared under `actors`. */
const actorRef = z.union([z.string().min(1), actorSchema]);

/**
 * How far a step moves the manual clock: exactly one of `workingDays` (counted like a pack
 * deadline: Friday 10:00 + 1 working day is the end of Monday, or of a make-up Sunday), `days`,
 * `hours`, `minutes` (elapsed time) or `to` (an instant). The amounts follow the pack's own
 * duration rules (`durationAmountSchema`): whole numbers, at least 1, at most ten years, so a
 * scenario and a pack accept the same units (`{ minutes: 90 }`, not `{ hours: 1.5 }`).
 */
const advanceSchema = z
  .strictObject({
    workingDays: durationAmountSchema('workingDays'),
    days: durationAmountSchema('days'),
    hours: durationAmountSchema('hours'),
    minutes: durationAmountSchema('minutes'),
    to: instant,
  })
  .partial()
  .refine((value) => Object.keys(value).length === 1, 'names exactly one of workingDays, days, hours, minutes, to');

const NOTIFICATION_REASONS = [
  'notice_issued',
  'listed_supervision',
  'imminent_danger',
  'warning',
  'overdue',
  'escalated',
  'reminder',
  'step_escalated',
  'step_reminder',
  'acknowledgement_overdue',
  'verification_failed',
  'extension_requested',
  'closed',
  'reopened',
] as const;

/** What an `expect` step may check: fields of the case view, plus the notifications sent since the previous `expect`. */
export const expectationSchema = z
  .strictObject({
    status: z.enum(STATUSES),
    severity: z.enum(SEVERITIES).nullable(),
    category: z.string(),
    imminentDanger: z.boolean(),
    escalationLevel: z.number().int().nonnegative(),
    maxEscalationLevel: z.number().int().nonnegative(),
    listedSupervision: z.boolean(),
    dueAt: instant.nullable(),
    overdue: z.boolean(),
    paused: z.boolean(),
    interimControls: z.array(z.enum(INTERIM_CONTROLS)),
    closedOnTime: z.boolean().nullable(),
    reopenedCount: z.number().int().nonnegative(),
    regulator: z.string(),
    territory: z.string(),
    /** Each of these reasons was notified at least once since the previous `expect` (or the start). */
    notified: z.array(z.enum(NOTIFICATION_REASONS)).min(1),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'names at least one field to check');

const COMMAND_ERROR_CODES = [
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'SEPARATION_OF_DUTIES',
  'NOT_ALLOWED_IN_STATE',
  'EVIDENCE_REQUIRED',
] as const;

const note = z.string().min(1).optional();

const sendStep = z.strictObject({
  as: actorRef,
  send: z.looseObject({ type: z.string().min(1) }),
  /** The command must be rejected with this code (a permission or evidence rule the story shows). */
  expectError: z.enum(COMMAND_ERROR_CODES).optional(),
  note,
});
const advanceStep = z.strictObject({ advance: advanceSchema, note });
const expectStep = z.strictObject({ expect: expectationSchema, note });

/** The schema for a step, chosen by its verb so errors point inside the step rather than at "no union member matched". */
export function stepSchemaFor(step: unknown): z.ZodType | undefined {
  if (typeof step !== 'object' || step === null) return undefined;
  if ('send' in step) return sendStep;
  if ('advance' in step) return advanceStep;
  if ('expect' in step) return expectStep;
  return undefined;
}

export type ScenarioStep = z.output<typeof sendStep> | z.output<typeof advanceStep> | z.output<typeof expectStep>;

/**
 * A scripted story for `hazardflow simulate`: one case reported at `start`, then commands,
 * clock moves and expectations in order. Evidence items may leave out `by`, `at` and `uri`;
 * they default to the acting actor, the current instant and `scenario:<kind>`.
 */
export const scenarioSchema = z.strictObject({
  title: z.string().min(1).optional(),
  start: instant,
  actors: z.record(z.string().min(1), actorSchema).default({}),
  report: z.strictObject({
    as: actorRef,
    /** `engine.report` input; `packId` defaults to the simulated pack. */
    hazard: z.looseObject({}),
  }),
  /** Checked one by one with `stepSchemaFor`. */
  steps: z.array(z.unknown()).default([]),
});

export type Scenario = Omit<z.output<typeof scenarioSchema>, 'steps'> & { steps: ScenarioStep[] };
export type Expectation = z.output<typeof expectationSchema>;
export type AdvanceBy = z.output<typeof advanceSchema>;
export type ActorRef = z.output<typeof actorRef>;
