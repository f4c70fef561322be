import type { TimerRow } from './store';

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
  const atMs = Date.parse(at);
  const set = new Map<string, TimerRow>();
  const cancel = new Set<string>();
  const emitted: { type: string; [key: string]: unknown }[] = [];
  for (const action of actions) {
    if (action.type === 'xstate.raise') {
      const params = action.params as { id?: string; delay?: number; event: TimerRow['event'] };
      if (params.delay === undefined) continue;
      const timerId = params.id ?? params.event.type;
      cancel.delete(timerId);
      const dueAt = new Date(atMs + params.delay).toISOString();
      // The event usually carries the same instant as its `at`: keep one string, not two.
      const eventAt = (params.event as { at?: unknown }).at;
      set.set(timerId, { caseId, timerId, dueAt: eventAt === dueAt ? eventAt : dueAt, event: params.event });
    } else if (action.type === 'xstate.cancel') {
      const { sendId } = action.params as { sendId: string };
      set.delete(sendId);
      cancel.add(sendId);
    } else if (action.type === 'xstate.emit') {
      emitted.push((action.params as { event: { type: string } }).event);
    }
  }
  return { timers: { set: [...set.values()], cancel: [...cancel] }, emitted };
}
