import { chinaCalendar, type HazardReportInput } from '@hazardflow/core';
import { createTestEngine, scenario } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';
import { gasPack } from '../src/gas-pack';
import { districtGasPack } from '../src/gas-pack-extended';
import { citizen, committee, evidence, gridWorker, inspector, restaurantOwner, secondInspector } from './people';

/**
 * Stories of the gas pack told through a real engine on a manual clock. Instants are UTC;
 * Shanghai is UTC+8, so the end of 23 October in Shanghai is 2026-10-23T15:59:59.999Z.
 */
const notice = (clause: string) => ({
  type: 'ISSUE_NOTICE',
  clauses: [clause],
  evidence: [evidence('notice-service-proof', inspector.id)],
});

function restaurant(category: string, findings: Record<string, number | boolean>, chain = 'shuxiang-hotpot') {
  return {
    packId: 'gas',
    category,
    site: {
      id: 'shuxiang-18',
      name: 'Shuxiang Hotpot, Riverside Road store',
      placeType: 'restaurant',
      territory: 'street-riverside',
      attributes: { chain },
    },
    responsible: { id: 'shuxiang-store-18', name: 'Shuxiang Hotpot Riverside Road' },
    description: 'Gas safety check of the kitchen',
    findings,
    evidence: [evidence('photo', gridWorker.id)],
  } satisfies HazardReportInput;
}

describe('gas pack stories', () => {
  it('LPG cylinders in a chain restaurant’s basement: sealed, planned, rectified, accepted', async () => {
    const t = createTestEngine({ packs: [gasPack], start: '2026-04-13T02:00:00.000Z' }); // Monday 10:00
    const s = await scenario(t).report(restaurant('restaurant_cylinders', { below_ground: true, cylinders: 3 }), {
      as: gridWorker,
    });
    // below ground: major and imminent danger (rule cylinders_below_ground), listed at once
    await s.as(inspector).send({ type: 'TRIAGE' });
    await s.expect({ severity: 'major', imminentDanger: true, escalationLevel: 3, listedSupervision: true });
    expect(s.notifications('imminent_danger')[0]?.recipients.map((r) => r.role)).toEqual([
      'responsible',
      'territory',
      'regulator',
      'command',
    ]);

    const seal = { measure: 'seal', evidence: [evidence('interim-control-record', inspector.id)] };
    await s.as(inspector).send({ type: 'START_INTERIM_CONTROL', ...seal });
    await s.as(inspector).send(notice('GB 55009-2021'));
    await s.expect({ status: 'plan_pending', interimControls: ['seal'] });

    const plan = {
      responsibility: 'the store manager',
      measures: 'move the cylinders to a ventilated cage above ground; switch to piped gas',
      funds: '18,000 yuan from the chain',
      deadline: 'within 15 days',
      emergencyPlan: 'shut-off valve drill each shift',
    };
    await s.as(restaurantOwner).send({
      type: 'SUBMIT_PLAN',
      plan,
      evidence: [evidence('rectification-plan', restaurantOwner.id)],
    });
    await s.as(inspector).send({ type: 'APPROVE_PLAN' });
    // 15 days for a major restaurant-cylinder hazard, from the plan's approval
    await s.expect({ status: 'supervised', dueAt: '2026-04-28T15:59:59.999Z' });

    await s.advance({ days: 5 });
    await s.as(restaurantOwner).send({
      type: 'SUBMIT_RECTIFICATION',
      evidence: [evidence('after-photo', restaurantOwner.id)],
    });
    const acceptance = { type: 'VERIFY', result: 'pass', evidence: [evidence('closeout-decision', inspector.id)] };
    // acceptance needs the seal lifted first
    const refused = await s.as(inspector).expectError('NOT_ALLOWED_IN_STATE').send(acceptance);
    expect(refused.error.message).toContain('interim control still active (seal)');
    await s.as(inspector).send({ type: 'LIFT_INTERIM_CONTROL', measure: 'seal' });
    await s.as(inspector).send(acceptance);
    await s.expect({ status: 'closed', closedOnTime: true, escalationLevel: 3 });
  });

  it('a chain restaurant without a gas alarm: two days, the community told at once, two inspectors', async () => {
    const t = createTestEngine({ packs: [gasPack], start: '2026-04-13T02:00:00.000Z' });
    const chain = await scenario(t).report(restaurant('missing_gas_alarm', {}), { as: gridWorker });
    const other = await scenario(t).report(restaurant('missing_gas_alarm', {}, 'noodle-bar'), { as: gridWorker });
    for (const s of [chain, other]) {
      await s.as(inspector).send({ type: 'TRIAGE' });
      await s.as(inspector).send(notice('GB 55009-2021'));
    }
    // 一企一策: the chain's commitment (2 days, level 1) against the pack's 7 days at level 0
    await chain.expect({ dueAt: '2026-04-15T15:59:59.999Z', escalationLevel: 1 });
    await other.expect({ dueAt: '2026-04-20T15:59:59.999Z', escalationLevel: 0 });

    await chain.as(restaurantOwner).send({ type: 'ACKNOWLEDGE' });
    await chain.advance({ workingDays: 3 });
    await chain.expect({ status: 'rectifying', overdue: true });
    expect(chain.notifications('overdue')).toHaveLength(1);

    await chain.as(restaurantOwner).send({
      type: 'SUBMIT_RECTIFICATION',
      evidence: [
        evidence('after-photo', restaurantOwner.id),
        evidence('alarm-installation-record', restaurantOwner.id),
      ],
    });
    const oneRecord = { type: 'VERIFY', result: 'pass', evidence: [evidence('inspection-record', inspector.id)] };
    const missing = await chain.as(inspector).expectError('EVIDENCE_REQUIRED').send(oneRecord);
    expect(missing.error.message).toContain('by different people');
    await chain.as(inspector).send({
      ...oneRecord,
      evidence: [evidence('inspection-record', inspector.id), evidence('inspection-record', secondInspector.id)],
    });
    await chain.expect({ status: 'closed', closedOnTime: false });
  });

  it('bottled gas in a 32-storey home, called in to 12345 on the eve of National Day', async () => {
    // Closing in late October opens a 90-day follow-up window that ends in 2027, a year the
    // bundled holidays do not cover yet: count it on weekends only, explicitly.
    const calendar = chinaCalendar({ outsideCoverage: 'weekends-only' });
    const t = createTestEngine({ packs: [gasPack], start: '2026-09-30T02:00:00.000Z', calendar }); // Wednesday 10:00
    const s = await scenario(t).report(
      {
        packId: 'gas',
        category: 'highrise_bottled_gas',
        site: {
          id: 'riverside-towers-5-2801',
          name: 'Riverside Towers 5, flat 2801',
          placeType: 'high_rise_residential',
          territory: 'street-riverside',
          attributes: { storeys: 32 },
        },
        responsible: { id: 'flat-2801', name: 'Tenant of flat 2801' },
        description: 'Two 15 kg LPG cylinders in the kitchen of a 32-storey tower',
        findings: { cylinders: 2 },
        evidence: [evidence('photo', citizen.id)],
      },
      { as: citizen },
    );
    // one working day to verify the call: 1–7 October is the holiday, so the end of Thursday 8th
    await s.expect({ status: 'reported', dueAt: '2026-10-08T15:59:59.999Z' });
    await s.advanceTo('2026-10-08T02:00:00.000Z');
    await s.as(inspector).send({ type: 'TRIAGE' });
    await s.as(inspector).send(notice('GB 50016-2014'));
    await s.expect({ status: 'notice_issued', dueAt: '2026-10-23T15:59:59.999Z' });

    // nobody signs for the notice: the community is told after one working day (Friday 9th)
    await s.advance({ workingDays: 1 });
    await s.expect({ escalationLevel: 1, overdue: false });
    expect(s.notifications('escalated').map((n) => n.at)).toEqual(['2026-10-09T15:59:59.999Z']);

    // still nothing three working days after the deadline: the gas division (Wednesday 28th)
    await s.advanceTo('2026-10-29T00:00:00.000Z');
    await s.expect({ escalationLevel: 2, overdue: true, status: 'notice_issued' });
    // the owner works at last; the district office watches the case without taking it over
    await s.as(committee).expectError('FORBIDDEN').send({ type: 'ACKNOWLEDGE' });
    await s.as({ id: 'flat-2801-tenant', role: 'responsible', org: 'flat-2801' }).send({
      type: 'SUBMIT_RECTIFICATION',
      evidence: [evidence('after-photo', 'flat-2801-tenant')],
    });
    await s.as(gridWorker).send({
      type: 'VERIFY',
      result: 'pass',
      evidence: [evidence('inspection-record', gridWorker.id)],
    });
    await s.expect({ status: 'closed', closedOnTime: false, maxEscalationLevel: 2 });
  });

  it('a leaking meter: fixed on the spot when small, never when the detector reads explosive', async () => {
    const t = createTestEngine({ packs: [gasPack], start: '2026-04-14T06:00:00.000Z' }); // Tuesday 14:00
    const leak = (lel: number): HazardReportInput => ({
      packId: 'gas',
      category: 'pipe_leak',
      site: { id: 'lane-9-meter', name: 'Lane 9 gas meter box', placeType: 'street', territory: 'street-riverside' },
      responsible: { id: 'city-gas-co', name: 'City Gas Co.' },
      description: 'Smell of gas at the meter box',
      findings: { lel_percent: lel },
      evidence: [evidence('photo', gridWorker.id), evidence('gas-detector-reading', gridWorker.id)],
    });
    const small = await scenario(t).report(leak(5), { as: gridWorker });
    // two hours to triage a leak
    await small.expect({ dueAt: '2026-04-14T08:00:00.000Z' });
    await small.as(inspector).send({ type: 'TRIAGE' });
    await small.as(gridWorker).send({ type: 'FIX_ON_SPOT', evidence: [evidence('after-photo', gridWorker.id)] });
    await small.expect({ status: 'closed', severity: 'general' });

    const big = await scenario(t).report(leak(40), { as: gridWorker });
    await big.as(inspector).send({ type: 'TRIAGE' });
    await big.expect({ severity: 'major', imminentDanger: true });
    const refused = await big
      .as(gridWorker)
      .expectError('NOT_ALLOWED_IN_STATE')
      .send({ type: 'FIX_ON_SPOT', evidence: [evidence('after-photo', gridWorker.id)] });
    expect(refused.error.message).toContain('only a general hazard can be fixed on the spot');
  });

  it('district 7’s own pack: a built-over main is major, and may be extended twice', async () => {
    const t = createTestEngine({ packs: [districtGasPack], start: '2026-04-13T02:00:00.000Z' });
    const s = await scenario(t).report(
      {
        packId: 'gas-district-7',
        category: 'pipeline_encroached',
        site: { id: 'market-hall-b', name: 'Market hall B', placeType: 'commercial', territory: 'street-riverside' },
        responsible: { id: 'market-co', name: 'Riverside Market Co.' },
        description: 'A storage shed built over the medium-pressure main',
        findings: { pressure: 'medium' },
        evidence: [evidence('photo', inspector.id)],
      },
      { as: inspector },
    );
    await s.as(inspector).send({ type: 'TRIAGE' });
    await s.expect({ severity: 'major', escalationLevel: 3 });
    const owner = { id: 'market-manager', role: 'responsible', org: 'market-co' } as const;
    await s.as(inspector).send(notice('《城镇燃气管理条例》 Art. 33'));
    await s.as(owner).send({
      type: 'SUBMIT_PLAN',
      plan: {
        responsibility: 'market manager',
        measures: 'demolish the shed',
        funds: 'market budget',
        deadline: '90 days',
        emergencyPlan: 'no vehicles over the main',
      },
      evidence: [evidence('rectification-plan', owner.id)],
    });
    await s.as(inspector).send({ type: 'APPROVE_PLAN' });
    await s.expect({ status: 'supervised', dueAt: '2026-07-13T15:59:59.999Z' });
    for (const extendBy of [{ days: 30 }, { days: 10 }]) {
      await s.as(owner).send({ type: 'REQUEST_EXTENSION', extendBy, reason: 'the tenant must move out first' });
      await s.as(inspector).send({ type: 'DECIDE_EXTENSION', granted: true });
    }
    await s.expect({ dueAt: '2026-08-24T15:59:59.999Z' });
    await s
      .as(owner)
      .expectError('NOT_ALLOWED_IN_STATE')
      .send({ type: 'REQUEST_EXTENSION', extendBy: { days: 5 }, reason: 'once more' });
  });
});
