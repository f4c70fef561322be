import { createInterner } from './interner';
import type { TimerRow } from './store';

/**
 * Timer events repeat across cases (`{ type: 'TIMER.DUE', at }` with the same end-of-day
 * instant): pending rows share one frozen copy of each.
 */
const sharedEvent = createInterner<TimerRow['event']>();

/** The timer changes a transition asks for, in the form a commit carries them. */
export interface TimerPlan {
  set: TimerRow[];
  cancel: string[];
}

interface ExecutableAction {
  type: string;
  params?: unknown;
}

/**
 * Turns the actions XState's pure `transition` returns into timer rows: a delayed
 * `xstate.raise` becomes a row due at `at + delay`; `xstate.cancel` removes one. Later
 * actions win, so exit-then-entry of the same state (cancel, then set the same id) leaves
 * one fresh row. Emitted events are returned alongside, in order.
 */
export function planTimers(
  caseId: string,
  at: string,
  actions: readonly ExecutableAction[],
): { timers: TimerPlan; emitted: { type: string; [key: string]: unknown }[] } {
  // Plain arrays rather than a Map and a Set: a transition asks for a handful of timers, and
  // this runs on every command. Same order as insertion-ordered Map/Set: a replaced row keeps
  // its place, a row set again after a cancel goes last.
  let atMs: number | undefined;
  const set: TimerRow[] = [];
  const cancel: string[] = [];
  const emitted: { type: string; [key: string]: unknown }[] = [];
  for (const action of actions) {
    if (action.type === 'xstate.raise') {
      const params = action.params as { id?: string; delay?: number; event: TimerRow['event'] };
      if (params.delay === undefined) continue;
      const timerId = params.id ?? params.event.type;
      remove(cancel, timerId);
      atMs ??= Date.parse(at);
      const dueAt = new Date(atMs + params.delay).toISOString();
      // The event usually carries the same instant as its `at`: keep one string, not two.
      const eventAt = (params.event as { at?: unknown }).at;
      const row: TimerRow = {
        caseId,
        timerId,
        dueAt: eventAt === dueAt ? eventAt : dueAt,
        event: sharedEvent(params.event),
      };
      const index = set.findIndex((existing) => existing.timerId === timerId);
      if (index >= 0) set[index] = row;
      else set.push(row);
    } else if (action.type === 'xstate.cancel') {
      const { sendId } = action.params as { sendId: string };
      const index = set.findIndex((existing) => existing.timerId === sendId);
      if (index >= 0) set.splice(index, 1);
      if (!cancel.includes(sendId)) cancel.push(sendId);
    } else if (action.type === 'xstate.emit') {
      emitted.push((action.params as { event: { type: string } }).event);
    }
  }
  return { timers: { set, cancel }, emitted };
}

function remove(list: string[], item: string): void {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
}
