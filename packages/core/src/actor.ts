import { z } from 'zod';
import { boundedIdSchema } from './bounded-id';
import { roleSchema } from './vocabulary';

/**
 * Who issues a command. `org` is the street id for `territory`, the department id for
 * `regulator` and the party id for `responsible`; `command` acts district-wide. Ids are
 * normalised (`boundedIdSchema`), so separation of duties compares like with like.
 */
export const actorSchema = z.strictObject({
  id: boundedIdSchema,
  role: roleSchema,
  org: boundedIdSchema.optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** The engine's own actor, used for timer events. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', role: 'system' });
