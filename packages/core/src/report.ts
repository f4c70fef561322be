import { z } from 'zod';
import { evidenceRefSchema } from './evidence';
import { scalarSchema } from './pack/schema';
import { type DiscoveryMethod, discoveryMethodSchema, type Role } from './vocabulary';

/** The site where a hazard was found. `territory` is the street (街道) responsible for it. */
export const siteSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  placeType: z.string().min(1).optional(),
  territory: z.string().min(1),
  attributes: z.record(z.string(), scalarSchema).default({}),
});
export type Site = z.infer<typeof siteSchema>;

/** What `engine.report(...)` takes: the hazard as found by an inspector, a grid worker or the public. */
export const hazardReportSchema = z.strictObject({
  packId: z.string().min(1),
  category: z.string().min(1),
  site: siteSchema,
  /** The enterprise, owner or operator who must rectify (企业主体责任). */
  responsible: z.strictObject({ id: z.string().min(1), name: z.string().min(1).optional() }),
  /** The regulating department; defaults to the pack's regulator. */
  regulator: z.string().min(1).optional(),
  description: z.string().min(1).max(10_000),
  findings: z.record(z.string(), scalarSchema).default({}),
  evidence: z.array(evidenceRefSchema).default([]),
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
 * through 12345/96119) complained. A transfer from another department is never guessed.
 */
export function discoveryMethodOfRole(role: Role): DiscoveryMethod {
  switch (role) {
    case 'territory':
      return 'grid_patrol';
    case 'responsible':
      return 'self_report';
    case 'reporter':
      return 'complaint';
    case 'regulator':
    case 'command':
    case 'system':
      return 'inspection';
  }
}
