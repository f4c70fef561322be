import { z } from 'zod';
import { boundedIdSchema } from './bounded-id';
import { INPUT_LIMITS } from './input-limits';

/** A reference to evidence kept elsewhere (photos, records, invoices); never file contents. */
export const evidenceRefSchema = z.strictObject({
  kind: boundedIdSchema,
  uri: z.string().min(1).max(INPUT_LIMITS.evidenceUriLength),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits')
    .optional(),
  by: boundedIdSchema,
  at: z.iso.datetime({ offset: true }),
});
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

/** The evidence a report or command carries: at most INPUT_LIMITS.evidenceCount items. */
export const evidenceListSchema = z.array(evidenceRefSchema).max(INPUT_LIMITS.evidenceCount);
