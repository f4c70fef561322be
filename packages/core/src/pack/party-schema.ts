import { z } from 'zod';
import { boundedIdSchema } from '../bounded-id';
import type { NotificationReason } from '../machine/hazard-events';
import { NOTIFICATION_REASONS } from '../notification-text';
import { partyIdSchema } from '../party';
import { bilingualSchema } from '../vocabulary';

/** A place type's id, as the pack's `placeTypes` spell them. */
const placeTypeIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_", starting with a letter');

/**
 * One party a pack declares beside the built-in roles, e.g. a lift's maintenance unit
 * (维保单位) or the inspection body (检验机构). Who the party is on a case, its org, comes from
 * the report (`report.parties`), else from `org` here; a party with no org on a case is not
 * told anything and its actors may not act on it.
 */
export const partySchema = z.strictObject({
  /** The party's name as people read it, e.g. `{ zh: '维保单位', en: 'maintenance unit' }`. */
  label: bilingualSchema,
  /**
   * The org this party is on every case whose report names none, e.g. the district's
   * education bureau as the industry department of a pack for schools.
   */
  org: boundedIdSchema.optional(),
  /**
   * Notifications this party is told of on every case that names its org, besides the ladders
   * that list it, e.g. `['imminent_danger']` for a maintenance unit that must arrive within
   * 30 minutes of an entrapment.
   */
  notifyOn: z.array(z.enum(NOTIFICATION_REASONS as [NotificationReason, ...NotificationReason[]])).optional(),
  /**
   * The party is an industry department (行业主管部门) for cases at these place types
   * (《安全生产法》 Art. 3: 管行业必须管安全): on such a case it is told what the regulator is
   * told, may comment and add evidence, and is counted in the assessment's `industry` rows.
   * Each place type must be one of the pack's `placeTypes`.
   */
  industry: z.strictObject({ placeTypes: z.array(placeTypeIdSchema).min(1) }).optional(),
  /** The rule that gives the party its duty, cited in docs. */
  source: z.string().optional(),
});
export type Party = z.infer<typeof partySchema>;

/** The parties of a pack by id (`maintenance-unit`, `inspection-body` …). */
export const partiesSchema = z.record(partyIdSchema, partySchema);
export type Parties = z.infer<typeof partiesSchema>;
