/**
 * @hazardflow/core — the pure heart of hazardflow: policy packs as validated data, the
 * working-day calendar, and the hazard statechart. No I/O, no wall clock.
 *
 * @example
 * ```ts
 * import { commandError, formatCommandError, formatDuration } from '@hazardflow/core';
 * formatDuration({ workingDays: 3 }); // '3 working days'
 * formatCommandError(commandError('UNKNOWN_CASE', 'no case "c-1"')); // 'Unknown case (UNKNOWN_CASE): no case "c-1"'
 * ```
 *
 * @packageDocumentation
 */

export { type Actor, actorSchema, SYSTEM_ACTOR } from './actor';
export { boundedIdSchema } from './bounded-id';
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
export {
  type CalendarYearInput,
  type CalendarYearValidation,
  calendarYearSchema,
  parseCalendarYear,
} from './calendar/calendar-year';
export { type ChinaCalendarOptions, type ChinaYearSchedule, chinaCalendar } from './calendar/china-calendar';
export { type DeadlineCoverage, deadlineCoverage } from './calendar/deadline-coverage';
export { instantToMs } from './calendar/instant';
export { workingDaysLeft } from './calendar/working-days-left';
export {
  type CommandError,
  type CommandErrorCode,
  type CommandErrorDetails,
  type CommandIssue,
  commandError,
  formatCommandError,
} from './command-error';
export { parseWithIssues, toCommandIssues } from './command-issues';
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
export {
  DURATION_UNITS,
  type Duration,
  type DurationUnit,
  durationAmountSchema,
  durationSchema,
  elapsedMs,
  formatDuration,
  nominalHours,
  scaleDuration,
} from './duration';
export {
  type AccountabilityRecord,
  DAILY_FINE_BASES,
  DEFAULT_SEAL_WARN_BEFORE,
  type EnforcementMeasure,
  type EnforcementRecord,
  enforcementMeasureSchema,
  type InterviewRecord,
  inForce,
  POWER_CUTOFF_NOTICE_MS,
  sealTimerIds,
} from './enforcement';
export { type EvidenceRef, evidenceListSchema, evidenceRefSchema } from './evidence';
export { INPUT_LIMITS } from './input-limits';
export { type AuthorizationResult, authorize } from './machine/authorize';
export { type AvailableCommand, availableCommands } from './machine/available-commands';
export type { CommandRefusal } from './machine/check-command';
export { evidenceStepOf, type RuleViolation, ruleViolation } from './machine/command-rules';
export { createHazardMachine, type HazardMachine, type HazardMachineOptions } from './machine/create-hazard-machine';
export { defaultCalendarFor } from './machine/default-calendar';
export { evidenceRequirements, missingEvidence } from './machine/evidence-check';
export {
  type ActorStamp,
  type Assignee,
  compactContext,
  type DeadlineOwner,
  type GradeDecision,
  type HazardContext,
  type HazardInput,
  type Listing,
  type StepEscalation,
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
export {
  createHazardModel,
  type HazardModel,
  type HazardModelOptions,
  type HazardSnapshot,
} from './machine/hazard-model';
export { isOverdueValue, isPausedValue, statusOf } from './machine/hazard-status';
export { TIMER_IDS } from './machine/timer-ids';
export {
  DEFAULT_NOTIFICATION_TEMPLATES,
  localDate,
  NOTIFICATION_PLACEHOLDERS,
  NOTIFICATION_REASONS,
  type NotificationFacts,
  type NotificationTemplates,
  type NotificationText,
  notificationTextIn,
  renderNotification,
} from './notification-text';
export { canonicalJson } from './pack/canonical-json';
export { checkReportCategory } from './pack/check-report-category';
export { checkReportSite, knownFindingKeys, type ReportSiteCheck } from './pack/check-report-site';
export {
  type Classification,
  type ClassificationInput,
  type ClassificationReason,
  classify,
} from './pack/classify';
export { DEFAULT_PERMISSIONS } from './pack/default-permissions';
export { definePolicyPack } from './pack/define-policy-pack';
export { type DeadlineStep, type EffectiveDeadlineOptions, effectiveDeadline } from './pack/effective-deadline';
export type { EffectivePolicy } from './pack/effective-policy';
export { extendPolicyPack, type PolicyPackPatch } from './pack/extend-policy-pack';
export { type FormatPolicyPackIssuesOptions, formatPolicyPackIssues } from './pack/format-policy-pack-issues';
export { LIFECYCLE_STATES } from './pack/migration-checks';
export { notificationTemplateSchema, notificationTemplatesSchema } from './pack/notification-templates-schema';
export { overridePatchSchema } from './pack/override-patch-schema';
export { checkActorRole, checkReportParties, knownRoles } from './pack/party-checks';
export { type Parties, type Party, partiesSchema, partySchema } from './pack/party-schema';
export { policyHash } from './pack/policy-hash';
export { isPolicyPackError, PolicyPackError } from './pack/policy-pack-error';
export { formatIssuePath, type PolicyPackIssue, type PolicyPackIssueCode } from './pack/policy-pack-issue';
export { policyPackJsonSchema } from './pack/policy-pack-json-schema';
export { type PolicyContext, resolvePolicy } from './pack/resolve-policy';
export { isInForce, localDateSchema, type Validity } from './pack/rule-validity';
export * from './pack/schema';
export { activeSeasons } from './pack/season-window';
export { type PolicyPackValidation, validatePolicyPack } from './pack/validate-policy-pack';
export { isValidatedPack } from './pack/validated-packs';
export { warnBeforeFor } from './pack/warn-before';
export {
  isBuiltInRole,
  PARTY_ID_MAX_LENGTH,
  PARTY_ID_PATTERN,
  partyIdSchema,
  type ReportParties,
  type RoleRef,
  reportPartiesSchema,
  roleRefSchema,
} from './party';
export { type Principal, principalSchema } from './party-principal';
export {
  discoveryMethodOfRole,
  type HazardReport,
  type HazardReportInput,
  hazardReportSchema,
  type Site,
  siteSchema,
} from './report';
export * from './vocabulary';
export {
  inLocale,
  type Label,
  LOCALES,
  type Locale,
  label,
  roleLabel,
  VOCABULARY_LABELS,
  type VocabularyId,
  type VocabularyKind,
} from './vocabulary-labels';
