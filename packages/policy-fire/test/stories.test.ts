import type { Actor, EvidenceRef, HazardCommand } from '@hazardflow/core';
import { firePack } from '@hazardflow/policy-fire';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/**
 * Real stories of the fire pack, told through the engine on a manual clock. Instants are UTC;
 * Shanghai is UTC+8, so "end of 28 September" in Shanghai is 2025-09-28T15:59:59.999Z.
 */
const inspector: Actor = { id: 'fire-inspector-1', role: 'regulator', org: 'fire-rescue' };
const secondInspector: Actor = { id: 'fire-inspector-2', role: 'regulator', org: 'fire-rescue' };
const gridWorker: Actor = { id: 'grid-worker-7', role: 'territory', org: 'street-east' };
const owner: Actor = { id: 'property-manager', role: 'responsible', org: 'greenview-property' };
const committee: Actor = { id: 'district-safety-office-li', role: 'command', org: 'command' };

function evidence(kind: string, by = inspector.id): EvidenceRef {
  return { kind, uri: `oss://hazards/${kind}-${by}.jpg`, by, at: '2025-09-01T00:00:00.000Z' };
}

function setUp(start: string) {
  // The testing kit's engine: a manual clock, notifications collected, and `advanceTo`, which
  // fires every timer falling due on the way at its own instant, in order.
  const engine = createTestEngine({ packs: [firePack], start });
  const { clock, notifications, advanceTo } = engine;
  async function act(id: string, command: { type: string } & Record<string, unknown>, actor: Actor) {
    const result = await engine.send(id, command as HazardCommand, { actor });
    if (!result.ok) throw new Error(`${command.type} by ${actor.id}: ${result.error.code} ${result.error.message}`);
    return result.case;
  }
  return { engine, clock, notifications, advanceTo, act };
}

function site(placeType: string, attributes: Record<string, string | number | boolean> = {}) {
  return { id: 'greenview-b3', name: 'Greenview Garden, Building 3', placeType, territory: 'street-east', attributes };
}

const notice = { type: 'ISSUE_NOTICE', clauses: ['消防法 Art. 28'], evidence: [evidence('notice-service-proof')] };

describe('fire pack stories', () => {
  it('e-bikes charging in a high-rise stairwell, found on the Friday before National Day 2025', async () => {
    const t = setUp('2025-09-26T02:00:00.000Z'); // Friday 10:00 in Shanghai
    const reported = await t.engine.report(
      {
        packId: 'fire',
        category: 'ebike-corridor',
        site: site('high-rise-residential', { storeys: 28 }),
        responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
        description: 'Four e-bikes charging on the 12th-floor stair landing',
        findings: { ebikesCharging: 4 },
        evidence: [evidence('photo', gridWorker.id)],
      },
      { actor: gridWorker },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await t.act(id, { type: 'TRIAGE' }, inspector);
    const noticed = await t.act(id, notice, inspector);
    // one calendar day → Saturday 27th is not a working day; the deadline rolls to Sunday 28th,
    // a make-up working day (调休) before the 1–8 October holiday
    expect(noticed.dueAt).toBe('2025-09-28T15:59:59.999Z');
    expect(t.notifications.at(-1)).toMatchObject({
      reason: 'notice_issued',
      recipients: [{ role: 'responsible', org: 'greenview-property' }],
    });

    // nobody acknowledges: the territory is told after one working day (Sunday 28th, a working day)
    await t.advanceTo('2025-09-29T00:00:00.000Z');
    expect(await t.engine.get(id)).toMatchObject({ escalationLevel: 1, overdue: true });
    const escalated = t.notifications.find((n) => n.reason === 'escalated');
    expect(escalated?.recipients).toContainEqual({ role: 'territory', org: 'street-east' });

    // level 2 comes 3 working days after the deadline: 29th, 30th, then the holiday, then 9 October
    await t.advanceTo('2025-10-09T15:00:00.000Z');
    expect((await t.engine.get(id))?.escalationLevel).toBe(1);
    await t.advanceTo('2025-10-09T16:00:00.000Z');
    expect((await t.engine.get(id))?.escalationLevel).toBe(2);
    expect(t.notifications.filter((n) => n.reason === 'escalated').at(-1)?.recipients).toContainEqual({
      role: 'regulator',
      org: 'fire-rescue',
    });
  });

  it('a locked exit in a shopping centre is verified within 24 hours and fixed on the spot', async () => {
    const t = setUp('2025-11-03T06:00:00.000Z');
    const reported = await t.engine.report(
      {
        packId: 'fire',
        category: 'exits-blocked',
        site: site('shop-market', { crowdedPlace: true }),
        responsible: { id: 'greenview-property' },
        description: 'North exit chained during opening hours (citizen complaint via 96119)',
        evidence: [evidence('photo', 'citizen')],
      },
      { actor: { id: 'citizen-96119', role: 'reporter' } },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    expect(reported.case.dueAt).toBe('2025-11-04T06:00:00.000Z'); // 24 h, not working days
    await t.advanceTo('2025-11-03T09:00:00.000Z');
    await t.act(reported.case.id, { type: 'TRIAGE' }, inspector);
    const closed = await t.act(
      reported.case.id,
      { type: 'FIX_ON_SPOT', evidence: [evidence('after-photo')] },
      inspector,
    );
    expect(closed).toMatchObject({ status: 'closed', closedOnTime: true, escalationLevel: 0 });
  });

  it('a three-in-one workshop with living quarters is major at once, listed by the committee, sealed, planned, accepted and delisted', async () => {
    const t = setUp('2025-09-08T02:00:00.000Z');
    const reported = await t.engine.report(
      {
        packId: 'fire',
        category: 'three-in-one',
        site: site('mixed-use'),
        responsible: { id: 'greenview-property' },
        description: 'Garment workshop on the ground floor, eight workers sleeping on the mezzanine',
        findings: { hazmatWithLivingQuarters: true },
        evidence: [evidence('photo'), evidence('inspection-record'), evidence('inspection-record', secondInspector.id)],
      },
      { actor: inspector },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    const graded = await t.act(id, { type: 'TRIAGE' }, inspector);
    // referred to the committee at once; listing (挂牌督办) is its decision, with a document
    expect(graded).toMatchObject({ severity: 'major', escalationLevel: 4, listedSupervision: false });
    expect(t.notifications.find((n) => n.reason === 'escalated' && n.level === 4)?.recipients).toContainEqual({
      role: 'command',
      org: 'command',
    });
    const listed = await t.act(
      id,
      { type: 'LIST', documentNo: '区安委办督〔2025〕7号', supervisingUnit: '区安委会办公室', until: '2025-12-31' },
      committee,
    );
    expect(listed).toMatchObject({ listedSupervision: true, listing: { supervisingUnit: '区安委会办公室' } });
    await t.act(
      id,
      { type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: [evidence('interim-control-record')] },
      inspector,
    );
    expect((await t.engine.get(id))?.interimControls).toEqual(['seal']);
    await t.act(id, notice, inspector);
    const plan = {
      responsibility: 'Owner',
      measures: 'Move dormitory out',
      funds: 'CNY 80,000',
      deadline: '30 days',
      emergencyPlan: 'Drill',
    };
    await t.act(id, { type: 'SUBMIT_PLAN', plan, evidence: [evidence('rectification-plan', owner.id)] }, owner);
    await t.advanceTo('2025-09-10T02:00:00.000Z');
    const approved = await t.act(id, { type: 'APPROVE_PLAN' }, inspector);
    expect(approved.status).toBe('supervised');
    await t.act(id, { type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after-photo', owner.id)] }, owner);
    const acceptance = {
      type: 'VERIFY',
      result: 'pass',
      evidence: [evidence('reinspection-record'), evidence('closeout-decision')],
    };
    const refused = await t.engine.send(id, acceptance as HazardCommand, { actor: secondInspector });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED_IN_STATE', message: expect.stringContaining('seal') },
    });
    await t.act(id, { type: 'LIFT_INTERIM_CONTROL', measure: 'seal' }, inspector);
    const closed = await t.act(id, acceptance, secondInspector);
    expect(closed).toMatchObject({ status: 'closed', closedOnTime: true });
    const delisted = await t.act(id, { type: 'DELIST', documentNo: '区安委办销〔2025〕3号' }, committee);
    expect(delisted.listing).toMatchObject({ delistDocumentNo: '区安委办销〔2025〕3号' });
    expect(await t.engine.verifyHistory(id)).toMatchObject({ ok: true });
  });

  it('disabled sprinklers get 15 days, halved to 8 in the autumn-winter window', async () => {
    const t = setUp('2025-11-10T02:00:00.000Z'); // Monday, inside 11-01 … 03-31
    const reported = await t.engine.report(
      {
        packId: 'fire',
        category: 'fire-systems-disabled',
        site: site('office'),
        responsible: { id: 'greenview-property' },
        description: 'Sprinkler valve closed on floors 3–5',
        evidence: [evidence('photo'), evidence('inspection-record'), evidence('inspection-record', secondInspector.id)],
      },
      { actor: inspector },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    await t.act(reported.case.id, { type: 'TRIAGE' }, inspector);
    const noticed = await t.act(reported.case.id, notice, inspector);
    // 15 days × 0.5 → 8 calendar days from Monday 10 November → Tuesday 18 November
    expect(noticed.dueAt).toBe('2025-11-18T15:59:59.999Z');
  });

  it('re-inspection fails twice: the brigade is escalated to, then the rectification passes with a different inspector', async () => {
    const t = setUp('2025-09-08T02:00:00.000Z');
    const reported = await t.engine.report(
      {
        packId: 'fire',
        category: 'fire-lane-blocked',
        site: site('residential'),
        responsible: { id: 'greenview-property' },
        description: 'Parked cars and a kiosk block the fire lane',
        evidence: [evidence('photo'), evidence('inspection-record'), evidence('inspection-record', secondInspector.id)],
      },
      { actor: inspector },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await t.act(id, { type: 'TRIAGE' }, inspector);
    await t.act(id, notice, inspector);
    await t.act(id, { type: 'ACKNOWLEDGE' }, owner);
    for (let attempt = 1; attempt <= 2; attempt++) {
      await t.act(id, { type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after-photo', owner.id)] }, owner);
      await t.act(id, { type: 'VERIFY', result: 'fail', evidence: [evidence('reinspection-record')] }, inspector);
    }
    const view = await t.engine.get(id);
    expect(view).toMatchObject({ status: 'rectifying', escalationLevel: 2 });
    expect(t.notifications.filter((n) => n.reason === 'verification_failed')).toHaveLength(2);
    await t.act(id, { type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after-photo', owner.id)] }, owner);
    const closed = await t.act(
      id,
      { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', secondInspector.id)] },
      secondInspector,
    );
    expect(closed).toMatchObject({ status: 'closed', maxEscalationLevel: 2 });
  });
});
