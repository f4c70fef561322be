/**
 * @hazardflow/core — the pure heart of hazardflow: policy packs as validated data, the
 * working-day calendar, and the hazard statechart. No I/O, no wall clock.
 *
 * @example
 * ```ts
 * import { formatDuration } from '@hazardflow/core';
 * formatDuration({ workingDays: 3 }); // '3 working days'
 * ```
 *
 * @packageDocumentation
 */

export { type Actor, actorSchema, SYSTEM_ACTOR } from './actor';
export { brandError } from './branded-error';
export {
  type BusinessCalendar,
  type BusinessCalendarOptions,
  type CoveredYears,
  createBusinessCalendar,
  type Instant,
  type OutsideCoverage,
} from './calendar/business-calendar';
export {
  CalendarError,
  type CalendarErrorCode,
  type CalendarErrorDetails,
  isCalendarError,
} from './calendar/calendar-error';
export { type ChinaCalendarOptions, type ChinaYearSchedule, chinaCalendar } from './calendar/china-calendar';
export { instantToMs } from './calendar/instant';
export {
  type Command,
  type CommandEvent,
  type CommandEventPayload,
  type CommandPayloadInputs,
  type CommandPayloads,
  commandPayloadSchemas,
  type HazardCommand,
  parseCommand,
} from './commands';
export { toDot } from './diagram/to-dot';
export { toMermaid } from './diagram/to-mermaid';
export { type Duration, durationSchema, formatDuration, nominalHours, scaleDuration } from './duration';
export { type EvidenceRef, evidenceRefSchema } from './evidence';
export { type AuthorizationResult, authorize } from './machine/authorize';
export { type CommandRejection, checkCommand } from './machine/check-command';
export { evidenceStepOf, type RuleViolation, ruleViolation } from './machine/command-rules';
export { createHazardMachine, type HazardMachine, type HazardMachineOptions } from './machine/create-hazard-machine';
export { defaultCalendarFor } from './machine/default-calendar';
export { evidenceRequirements, missingEvidence } from './machine/evidence-check';
export {
  type ActorStamp,
  compactContext,
  type DeadlineOwner,
  type HazardContext,
  type HazardInput,
  type TrackedDeadline,
} from './machine/hazard-context';
export {
  type HazardEmitted,
  type HazardEvent,
  type HazardNotification,
  type NotificationReason,
  type Recipient,
  TIMER_EVENT_TYPES,
  type TimerEvent,
} from './machine/hazard-events';
export { isOverdueValue, isPausedValue, STATUS_OF_STATE, statusOf } from './machine/hazard-status';
export { runtimeOf } from './machine/runtime-registry';
export { TIMER_IDS } from './machine/timer-ids';
export {
  type Classification,
  type ClassificationInput,
  type ClassificationReason,
  classify,
} from './pack/classify';
export { DANGEROUS_KEYS } from './pack/dangerous-keys';
export { DEFAULT_PERMISSIONS } from './pack/default-permissions';
export { definePolicyPack } from './pack/define-policy-pack';
export { type DeadlineStep, type EffectiveDeadlineOptions, effectiveDeadline } from './pack/effective-deadline';
export type { EffectivePolicy } from './pack/effective-policy';
export { extendPolicyPack, type PolicyPackPatch } from './pack/extend-policy-pack';
export { type FormatPolicyPackIssuesOptions, formatPolicyPackIssues } from './pack/format-policy-pack-issues';
export { overridePatchSchema } from './pack/override-patch-schema';
export { isPolicyPackError, PolicyPackError } from './pack/policy-pack-error';
export { formatIssuePath, type PolicyPackIssue, type PolicyPackIssueCode } from './pack/policy-pack-issue';
export { policyPackJsonSchema } from './pack/policy-pack-json-schema';
export { type PolicyContext, resolvePolicy } from './pack/resolve-policy';
export * from './pack/schema';
export { activeSeasons } from './pack/season-window';
export { type PolicyPackValidation, validatePolicyPack } from './pack/validate-policy-pack';
export { type HazardReport, type HazardReportInput, hazardReportSchema, type Site, siteSchema } from './report';
export * from './vocabulary';
