import { type Actor, chinaCalendar, type EvidenceRef, type HazardCommand } from '@hazardflow/core';
import { trafficPack } from '@hazardflow/policy-traffic';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/** Real stories of the road-traffic pack, told through the engine on a manual clock (instants in UTC). */
const officer: Actor = { id: 'traffic-officer-1', role: 'regulator', org: 'traffic-police' };
const secondOfficer: Actor = { id: 'traffic-officer-he', role: 'regulator', org: 'traffic-police' };
const township: Actor = { id: 'township-safety-office', role: 'territory', org: 'town-riverside' };
const roadAuthority: Actor = { id: 'county-highway-bureau', role: 'responsible', org: 'county-highways' };
const committee: Actor = { id: 'road-safety-office-chen', role: 'command', org: 'command' };

function evidence(kind: string, by = officer.id): EvidenceRef {
  return { kind, uri: `oss://hazards/${kind}-${by}.pdf`, by, at: '2025-09-01T00:00:00.000Z' };
}

function setUp(start: string) {
  // The testing kit's engine: a manual clock, notifications collected, and `advanceTo`, which
  // fires every timer falling due on the way at its own instant, in order.
  const engine = createTestEngine({ packs: [trafficPack], start });
  const { clock, notifications, advanceTo } = engine;
  async function act(id: string, command: { type: string } & Record<string, unknown>, actor: Actor) {
    const result = await engine.send(id, command as HazardCommand, { actor });
    if (!result.ok) throw new Error(`${command.type} by ${actor.id}: ${result.error.code} ${result.error.message}`);
    return result.case;
  }
  async function report(
    category: string,
    placeType: string,
    findings: Record<string, string | number | boolean>,
    extra: EvidenceRef[] = [],
  ) {
    const result = await engine.report(
      {
        packId: 'traffic',
        category,
        site: {
          id: 'x215-km-42',
          name: 'County road X215, km 42',
          placeType,
          territory: 'town-riverside',
          attributes: {},
        },
        responsible: { id: 'county-highways', name: 'County highway bureau' },
        description: `${category} on X215`,
        findings,
        evidence: [evidence('photo'), ...extra],
      },
      { actor: officer },
    );
    if (!result.ok) throw new Error(result.error.message);
    return result.case.id;
  }
  return { engine, clock, notifications, advanceTo, act, report };
}

const notice = {
  type: 'ISSUE_NOTICE',
  clauses: ['道路交通安全法 Art. 29'],
  evidence: [evidence('notice-service-proof')],
};
const plan = {
  type: 'SUBMIT_PLAN',
  plan: {
    responsibility: 'Highway bureau',
    measures: 'Barriers and speed cameras',
    funds: 'CNY 1.2m',
    deadline: '60 days',
    emergencyPlan: 'Temporary speed limit',
  },
  evidence: [evidence('section-plan', roadAuthority.id)],
};

describe('road-traffic pack stories', () => {
  it('a black spot is referred to the road safety committee, listed by its decision, and misses its deadline without climbing further', async () => {
    const t = setUp('2025-04-07T01:00:00.000Z');
    const id = await t.report('black-spot', 'rural-road', { fatalCrashes3y: 4, sectionLengthKm: 0.8 }, [
      evidence('crash-statistics'),
    ]);
    const graded = await t.act(id, { type: 'TRIAGE' }, officer);
    expect(graded).toMatchObject({ severity: 'major', escalationLevel: 4, listedSupervision: false });
    const referral = t.notifications.find((n) => n.reason === 'escalated' && n.level === 4);
    // The transport bureau, a rural road's industry department, is told what the brigade is told.
    expect(referral?.recipients.map((r) => r.role)).toEqual([
      'command',
      'regulator',
      'territory',
      'responsible',
      'transport-bureau',
    ]);
    expect(referral?.action?.zh).toContain('道路交通安全法第二十九条');
    const listed = await t.act(
      id,
      {
        type: 'LIST',
        documentNo: '区道安办督〔2025〕2号',
        supervisingUnit: '区道路交通安全委员会办公室',
        until: '2025-10-31',
      },
      committee,
    );
    expect(listed).toMatchObject({ listedSupervision: true, listing: { documentNo: '区道安办督〔2025〕2号' } });
    await t.act(id, notice, officer);
    await t.act(id, plan, roadAuthority);
    const approved = await t.act(id, { type: 'APPROVE_PLAN' }, officer);
    expect(approved.status).toBe('supervised');
    const due = approved.dueAt as string;
    // nothing is built; the case stays with the committee that listed it, overdue
    await t.advanceTo(chinaCalendar().addDuration(due, { workingDays: 30 }).toISOString());
    expect(await t.engine.get(id)).toMatchObject({ overdue: true, escalationLevel: 4, maxEscalationLevel: 4 });
    // listed cases are visible to the committee in queries
    const supervised = await t.engine.query({ listedSupervision: true, overdue: true });
    expect(supervised.items.map((v) => v.id)).toEqual([id]);
  });

  it('an unmarked work zone is checked within 24 hours and signed on the spot by the township', async () => {
    const t = setUp('2025-05-12T08:00:00.000Z');
    const id = await t.report('unmarked-work-zone', 'rural-road', {});
    expect((await t.engine.get(id))?.dueAt).toBe('2025-05-13T08:00:00.000Z');
    await t.act(id, { type: 'TRIAGE' }, officer);
    const closed = await t.act(id, { type: 'FIX_ON_SPOT', evidence: [evidence('after-photo', township.id)] }, township);
    expect(closed).toMatchObject({ status: 'closed', closedOnTime: true });
  });

  it('a school bus overdue for inspection is major, taken off the road, and closes on joint acceptance', async () => {
    const t = setUp('2025-05-12T01:00:00.000Z');
    const id = await t.report('key-vehicle-overdue-inspection', 'school', {
      vehicleClass: 'school_bus',
      inspectionOverdueDays: 40,
    });
    const graded = await t.act(id, { type: 'TRIAGE' }, officer);
    expect(graded.severity).toBe('major');
    await t.act(
      id,
      { type: 'START_INTERIM_CONTROL', measure: 'suspend', evidence: [evidence('interim-control-record')] },
      officer,
    );
    await t.act(id, notice, officer);
    await t.act(id, plan, roadAuthority);
    await t.act(id, { type: 'APPROVE_PLAN' }, officer);
    await t.act(
      id,
      {
        type: 'SUBMIT_RECTIFICATION',
        evidence: [
          evidence('after-photo', roadAuthority.id),
          evidence('inspection-certificate', 'vehicle-test-station'),
        ],
      },
      roadAuthority,
    );
    await t.act(id, { type: 'LIFT_INTERIM_CONTROL', measure: 'suspend' }, officer);
    const territoryVerify = await t.engine.send(
      id,
      { type: 'VERIFY', result: 'pass', evidence: [] },
      { actor: township },
    );
    expect(territoryVerify).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const closed = await t.act(
      id,
      {
        type: 'VERIFY',
        result: 'pass',
        evidence: [evidence('joint-acceptance-record'), evidence('closeout-decision')],
      },
      secondOfficer,
    );
    expect(closed.status).toBe('closed');
  });

  it('a fog-prone section is general in October and in November, with a shorter deadline in November', async () => {
    const october = setUp('2025-10-20T01:00:00.000Z');
    const a = await october.report('fog-ice-section', 'expressway', {});
    expect((await october.act(a, { type: 'TRIAGE' }, officer)).severity).toBe('general');
    const november = setUp('2025-11-03T01:00:00.000Z');
    const b = await november.report('fog-ice-section', 'expressway', {});
    const graded = await november.act(b, { type: 'TRIAGE' }, officer);
    expect(graded).toMatchObject({ severity: 'general', escalationLevel: 0 });
  });

  it('missing signs: 7 days halved over National Day, then the case is transferred to the highway authority and every timer stops', async () => {
    const t = setUp('2025-09-22T01:00:00.000Z'); // Monday, inside the 09-20 … 10-08 holiday window
    const id = await t.report('missing-signs', 'trunk-road', {});
    await t.act(id, { type: 'TRIAGE' }, officer);
    const noticed = await t.act(id, notice, officer);
    expect(noticed.dueAt).toBe('2025-09-26T15:59:59.999Z'); // 7 × 0.5 → 4 days → Friday 26th
    const moved = await t.engine.send(id, { type: 'TRANSFER', to: 'provincial-highway-bureau' }, { actor: officer });
    expect(moved).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } }); // too late: the notice is out
    const t2 = setUp('2025-09-22T01:00:00.000Z');
    const other = await t2.report('missing-signs', 'expressway', {});
    const transferred = await t2.act(other, { type: 'TRANSFER', to: 'expressway-police' }, officer);
    expect(transferred.status).toBe('transferred');
    expect(await t2.engine.store.timersOf(other)).toEqual([]);
  });
});
