import type { HazardReportInput } from '@hazardflow/core';
import { createTestEngine, scenario } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';
import { liftPack } from '../src/lift-pack';
import { evidence } from './people';

/** The people around a lift in a residential compound of district 7. */
const liftInspector = { id: 'se-inspector-sun', role: 'regulator', org: 'market-supervision' };
const propertyManager = { id: 'property-manager-3', role: 'responsible', org: 'greenview-property' };
const mechanic = { id: 'mechanic-li', role: 'maintenance-unit', org: 'swift-lift-care' };
const otherMechanic = { id: 'mechanic-wu', role: 'maintenance-unit', org: 'other-lift-care' };
const inspectionBody = { id: 'inspector-zhou', role: 'inspection-body', org: 'city-se-inspection-institute' };

function entrapment(category = 'lift_entrapment'): HazardReportInput {
  return {
    packId: 'lift',
    category,
    site: {
      id: 'greenview-b3-lift-2',
      name: 'Greenview block 3, lift 2',
      placeType: 'residential',
      territory: 'street-riverside',
    },
    responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
    parties: { 'maintenance-unit': 'swift-lift-care', 'inspection-body': 'city-se-inspection-institute' },
    description: 'Lift stopped between floors 7 and 8; a passenger trapped, her wrist injured',
    evidence: [evidence('photo', propertyManager.id)],
  };
}

describe('lift pack: the parties around a lift', () => {
  it('an injured passenger trapped, triage left late: the maintenance unit told at once, the regulator’s ladder climbed for a month', async () => {
    const t = createTestEngine({ packs: [liftPack], start: '2026-04-13T02:00:00.000Z' }); // Monday 10:00
    const s = await scenario(t).report(entrapment(), { as: propertyManager });
    await s.expect({ status: 'reported', imminentDanger: true });

    // At once: the maintenance unit (30-minute arrival) with everyone who must act now.
    const [danger] = s.notifications('imminent_danger');
    expect(danger?.recipients).toContainEqual({ role: 'maintenance-unit', org: 'swift-lift-care' });
    expect(danger?.dueAt).toBe('2026-04-13T02:30:00.000Z');

    // The mechanic records the rescue on the case; a mechanic of another company may not.
    const rescue = { type: 'ADD_EVIDENCE' as const, evidence: [evidence('rescue-record', mechanic.id)] };
    const own = await t.send(s.id, rescue, { actor: mechanic });
    expect(own.ok).toBe(true);
    const other = await t.send(s.id, rescue, { actor: otherMechanic });
    expect(other.ok ? 'accepted' : other.error.code).toBe('FORBIDDEN');

    // Nobody at the bureau triages it. A month later it has not sat quietly in `reported`.
    await s.advance({ days: 30 });
    await s.expect({ status: 'reported' });
    expect(s.notifications('interim_control_overdue')[0]?.recipients).toContainEqual({
      role: 'maintenance-unit',
      org: 'swift-lift-care',
    });
    expect(s.notifications('overdue')).toHaveLength(1);
    const climbs = s.notifications('step_escalated');
    expect(climbs.map((n) => n.stepLevel)).toEqual([1, 2]);
    expect(climbs[1]?.recipients.map((r) => r.role)).toEqual(['regulator', 'command']);
    // Then every fifth working day at the committee's rung, for the rest of the month.
    const reminders = s.notifications('step_reminder');
    expect(reminders.length).toBeGreaterThanOrEqual(3);
    expect(reminders.every((n) => n.stepLevel === 2 && n.recipients.some((r) => r.role === 'command'))).toBe(true);

    // The triage comes at last; the inspection body's report is what the acceptance rests on.
    await s.as(liftInspector).send({ type: 'TRIAGE' });
    await s.expect({ severity: 'major', listedSupervision: true });
    const report = { type: 'ADD_EVIDENCE' as const, evidence: [evidence('inspection-report', inspectionBody.id)] };
    expect((await t.send(s.id, report, { actor: inspectionBody })).ok).toBe(true);
    // The inspection body inspects; listing and accepting stay with the authorities.
    expect(liftPack.permissions.VERIFY).not.toContain('inspection-body');
  });

  it('a party’s actor needs its org on the case, and a role nobody declared is refused', async () => {
    const t = createTestEngine({ packs: [liftPack], start: '2026-04-13T02:00:00.000Z' });
    const { parties: _named, ...unnamed } = entrapment('lift_maintenance_overdue');
    const r = await t.report(unnamed, { actor: propertyManager });
    if (!r.ok) throw new Error(r.error.message);
    const none = await t.send(r.case.id, { type: 'COMMENT', text: 'on my way' }, { actor: mechanic });
    expect(none.ok ? 'accepted' : none.error.message).toContain('names no org as its maintenance-unit');

    const stranger = { id: 'x-1', role: 'maintenance-unt', org: 'swift-lift-care' };
    const refused = await t.send(r.case.id, { type: 'COMMENT', text: 'hi' }, { actor: stranger });
    expect(refused.ok ? 'accepted' : refused.error.issues).toEqual([
      expect.objectContaining({
        path: 'actor.role',
        code: 'unknown_role',
        message: expect.stringContaining('did you mean "maintenance-unit"'),
      }),
    ]);

    const typo = await t.report(
      { ...entrapment(), parties: { 'maintenance-unt': 'swift-lift-care' } },
      { actor: propertyManager },
    );
    expect(typo.ok ? 'accepted' : typo.error.issues).toEqual([
      expect.objectContaining({ path: 'parties["maintenance-unt"]', code: 'unknown_party' }),
    ]);
  });

  it('a late rectification tells the maintenance unit on the ladder’s first rung', async () => {
    const t = createTestEngine({ packs: [liftPack], start: '2026-04-13T02:00:00.000Z' });
    const s = await scenario(t).report(entrapment('lift_maintenance_overdue'), { as: propertyManager });
    await s.as(liftInspector).send({ type: 'TRIAGE' });
    await s.as(liftInspector).send({ type: 'ISSUE_NOTICE', clauses: ['TSG T5002-2017 §4'] });
    await s.as(propertyManager).send({ type: 'ACKNOWLEDGE' });
    await s.advance({ days: 17 });
    const [rung] = s.notifications('escalated');
    expect(rung?.level).toBe(1);
    expect(rung?.recipients).toContainEqual({ role: 'maintenance-unit', org: 'swift-lift-care' });
  });
});
