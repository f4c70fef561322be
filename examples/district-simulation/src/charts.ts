import type { AssessmentRow } from '@hazardflow/engine';
import type { CalendarNotes } from './calendar-notes';
import type { SimulationRun } from './simulation';
import { barChartSvg, lineChartSvg } from './svg-charts';

/** Short labels for the fire pack's seasons shaded on the chart (its deadlines halve in both). */
const SEASON_LABELS: Record<string, string> = {
  holidays: 'National Day window',
  'autumn-winter': 'autumn–winter fire season',
};

/** Open cases, open overdue, open listed and escalations per day, with holidays and seasons shaded. */
export function openCasesChart(run: SimulationRun, notes: CalendarNotes): string {
  const { samples } = run;
  const fireSeasons = notes.seasons.filter((s) => s.pack.id === 'fire');
  return lineChartSvg({
    title: 'Open cases and escalations, day by day',
    xLabels: samples.map((s) => s.date.slice(5)),
    yLabel: 'cases',
    bands: [
      ...fireSeasons.flatMap((season) =>
        season.ranges.map((range) => ({ ...range, label: SEASON_LABELS[season.id] ?? season.name, color: '#fde2c4' })),
      ),
      ...notes.holidays.map((range) => ({ ...range, label: 'days off', color: '#d9e7f7', row: 1 })),
    ],
    series: [
      { name: 'open', values: samples.map((s) => s.open), color: '#2f6fc9' },
      { name: 'open and overdue', values: samples.map((s) => s.openOverdue), color: '#d9480f' },
      { name: 'open under listed supervision', values: samples.map((s) => s.openListed), color: '#7b3fb8' },
      { name: 'escalations that day', values: samples.map((s) => s.escalations), color: '#555555', dashed: true },
    ],
  });
}

/** Closure rate per street, with the district's overall rate as a reference line. */
export function closureByStreetChart(run: SimulationRun, byStreet: readonly AssessmentRow[]): string {
  const found = byStreet.reduce((sum, r) => sum + r.found, 0);
  const closed = byStreet.reduce((sum, r) => sum + r.closed, 0);
  const overall = found === 0 ? 0 : closed / found;
  return barChartSvg({
    title: 'Closure rate by street (closed / found)',
    max: 1,
    formatTick: (v) => `${Math.round(v * 100)}%`,
    reference: { value: overall, label: `district ${(overall * 100).toFixed(1)}%` },
    bars: byStreet.map((row) => ({
      label: run.district.streets.find((s) => s.id === row.group)?.name ?? row.group,
      value: row.closureRate,
      text: `${(row.closureRate * 100).toFixed(1)}%`,
    })),
  });
}
