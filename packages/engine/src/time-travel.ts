import { type BusinessCalendar, type Duration, elapsedMs } from '@hazardflow/core';
import type { ManualClock } from './clock';
import type { Engine } from './engine-types';

/** Where `travel` moves the clock: to an instant, or on by a pack-style duration. */
export type TravelTarget = { to: string | Date } | { by: Duration };

export interface TravelOptions {
  /** The calendar `{ by: { workingDays | days } }` is counted on: the pack's business calendar. */
  calendar?: BusinessCalendar;
  /** More firings than this in one move throw (a pack that re-arms timers forever). Default: no limit. */
  maxFirings?: number;
}

/**
 * The instant `target` names from `from`. `{ hours }` and `{ minutes }` are exact; `{ workingDays }` and
 * `{ days }` are counted the way the pack counts a deadline (`calendar.addDuration`): to the
 * end of the working day they land on, so "3 working days" means what it means in the pack.
 */
export function travelTarget(from: Date, target: TravelTarget, calendar?: BusinessCalendar): Date {
  if ('to' in target) {
    const ms = typeof target.to === 'string' ? Date.parse(target.to) : target.to.getTime();
    if (Number.isNaN(ms)) throw new RangeError(`to: not an instant: ${String(target.to)}`);
    return new Date(ms);
  }
  const { by } = target;
  const ms = elapsedMs(by);
  if (ms !== undefined) return new Date(from.getTime() + ms);
  if (!calendar) throw new TypeError('travel: options.calendar is needed to count working days or days');
  return calendar.addDuration(from, by);
}

/**
 * The one time-travel loop (testing kit, CLI simulate, embedding example): moves a manual
 * clock forward to the target, firing every durable timer that falls due on the way in due
 * order, each at its own instant (the clock is set to its `dueAt` first), so timers a firing
 * arms (the next escalation level, a reminder) fire on the way too; catch-up as a running
 * engine would do it. Stops early when nothing fires although a timer is due (another worker
 * holds its lease). Rejects with the first `error` event the engine emitted meanwhile, and
 * with a RangeError for a target in the past. Resolves to how many timers fired.
 */
export async function travel(
  engine: Pick<Engine, 'store' | 'runDueTimers' | 'on' | 'off'>,
  clock: ManualClock,
  target: TravelTarget,
  options: TravelOptions = {},
): Promise<number> {
  const to = travelTarget(clock.now(), target, options.calendar);
  if (to.getTime() < clock.now().getTime()) {
    throw new RangeError(`cannot advance to ${to.toISOString()}: it is already ${clock.now().toISOString()}`);
  }
  const maxFirings = options.maxFirings ?? Number.POSITIVE_INFINITY;
  const errors: unknown[] = [];
  const onError = (error: unknown) => {
    errors.push(error);
  };
  engine.on('error', onError);
  let fired = 0;
  try {
    for (;;) {
      const next = await engine.store.nextTimerDueAt();
      if (next === null || Date.parse(next) > to.getTime()) break;
      if (Date.parse(next) > clock.now().getTime()) clock.set(next);
      const count = await engine.runDueTimers();
      fired += count;
      if (errors.length > 0) break;
      if (count === 0) break; // a timer is due but nothing fired: do not spin
      if (fired > maxFirings) throw new Error(`more than ${maxFirings} timers fired in one move of the clock`);
    }
  } finally {
    engine.off('error', onError);
  }
  if (errors.length > 0) {
    const [error] = errors;
    throw error instanceof Error ? error : new Error(String(error));
  }
  clock.set(to);
  return fired;
}
