import { z } from 'zod';
import { roleSchema } from './vocabulary';

/**
 * Who issues a command. `org` is the street id for `territory`, the department id for
 * `regulator` and the party id for `responsible`; `command` acts district-wide.
 */
export const actorSchema = z.strictObject({
  id: z.string().min(1),
  role: roleSchema,
  org: z.string().min(1).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

/** The engine's own actor, used for timer events. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ id: 'system', role: 'system' });
