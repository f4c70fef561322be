import { z } from 'zod';
import { boundedIdSchema } from './bounded-id';
import { roleRefSchema } from './party';

/**
 * Who issues a command. `org` is the street id for `territory`, the department id for
 * `regulator`, the party id for `responsible` and the party's org for a pack's party (a
 * maintenance unit's company id); `command` acts district-wide. `role` is a built-in role or
 * a party the case's pack declares; the engine refuses any other. Ids are
 * normalised (`boundedIdSchema`), so separation of duties compares like with like.
 */
export const actorSchema = z.strictObject({
  id: boundedIdSchema,
  role: roleRefSchema,
  org: boundedIdSchema.optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** The engine's own actor, used for timer events. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', role: 'system' });
