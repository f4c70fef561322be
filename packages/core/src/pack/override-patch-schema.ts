import { z } from 'zod';
import { overridableShape } from './schema';

/**
 * What a site override's `patch` may hold: a deep partial of the overridable fields
 * (`overridableShape`). Objects may be partial at any depth; arrays and durations are
 * complete values, because a patch replaces them whole. Built from `overridableShape`, so
 * a field made overridable there is patchable here with no second list to keep in step.
 * Used to check a patch's shape; the patch is merged as written, never as parsed (parsing
 * would fill defaults the author did not write).
 */
export const overridePatchSchema = z.strictObject(
  Object.fromEntries(Object.entries(overridableShape).map(([key, schema]) => [key, deepPartial(schema).optional()])),
);

/** Strict objects become partial all the way down; defaults are dropped (a patch fills nothing). */
function deepPartial(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault) return deepPartial(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodOptional) return deepPartial(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodObject) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return z.strictObject(
      Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, deepPartial(field).optional()])),
    );
  }
  return schema;
}
