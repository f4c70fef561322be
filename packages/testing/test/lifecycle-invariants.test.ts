import { chinaCalendar, createHazardModel, type HazardContext } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
// The invariant checker and the simulator are internal: no pack can make a correct machine
// break an invariant, so these tests doctor cases by hand to show each check can fail.
import { CaseSimulator, contextOf, type SimulatedCase } from '../src/case-simulator';
import { invariantViolations } from '../src/lifecycle-invariants';
import { ev, notice, pack, people } from './support';

const calendar = chinaCalendar();
const model = createHazardModel(pack, { calendar });
const { machine } = model;
const simulator = new CaseSimulator(model);

function input(category: string) {
  return {
    caseId: `case-${category}`,
    at: '2026-09-07T02:00:00.000Z',
    reportedBy: people.inspector,
    report: {
      category,
      site: { id: 'site-1', name: 'Workshop', placeType: 'workshop', territory: 'street-a', attributes: {} },
      responsible: { id: 'party-1' },
      description: 'Three-in-one workshop',
      findings: {},
      evidence: [ev('photo')],
    },
  };
}

function run(
  category: string,
  commands: [Record<string, unknown> & { type: string }, (typeof people)[keyof typeof people]][],
) {
  let current = simulator.start(input(category)).case;
  for (const [command, actor] of commands) {
    const outcome = simulator.send(current, command, actor);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.rejection.message}`);
    current = outcome.step.after;
  }
  return current;
}

/** The same case with its context changed, as if the machine had made a mistake. */
function doctored(simulated: SimulatedCase, change: Partial<HazardContext>, timers = simulated.timers): SimulatedCase {
  const context = { ...contextOf(simulated), ...change };
  return {
    ...simulated,
    timers,
    snapshot: machine.resolveState({ value: simulated.snapshot.value, context } as never),
  };
}

const codes = (before: SimulatedCase | undefined, after: SimulatedCase) =>
  invariantViolations(pack, calendar, before, after).map((v) => v.code);

describe('lifecycle invariants', () => {
  const plan = { responsibility: 'r', measures: 'm', funds: 'f', deadline: 'd', emergencyPlan: 'e' };
  const closedMajor = run('three_in_one', [
    [{ type: 'TRIAGE' }, people.inspector],
    [{ type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: [ev('seal_notice')] }, people.inspector],
    [notice, people.inspector],
    [{ type: 'SUBMIT_PLAN', plan, evidence: [ev('rectification_plan', 'owner-1')] }, people.owner],
    [{ type: 'APPROVE_PLAN' }, people.inspector],
    [{ type: 'SUBMIT_RECTIFICATION', evidence: [ev('after_photo', 'owner-1')] }, people.owner],
    [{ type: 'LIFT_INTERIM_CONTROL', measure: 'seal' }, people.inspector],
    [{ type: 'VERIFY', result: 'pass', evidence: [ev('closeout_decision')] }, people.inspector],
  ]);

  it('hold for a major case closed by the book', () => {
    expect(contextOf(closedMajor)).toMatchObject({ severity: 'major', closedHow: 'verified' });
    expect(codes(undefined, closedMajor)).toEqual([]);
    expect([...closedMajor.timers.keys()]).toEqual(['follow-up.end']);
  });

  it('catch a case closed by its own rectifier', () => {
    const ctx = contextOf(closedMajor);
    expect(codes(undefined, doctored(closedMajor, { verifiedBy: ctx.rectifiedBy }))).toContain('closed_by_rectifier');
  });

  it('catch a major case closed without an approved plan, with a seal on, or without acceptance evidence', () => {
    expect(codes(undefined, doctored(closedMajor, { plan: null }))).toContain('closed_major_without_plan');
    expect(codes(undefined, doctored(closedMajor, { interimControls: ['seal'] }))).toContain(
      'closed_with_interim_control',
    );
    const ctx = contextOf(closedMajor);
    const withoutAcceptance = ctx.evidence.filter((item) => item.step !== 'acceptance');
    expect(codes(undefined, doctored(closedMajor, { evidence: withoutAcceptance }))).toContain(
      'closed_without_acceptance_evidence',
    );
    expect(codes(undefined, doctored(closedMajor, { closedHow: 'fixed_on_spot' }))).toContain('major_fixed_on_spot');
  });

  it('catch a timer that outlives the case, and a level that goes down', () => {
    const stray = new Map(closedMajor.timers);
    stray.set('deadline.due', {
      caseId: 'case-three_in_one',
      timerId: 'deadline.due',
      dueAt: '2026-12-01T00:00:00.000Z',
      event: { type: 'TIMER.DUE', at: '2026-12-01T00:00:00.000Z' },
    });
    expect(codes(undefined, doctored(closedMajor, {}, stray))).toEqual(['timer_survives_end']);
    expect(codes(closedMajor, doctored(closedMajor, { escalationLevel: 1 }))).toEqual(['escalation_decreased']);
  });

  it('catch a deadline counted in days that ends on a weekend, but not one counted in hours', () => {
    const general = run('ebike_corridor', [
      [{ type: 'TRIAGE' }, people.inspector],
      [notice, people.inspector],
    ]);
    const ctx = contextOf(general);
    expect(ctx.deadline?.step).toBe('rectify');
    const rectifyAt = (dueAt: string) =>
      doctored(general, { rectifyDueAt: dueAt, deadline: { step: 'rectify', owner: 'responsible', dueAt } });
    // Sunday 20 September 2026 is a make-up working day (调休), Sunday 13th is not
    expect(codes(general, rectifyAt('2026-09-20T15:59:59.999Z'))).toEqual([]);
    expect(codes(general, rectifyAt('2026-09-13T15:59:59.999Z'))).toEqual(['deadline_not_on_working_day']);

    // exits_blocked triages within 24 hours: its triage deadline may end on any day
    const reported = simulator.start(input('exits_blocked')).case;
    const sundayTriage = { step: 'triage', owner: 'regulator', dueAt: '2026-09-13T15:59:59.999Z' } as const;
    expect(codes(undefined, doctored(reported, { deadline: sundayTriage }))).toEqual([]);
  });
});
