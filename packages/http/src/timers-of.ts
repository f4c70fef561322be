import type { TimerRow } from '@hazardflow/engine';
import type { HttpEngine } from './http-engine';

/**
 * A case's timers by due time. `engine.timers(caseId)` is the engine's public answer; an
 * engine from before it existed is read through its store's `timersOf`, sorted here. This
 * is the only place the HTTP layer touches the store.
 */
export async function timersOf(engine: HttpEngine, caseId: string): Promise<TimerRow[]> {
  if (engine.timers) return engine.timers(caseId);
  if (!engine.store) throw new TypeError('the engine has neither timers(caseId) nor a store to read timers from');
  const rows = await engine.store.timersOf(caseId);
  return [...rows].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.timerId.localeCompare(b.timerId));
}
