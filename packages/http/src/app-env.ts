import type { Actor } from '@hazardflow/core';

/** What the authentication middleware leaves for the handlers: the caller, as the application named them. */
export interface AppEnv {
  Variables: { actor: Actor };
}
