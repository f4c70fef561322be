import type { SimulationFigures } from './figures';

/** A figure the run must land in, inclusive, with the reason the README gives for it. */
export interface FigureRange {
  min: number;
  max: number;
  why: string;
}

/**
 * What a believable run looks like (the README explains each). The test runs a small fixed
 * seed and checks every figure against its range; a change to the agents, the catalogue or
 * the packs that moves a figure out of its range is a finding, not a number to update.
 */
export const FIGURE_RANGES = {
  majorShare: {
    min: 0.02,
    max: 0.05,
    why: 'districts report a low single-digit share of hazards graded major (重大事故隐患)',
  },
  listedShare: {
    min: 0.02,
    max: 0.08,
    why: 'the listing authority lists every major hazard and a few general ones it chooses, not every late case',
  },
  listedMajorShare: {
    min: 0.5,
    max: 1,
    why: 'listed supervision (挂牌督办) is mostly for major hazards',
  },
  generalClosureRate: {
    min: 0.7,
    max: 0.97,
    why: 'general hazards have days to weeks to fix: most are closed, but those found in the last weeks of the run are still open',
  },
  generalOnTimeRate: {
    min: 0.65,
    max: 0.98,
    why: 'a quarter of the parties are late by disposition (more in three streets) and the autumn-winter season halves general deadlines: about seven closures in ten by the deadline; under 65 % enforcement would not be working',
  },
  majorClosureRate: {
    min: 0.2,
    max: 0.8,
    why: 'a major hazard takes a plan, often a stoppage and an acceptance: many are still open at the end of a quarter',
  },
  rungZeroShare: {
    min: 0.55,
    max: 0.9,
    why: 'most cases are fixed on the spot or by their deadline and never climb the ladder',
  },
  topRungShare: {
    min: 0,
    max: 0.06,
    why: 'general hazards reach the top rung only when their parties ignore reminders, a penalty and a 约谈: a few',
  },
  blockedExitsSameDay: {
    min: 0.95,
    max: 1,
    why: 'a blocked exit or fire lane ends the day it is found: cleared when ordered, else removed by force (《消防法》 Art. 60 ¶3)',
  },
  enforcedCompliance: {
    min: 0.6,
    max: 1,
    why: 'a penalty, a seal or a 约谈 makes most parties act; a stubborn few do not, and some measures come too late in the run to see the answer',
  },
} as const satisfies Record<string, FigureRange>;

export type FigureName = keyof typeof FIGURE_RANGES;

/** The value of each ranged figure. */
export function rangedFigures(figures: SimulationFigures): Record<FigureName, number> {
  return {
    majorShare: figures.majorShare,
    listedShare: figures.listedShare,
    listedMajorShare: figures.listedMajorShare,
    generalClosureRate: figures.closure.general.closureRate,
    generalOnTimeRate: figures.closure.general.onTimeRate,
    majorClosureRate: figures.closure.major.closureRate,
    rungZeroShare: figures.rungZeroShare,
    topRungShare: figures.topRungShare,
    blockedExitsSameDay: figures.blockedExits.sameDayShare,
    enforcedCompliance: figures.enforced.complianceShare,
  };
}

/** The figures outside their range, with value and range; empty when the run is believable. */
export function figuresOutOfRange(figures: SimulationFigures): string[] {
  const values = rangedFigures(figures);
  return (Object.keys(FIGURE_RANGES) as FigureName[]).flatMap((name) => {
    const { min, max } = FIGURE_RANGES[name];
    const value = values[name];
    return value >= min && value <= max ? [] : [`${name} ${value.toFixed(3)} outside ${min}…${max}`];
  });
}
