import { activeSeasons, type PolicyPack } from '@hazardflow/core';
import type { SimTime } from './sim-time';

/** An inclusive range of day indexes of the run. */
export interface DayRange {
  from: number;
  to: number;
}

export interface CalendarNotes {
  /** Public holidays: three or more days off in a row (National Day, New Year's Day …). */
  holidays: DayRange[];
  /** Weekend days made working days (调休), 'YYYY-MM-DD'. */
  makeUpWorkdays: string[];
  /** Each pack's seasons of raised risk that were in force during the run. */
  seasons: {
    pack: PolicyPack;
    id: string;
    name: string;
    /** What the season does, e.g. 'general deadlines × 0.5' or 'fog-ice-section raised to major'. */
    effect: string;
    ranges: DayRange[];
  }[];
}

/** What of the calendar and the packs' seasons the run went through, read off the same data the engine uses. */
export function calendarNotes(time: SimTime, packs: readonly PolicyPack[]): CalendarNotes {
  const days = Array.from({ length: time.days }, (_, day) => day);
  const offDays = days.filter((day) => !time.isWorkingDay(day));
  const holidays = rangesOf(offDays).filter((range) => range.to - range.from >= 2);
  const makeUpWorkdays = days
    .filter((day) => time.isWorkingDay(day) && isWeekend(time.dateOf(day)))
    .map((day) => time.dateOf(day));
  const seasons: CalendarNotes['seasons'] = [];
  for (const pack of packs) {
    for (const season of pack.seasons) {
      const category = season.categories[0] ?? pack.categories[0]?.id ?? '';
      const inSeason = days.filter((day) =>
        activeSeasons(pack, time.instantOf({ day, slot: 0 }), category).some((s) => s.id === season.id),
      );
      if (inSeason.length > 0) {
        const effects = [
          season.deadlineFactor === undefined ? null : `general deadlines × ${season.deadlineFactor}`,
          season.raiseSeverityTo === undefined
            ? null
            : `${season.categories.join(', ') || 'every category'} raised to ${season.raiseSeverityTo}`,
        ];
        seasons.push({
          pack,
          id: season.id,
          name: season.name.en,
          effect: effects.filter((e) => e !== null).join('; '),
          ranges: rangesOf(inSeason),
        });
      }
    }
  }
  return { holidays, makeUpWorkdays, seasons };
}

function isWeekend(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Runs of consecutive day indexes. */
export function rangesOf(sortedDays: readonly number[]): DayRange[] {
  const ranges: DayRange[] = [];
  for (const day of sortedDays) {
    const last = ranges.at(-1);
    if (last && day === last.to + 1) last.to = day;
    else ranges.push({ from: day, to: day });
  }
  return ranges;
}
