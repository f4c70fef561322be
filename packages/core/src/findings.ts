import { z } from 'zod';
import { INPUT_LIMITS } from './input-limits';

/** A value in `findings` or a site's `attributes`: a bounded string, a number or a boolean. */
const boundedScalarSchema = z.union([z.string().max(INPUT_LIMITS.findingTextLength), z.number(), z.boolean()]);

/**
 * `findings` and `attributes`: named scalars, keys bounded like ids, at most
 * INPUT_LIMITS.findingsCount of them (`maxProperties` in the JSON Schema).
 */
export const boundedRecordSchema = z
  .record(z.string().max(INPUT_LIMITS.idLength), boundedScalarSchema)
  .refine((record) => Object.keys(record).length <= INPUT_LIMITS.findingsCount, {
    message: `must have at most ${INPUT_LIMITS.findingsCount} entries`,
  })
  .meta({ maxProperties: INPUT_LIMITS.findingsCount });
