/**
 * Fire categories whose hazard is a blocked escape route or fire lane: 《消防法》 Art. 28 forbids
 * it, and Art. 60 ¶3 has the fire authority remove the obstruction by force when the party,
 * ordered to clear it, does not, so the hazard ends the day it is found.
 */
export const BLOCKED_EXIT_CATEGORIES: ReadonlySet<string> = new Set(['exits-blocked', 'fire-lane-blocked']);
