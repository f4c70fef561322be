import { defaultCalendarFor, definePolicyPack, type HazardNotification } from '@hazardflow/core';
import { createEngine, createManualClock, travel, travelTarget } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { people, reportInput } from './support';

const REPORTED = '2026-09-07T02:00:00.000Z'; // Monday 10:00 in Shanghai
const at = (minutes: number) => new Date(Date.parse(REPORTED) + minutes * 60_000).toISOString();

/** A 30-minute triage (a lift entrapment's), warned about 10 minutes ahead; the pack-wide warning stays a working day. */
const minutePack = definePolicyPack({
  ...referencePack,
  categories: referencePack.categories.map((category) =>
    category.id === 'exits_blocked'
      ? { ...category, deadlines: { ...category.deadlines, triage: { minutes: 30 } } }
      : category,
  ),
  escalation: { ...referencePack.escalation, warnBeforeByStep: { triage: { minutes: 10 } } },
});

describe('deadlines and warnings to the minute, through the engine', () => {
  it('counts a 30-minute triage, warns 10 minutes ahead (not at report) and marks it overdue on time', async () => {
    const clock = createManualClock(REPORTED);
    const engine = createEngine({ packs: [minutePack], clock });
    const told: HazardNotification[] = [];
    engine.on('notification', (n) => told.push(n));
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    expect(reported.case.dueAt).toBe(at(30));
    expect(told.map((n) => n.reason)).not.toContain('warning');
    const timers = await engine.timers(reported.case.id);
    expect(timers.find((t) => t.event.type === 'TIMER.WARNING')?.dueAt).toBe(at(20));

    const calendar = defaultCalendarFor(minutePack.timeZone);
    await travel(engine, clock, { by: { minutes: 19 } }, { calendar });
    expect(told.filter((n) => n.reason === 'warning')).toEqual([]);
    await travel(engine, clock, { by: { minutes: 1 } }, { calendar });
    expect(told.filter((n) => n.reason === 'warning').map((n) => n.at)).toEqual([at(20)]);
    await travel(engine, clock, { by: { minutes: 10 } }, { calendar });
    expect(told.filter((n) => n.reason === 'overdue').map((n) => n.at)).toEqual([at(30)]);
    const view = await engine.get(reported.case.id);
    expect(view?.overdue).toBe(true);
  });

  it('does not warn at report about a short deadline the pack-wide warning cannot fit', async () => {
    const pack = definePolicyPack({ ...minutePack, version: '9.0.1', escalation: referencePack.escalation });
    const clock = createManualClock(REPORTED);
    const engine = createEngine({ packs: [pack], clock });
    const told: HazardNotification[] = [];
    engine.on('notification', (n) => told.push(n));
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    expect((await engine.timers(reported.case.id)).map((t) => t.event.type)).not.toContain('TIMER.WARNING');
    await travel(engine, clock, { by: { minutes: 30 } }, { calendar: defaultCalendarFor(pack.timeZone) });
    expect(told.map((n) => `${n.at} ${n.reason}`)).toEqual([`${at(30)} overdue`]);
  });

  it('travels by minutes as elapsed time, across midnight', () => {
    expect(travelTarget(new Date('2026-09-30T15:45:00.000Z'), { by: { minutes: 30 } })).toEqual(
      new Date('2026-09-30T16:15:00.000Z'),
    );
  });
});
