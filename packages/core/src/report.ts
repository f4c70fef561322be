import { z } from 'zod';
import { evidenceRefSchema } from './evidence';
import { scalarSchema } from './pack/schema';

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
});
export type HazardReport = z.output<typeof hazardReportSchema>;
export type HazardReportInput = z.input<typeof hazardReportSchema>;
