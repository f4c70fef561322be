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
export { type Duration, durationSchema, formatDuration, nominalHours, scaleDuration } from './duration';
export * from './pack/schema';
export * from './vocabulary';
