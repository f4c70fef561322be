import { z } from 'zod';

/** A reference to evidence kept elsewhere (photos, records, invoices); never file contents. */
export const evidenceRefSchema = z.strictObject({
  kind: z.string().min(1),
  uri: z.string().min(1),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')
    .optional(),
  by: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
});
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;
