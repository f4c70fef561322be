import type { CaseView } from '@hazardflow/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKS } from '../src/district';
import { FIGURE_RANGES, figuresOutOfRange, rangedFigures } from '../src/figure-ranges';
import { computeFigures, type SimulationFigures } from '../src/figures';
import { allViews, runSimulation, type SimulationRun } from '../src/simulation';

/** A quarter of a district, small enough to run in seconds, large enough for the shares to settle. */
const OPTIONS = { seed: 20250901, days: 90, hazards: 900, start: '2025-09-01' } as const;

describe('a believable run (900 hazards, 90 days, fixed seed)', () => {
  let sim: SimulationRun;
  let views: CaseView[];
  let figures: SimulationFigures;

  beforeAll(async () => {
    sim = await runSimulation(OPTIONS);
    views = await allViews(sim.engine, {});
    figures = await computeFigures(sim.engine, views);
  });

  it('puts every figure in the range the README justifies', () => {
    expect(figuresOutOfRange(figures)).toEqual([]);
    // and the check can fail: a figure just outside its range is reported
    const outside = { ...figures, majorShare: FIGURE_RANGES.majorShare.max + 0.001 };
    expect(figuresOutOfRange(outside)).toEqual([expect.stringMatching(/^majorShare 0\.051 outside/)]);
  });

  it('counts the figures from the views', () => {
    const graded = views.filter((v) => v.severity !== null && !['dismissed', 'transferred'].includes(v.status));
    expect(figures.graded).toBe(graded.length);
    expect(figures.casesByRung.reduce((a, b) => a + b, 0)).toBe(graded.length);
    expect(rangedFigures(figures).majorShare).toBeCloseTo(
      graded.filter((v) => v.severity === 'major').length / graded.length,
      10,
    );
  });

  it('lists by decision: every major hazard by the listing authority at grading, delisted only after acceptance', async () => {
    const office = sim.district.commandOffice.id;
    for (const view of views.filter((v) => v.severity === 'major' && v.status !== 'dismissed')) {
      expect(view.listing?.listedBy, view.id).toBe(office);
    }
    let delisted = 0;
    for (const view of views.filter((v) => v.listing)) {
      const history = await sim.engine.history(view.id);
      for (const entry of history.filter((e) => e.command === 'LIST' || e.command === 'DELIST')) {
        expect(entry.actor.id).toBe(office);
      }
      if (view.listing?.delistedAt) {
        delisted++;
        expect(history.find((e) => e.command === 'DELIST')?.fromStatus).toBe('closed');
      }
    }
    expect(delisted).toBeGreaterThan(0);
    // a general hazard is listed only by the office's choice, once it reached the first rung that tells the office
    for (const view of views.filter((v) => v.listing && v.severity === 'general')) {
      const pack = Object.values(PACKS).find((p) => p.id === view.packId);
      const officeRung = pack?.escalation.ladder.find((r) => r.notify.includes('command'))?.level ?? 0;
      expect(view.maxEscalationLevel, view.id).toBeGreaterThanOrEqual(officeRung);
    }
  });

  it('enforces by decision: fines and seals by the department, 约谈 by the office, blocked exits removed by force the day they are found', async () => {
    const office = sim.district.commandOffice.id;
    expect(sim.stats.outcomes['ENFORCE penalty']).toBeGreaterThan(0);
    expect(sim.stats.outcomes['ENFORCE forced_removal']).toBeGreaterThan(0);
    expect(sim.stats.commands.INTERVIEW).toBeGreaterThan(0);
    for (const view of views.filter((v) => v.maxEscalationLevel >= 2)) {
      const history = await sim.engine.history(view.id);
      for (const entry of history) {
        if (entry.command === 'ENFORCE') expect(entry.actor.org).toBe(view.regulator);
        if (entry.command === 'INTERVIEW') expect(entry.actor.id).toBe(office);
      }
    }
    for (const view of views.filter((v) => v.category === 'exits-blocked' || v.category === 'fire-lane-blocked')) {
      const history = await sim.engine.history(view.id);
      const removal = history.find(
        (e) =>
          e.command === 'ENFORCE' && (e.payload as { measure: { kind: string } }).measure.kind === 'forced_removal',
      );
      if (removal) expect(removal.at.slice(0, 10), view.id).toBe(view.reportedAt.slice(0, 10));
    }
  });

  it('refuses nothing the agents send', () => {
    expect(sim.stats.rejections).toEqual([]);
  });
});
