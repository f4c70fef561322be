/**
 * Time inside the machine comes only from events: commands and timers carry `at`, the
 * initial event carries it in its input. Nothing here reads the wall clock.
 */
export function eventTime(event: { type: string; at?: unknown; input?: unknown }): string {
  if (typeof event.at === 'string') return event.at;
  const input = event.input as { at?: unknown } | undefined;
  if (input && typeof input.at === 'string') return input.at;
  throw new TypeError(
    `hazard machine: event "${event.type}" carries no "at" instant; every event must say when it happened`,
  );
}

/** Milliseconds from `at` until `due`, never negative (a past instant fires at once). */
export function delayUntil(due: string | Date, at: string): number {
  const ms = new Date(due).getTime() - new Date(at).getTime();
  return Math.max(ms, 0);
}

export function isAtOrAfter(at: string, instant: string | Date): boolean {
  return new Date(at).getTime() >= new Date(instant).getTime();
}

export function iso(date: Date): string {
  return date.toISOString();
}
