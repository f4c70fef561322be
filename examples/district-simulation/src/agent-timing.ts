import type { Random } from './random';
import { LAST_SLOT, type Moment } from './sim-time';
import type { World } from './world';

/**
 * When people act next. Officials act on working days only; responsible parties on any day.
 * Nobody acts twice in the same slot: a step planned for "today" lands in a later slot, or
 * tomorrow after the last one.
 */

/** The n-th working day from today (n = 0: later today if today is a working day). */
export function officialMoment(world: Pick<World, 'moment' | 'time'>, n: number, random: Random): Moment {
  const { moment, time } = world;
  let day = time.workingDayAfter(moment.day, n);
  if (day === moment.day && moment.slot === LAST_SLOT) day = time.workingDayAfter(moment.day, 1);
  return momentOn(world, day, random);
}

/** A slot on `day`, or later today when `day` is today or past; never the current slot again. */
export function momentOn(world: Pick<World, 'moment'>, day: number, random: Random): Moment {
  const { moment } = world;
  if (day > moment.day) return { day, slot: random.int(0, LAST_SLOT) };
  if (moment.slot < LAST_SLOT) return { day: moment.day, slot: random.int(moment.slot + 1, LAST_SLOT) };
  return { day: moment.day + 1, slot: random.int(0, LAST_SLOT) };
}
