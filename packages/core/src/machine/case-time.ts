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

/** Instants already written, by epoch ms (bounded): see `iso`. */
const written = new Map<number, string>();

/**
 * The ISO string of an instant. Deadlines fall on few instants (the end of a working day),
 * so the same string is handed back for the same instant: every case that keeps one shares
 * it, and the formatting is skipped (see examples/benchmarks/NOTES.md).
 */
export function iso(date: Date): string {
  const ms = date.getTime();
  let text = written.get(ms);
  if (text === undefined) {
    text = date.toISOString(); // throws on an invalid date, as before
    if (written.size >= 10_000) written.clear();
    written.set(ms, text);
  }
  return text;
}
