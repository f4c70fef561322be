import { definePolicyPack, type HazardNotification } from '@hazardflow/core';
import { createEngine, createManualClock } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { ev, pack, people, reportInput, testEngine } from './support';

const HOUR = 3_600_000;

function threeInOne() {
  const input = reportInput({ category: 'three_in_one' });
  return { ...input, site: { ...input.site, placeType: 'workshop' } };
}

describe('imminent danger from the moment of report', () => {
  it('applies at report time: flag, interim deadline (default 24 h) and an immediate notification', async () => {
    const { engine, clock } = testEngine();
    const told: HazardNotification[] = [];
    engine.on('notification', (n) => told.push(n));
    const reported = await engine.report(threeInOne(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    expect(reported.case.status).toBe('reported');
    expect(reported.case.imminentDanger).toBe(true);
    expect(reported.case.interimDueAt).toBe(new Date(Date.parse('2026-09-07T02:00:00.000Z') + 24 * HOUR).toISOString());
    const urgent = told.filter((n) => n.reason === 'imminent_danger');
    expect(urgent).toHaveLength(1);
    expect(urgent[0]?.recipients.map((r) => r.role)).toEqual(['responsible', 'territory', 'regulator', 'command']);
    expect(urgent[0]?.dueAt).toBe(reported.case.interimDueAt);

    // triage does not tell them twice
    const triaged = await engine.send(reported.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    if (!triaged.ok) throw new Error(triaged.error.message);
    expect(told.filter((n) => n.reason === 'imminent_danger')).toHaveLength(1);
    expect(triaged.case.interimDueAt).toBe(reported.case.interimDueAt);

    // nobody starts the interim control: the regulator and command are told at the deadline
    clock.advanceBy(25 * HOUR);
    await engine.runDueTimers();
    const late = told.filter((n) => n.reason === 'interim_control_overdue');
    expect(late).toHaveLength(1);
    expect(late[0]?.recipients.map((r) => r.role)).toEqual(['regulator', 'command']);
  });

  it('honours the pack deadline in hours and is satisfied by an interim control in time', async () => {
    const twoHours = definePolicyPack({
      ...referencePack,
      version: '9.0.0',
      deadlines: { ...referencePack.deadlines, interimControl: { hours: 2 } },
    });
    const clock = createManualClock('2026-09-07T02:00:00.000Z');
    const engine = createEngine({ packs: [twoHours], clock });
    const told: HazardNotification[] = [];
    engine.on('notification', (n) => told.push(n));
    const reported = await engine.report(threeInOne(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    expect(reported.case.interimDueAt).toBe('2026-09-07T04:00:00.000Z');
    const timers = await engine.timers(reported.case.id);
    expect(timers.map((t) => t.event.type)).toContain('TIMER.INTERIM_DUE');

    const triaged = await engine.send(reported.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    if (!triaged.ok) throw new Error(triaged.error.message);
    const sealed = await engine.send(
      reported.case.id,
      { type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: [ev('seal_notice'), ev('cordon_photo')] },
      { actor: people.inspector },
    );
    if (!sealed.ok) throw new Error(sealed.error.message);
    expect((await engine.timers(reported.case.id)).map((t) => t.event.type)).not.toContain('TIMER.INTERIM_DUE');
    clock.advanceBy(3 * HOUR);
    await engine.runDueTimers();
    expect(told.some((n) => n.reason === 'interim_control_overdue')).toBe(false);
  });

  it('a case without imminent danger has no interim deadline', async () => {
    const { engine } = testEngine();
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    expect(reported.case.imminentDanger).toBe(false);
    expect(reported.case.interimDueAt).toBeNull();
    expect(pack.deadlines.interimControl).toBeUndefined();
  });
});
