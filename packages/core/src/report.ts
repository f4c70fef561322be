import { z } from 'zod';
import { boundedIdSchema } from './bounded-id';
import { evidenceListSchema } from './evidence';
import { boundedRecordSchema } from './findings';
import { INPUT_LIMITS } from './input-limits';
import { type RoleRef, reportPartiesSchema } from './party';
import { principalSchema } from './party-principal';
import { type DiscoveryMethod, discoveryMethodSchema } from './vocabulary';

/** The site where a hazard was found. `territory` is the street (街道) responsible for it. */
export const siteSchema = z.strictObject({
  id: boundedIdSchema,
  name: z.string().min(1).max(INPUT_LIMITS.nameLength),
  placeType: boundedIdSchema.optional(),
  territory: boundedIdSchema,
  attributes: boundedRecordSchema.default({}),
});
export type Site = z.infer<typeof siteSchema>;

/** What `engine.report(...)` takes: the hazard as found by an inspector, a grid worker or the public. */
export const hazardReportSchema = z.strictObject({
  packId: boundedIdSchema,
  category: boundedIdSchema,
  site: siteSchema,
  /** The enterprise, owner or operator who must rectify (企业主体责任). */
  responsible: z.strictObject({
    id: boundedIdSchema,
    name: z.string().min(1).max(INPUT_LIMITS.nameLength).optional(),
    /** The party's principal person (主要负责人), shown on notices as `{principal}`. */
    principal: principalSchema.optional(),
  }),
  /** The regulating department: the pack's regulator (the default); any other is refused (`unknown_regulator`). */
  regulator: boundedIdSchema.optional(),
  /**
   * Who the pack's parties are on this case, party id → org, e.g.
   * `{ 'maintenance-unit': 'lift-care-co' }`. Optional; a party the pack does not declare is
   * refused (`unknown_party`). A party left out falls back to its `org` in the pack.
   */
  parties: reportPartiesSchema.optional(),
  description: z.string().min(1).max(INPUT_LIMITS.descriptionLength),
  findings: boundedRecordSchema.default({}),
  evidence: evidenceListSchema.default([]),
  /**
   * How the hazard came to light (发现方式). Optional: when absent, it is read from the
   * reporter's role ({@link discoveryMethodOfRole}).
   */
  discoveredBy: discoveryMethodSchema.optional(),
});
export type HazardReport = z.output<typeof hazardReportSchema>;
export type HazardReportInput = z.input<typeof hazardReportSchema>;

/**
 * The discovery method a report without `discoveredBy` is counted under, from who filed it:
 * a regulator's (or the command's) report came from an inspection, a territory's from the
 * grid patrol, the responsible party's is a self-report, and anyone else (the public,
 * through 12345/96119) complained. A pack's party (a maintenance unit, an inspection body)
 * found it in its own professional work, counted as an inspection [default]. A transfer from
 * another department is never guessed.
 */
export function discoveryMethodOfRole(role: RoleRef): DiscoveryMethod {
  switch (role) {
    case 'territory':
      return 'grid_patrol';
    case 'responsible':
      return 'self_report';
    case 'reporter':
      return 'complaint';
    default:
      return 'inspection';
  }
}
