import { type Actor, classify, type EvidenceRef, type HazardCommand } from '@hazardflow/core';
import { specialEquipmentPack } from '@hazardflow/policy-special-equipment';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/**
 * Stories of the special-equipment pack, told through the engine on a manual clock. Instants are
 * UTC; Shanghai is UTC+8, so "end of 18 November" in Shanghai is 2025-11-18T15:59:59.999Z.
 */
const inspector: Actor = { id: 'se-inspector-1', role: 'regulator', org: 'market-supervision' };
const secondInspector: Actor = { id: 'se-inspector-2', role: 'regulator', org: 'market-supervision' };
const citizen: Actor = { id: 'caller-96333', role: 'reporter' };

function evidence(kind: string, by = inspector.id): EvidenceRef {
  return { kind, uri: `oss://special-equipment/${kind}-${by}.pdf`, by, at: '2025-09-01T00:00:00.000Z' };
}

/** What two inspectors record on site: the inspection record signed by both, and a photo. */
const inspected = [evidence('photo'), evidence('inspection-record'), evidence('inspection-record', secondInspector.id)];
const sealed = [evidence('seal-decision'), evidence('sealed-equipment-photo')];
const directive = (clause: string) => ({
  type: 'ISSUE_NOTICE',
  clauses: [clause],
  evidence: [evidence('inspection-directive')],
});

function setUp(start: string) {
  const engine = createTestEngine({ packs: [specialEquipmentPack], start });
  async function act(id: string, command: { type: string } & Record<string, unknown>, actor: Actor) {
    const result = await engine.send(id, command as HazardCommand, { actor });
    if (!result.ok) throw new Error(`${command.type} by ${actor.id}: ${result.error.code} ${result.error.message}`);
    return result.case;
  }
  async function report(input: Record<string, unknown>, actor: Actor) {
    const result = await engine.report({ packId: 'special-equipment', ...input } as never, { actor });
    if (!result.ok) throw new Error(`report: ${result.error.code} ${result.error.message}`);
    return result.case;
  }
  return { engine, notifications: engine.notifications, advanceTo: engine.advanceTo, act, report };
}

function site(id: string, placeType: string, owner: string) {
  return { site: { id, name: id, placeType, territory: 'street-east' }, responsible: { id: owner } };
}

describe('special-equipment pack stories', () => {
  it('a lift past its inspection traps two residents: stop use and seal at once, then inspected, maintained and released', async () => {
    const t = setUp('2025-11-03T02:00:00.000Z'); // Monday 10:00
    const manager: Actor = { id: 'property-manager', role: 'responsible', org: 'greenview-property' };
    const reported = await t.report(
      {
        category: 'lift',
        ...site('greenview-b3-lift-2', 'residential-block', 'greenview-property'),
        description: 'Two residents trapped for 40 minutes; the inspection mark expired in September',
        findings: { passengersTrapped: 2, inspectionOverdueDays: 47 },
        evidence: [evidence('photo', citizen.id)],
      },
      citizen,
    );
    expect(reported.dueAt).toBe('2025-11-04T02:00:00.000Z'); // trapped passengers: verified within 24 h
    // Imminent danger from the moment of report: everyone is told at once, interim control due.
    expect(reported.imminentDanger).toBe(true);
    expect(t.notifications.filter((n) => n.reason === 'imminent_danger')).toHaveLength(1);

    const graded = await t.act(reported.id, { type: 'TRIAGE' }, inspector);
    // Past its periodic inspection: not to be used (Law Art. 40) but not a major hazard by GB 45067-2024.
    expect(graded).toMatchObject({ severity: 'general', imminentDanger: true, escalationLevel: 0 });
    expect(t.notifications.filter((n) => n.reason === 'imminent_danger')).toHaveLength(1); // not told twice
    const onTheSpot = await t.engine.send(
      reported.id,
      {
        type: 'FIX_ON_SPOT',
        evidence: [evidence('rectification-report'), evidence('inspection-report'), evidence('maintenance-record')],
      },
      { actor: inspector },
    );
    expect(onTheSpot).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED_IN_STATE', message: expect.stringContaining('imminent danger') },
    });

    const withoutPhotos = await t.engine.send(
      reported.id,
      { type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: [evidence('seal-decision')] },
      { actor: inspector },
    );
    expect(withoutPhotos).toMatchObject({ ok: false, error: { code: 'EVIDENCE_REQUIRED' } });
    await t.act(reported.id, { type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: sealed }, inspector);

    const noticed = await t.act(reported.id, directive('特种设备安全法 Art. 40'), inspector);
    expect(noticed.dueAt).toBe('2025-11-18T15:59:59.999Z'); // 15 days to be inspected and repaired
    await t.act(reported.id, { type: 'ACKNOWLEDGE' }, manager);

    await t.advanceTo('2025-11-12T02:00:00.000Z');
    const noMaintenanceRecord = await t.engine.send(
      reported.id,
      {
        type: 'SUBMIT_RECTIFICATION',
        evidence: [evidence('rectification-report', manager.id), evidence('inspection-report', 'inspection-body')],
      },
      { actor: manager },
    );
    expect(noMaintenanceRecord).toMatchObject({ ok: false, error: { code: 'EVIDENCE_REQUIRED' } });
    await t.act(
      reported.id,
      {
        type: 'SUBMIT_RECTIFICATION',
        evidence: [
          evidence('rectification-report', manager.id),
          evidence('inspection-report', 'inspection-body'),
          evidence('maintenance-record', 'lift-maintenance-unit'),
        ],
      },
      manager,
    );
    const pass = { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', secondInspector.id)] };
    const stillSealed = await t.engine.send(reported.id, pass as HazardCommand, { actor: secondInspector });
    expect(stillSealed).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } });
    await t.act(reported.id, { type: 'LIFT_INTERIM_CONTROL', measure: 'seal' }, inspector);
    expect(await t.act(reported.id, pass, secondInspector)).toMatchObject({ status: 'closed', closedOnTime: true });
    expect(await t.engine.verifyHistory(reported.id)).toMatchObject({ ok: true });
  });

  it('a boiler with its safety valve gagged in the heating season is major and sealed; the season shortens nothing of a major case', async () => {
    const t = setUp('2025-12-01T02:00:00.000Z'); // Monday, inside the heating season
    const school: Actor = { id: 'school-bursar', role: 'responsible', org: 'no-5-middle-school' };
    const reported = await t.report(
      {
        category: 'boiler',
        ...site('no-5-school-boiler-room', 'school', 'no-5-middle-school'),
        description: 'Safety valve lever wired shut to stop it lifting; boiler at 0.9 MPa',
        findings: { safetyValveDisabled: true },
        evidence: inspected,
      },
      inspector,
    );
    const graded = await t.act(reported.id, { type: 'TRIAGE' }, inspector);
    expect(graded).toMatchObject({
      severity: 'major',
      imminentDanger: true,
      escalationLevel: 4, // referred to the district safety committee, which decides on listing
      listedSupervision: false,
    });
    const why = classify(specialEquipmentPack, { category: 'boiler', findings: { safetyValveDisabled: true } });
    expect(why.reasons.map((r) => r.source).join(' ')).toContain('GB 45067-2024 5.2.2');
    expect(t.notifications.map((n) => n.reason)).toEqual(expect.arrayContaining(['escalated', 'imminent_danger']));
    await t.act(reported.id, { type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: sealed }, inspector);
    expect((await t.act(reported.id, directive('GB 45067-2024 5.2.4'), inspector)).status).toBe('plan_pending');
    const plan = {
      responsibility: 'Principal',
      measures: 'Replace and calibrate the safety valve; temporary heating by the district network',
      funds: 'CNY 12,000',
      deadline: '30 days',
      emergencyPlan: 'Classrooms heated electrically meanwhile',
    };
    await t.act(
      reported.id,
      { type: 'SUBMIT_PLAN', plan, evidence: [evidence('rectification-plan', school.id)] },
      school,
    );
    await t.advanceTo('2025-12-03T02:00:00.000Z');
    const approved = await t.act(reported.id, { type: 'APPROVE_PLAN' }, inspector);
    // 30 days from Wednesday 3 December, not halved: seasons shorten general hazards only.
    expect(approved).toMatchObject({ status: 'supervised', dueAt: '2026-01-04T15:59:59.999Z' });
    await t.act(
      reported.id,
      {
        type: 'SUBMIT_RECTIFICATION',
        evidence: [evidence('rectification-report', school.id), evidence('inspection-report', 'inspection-body')],
      },
      school,
    );
    await t.act(reported.id, { type: 'LIFT_INTERIM_CONTROL', measure: 'seal' }, inspector);
    const acceptance = {
      type: 'VERIFY',
      result: 'pass',
      evidence: [evidence('reinspection-record', secondInspector.id), evidence('inspection-report', 'inspection-body')],
    };
    expect(await t.act(reported.id, acceptance, secondInspector)).toMatchObject({
      status: 'closed',
      closedOnTime: true,
    });
  });

  it('an unregistered air receiver at a factory: 30 days to register, ignored, then ordered out of use by the bureau', async () => {
    const t = setUp('2025-09-08T02:00:00.000Z'); // Monday
    const factory: Actor = { id: 'plant-manager', role: 'responsible', org: 'eastern-valve-works' };
    const reported = await t.report(
      {
        category: 'pressure-vessel',
        ...site('eastern-valve-works-compressor-house', 'factory', 'eastern-valve-works'),
        description: 'Two-cubic-metre air receiver in use since spring, no use registration (使用登记)',
        findings: { unregistered: true },
        evidence: inspected,
      },
      inspector,
    );
    expect((await t.act(reported.id, { type: 'TRIAGE' }, inspector)).severity).toBe('general');
    const noticed = await t.act(reported.id, directive('特种设备安全法 Art. 33, 83'), inspector);
    // 30 days land on 8 October, inside the National Day holiday: due on Thursday 9 October.
    expect(noticed.dueAt).toBe('2025-10-09T15:59:59.999Z');
    await t.act(reported.id, { type: 'ACKNOWLEDGE' }, factory);

    // Level 1 a day after the deadline, level 2 three working days after it (Saturday 11 October is a make-up working day).
    await t.advanceTo('2025-10-11T00:00:00.000Z');
    expect(await t.engine.get(reported.id)).toMatchObject({ overdue: true, escalationLevel: 1 });
    await t.advanceTo('2025-10-13T16:00:00.000Z');
    expect((await t.engine.get(reported.id))?.escalationLevel).toBe(2);
    const toBureau = t.notifications.filter((n) => n.reason === 'escalated').at(-1);
    expect(toBureau?.recipients).toContainEqual({ role: 'regulator', org: 'market-supervision' });
    expect(toBureau?.action?.zh).toContain('责令停止使用');

    // 逾期未改正的，责令停止使用 (Art. 83): the bureau orders the vessel out of use.
    await t.act(reported.id, { type: 'START_INTERIM_CONTROL', measure: 'suspend', evidence: sealed }, inspector);
    const withoutCertificate = await t.engine.send(
      reported.id,
      {
        type: 'SUBMIT_RECTIFICATION',
        evidence: [evidence('rectification-report', factory.id), evidence('inspection-report', 'inspection-body')],
      },
      { actor: factory },
    );
    expect(withoutCertificate).toMatchObject({ ok: false, error: { code: 'EVIDENCE_REQUIRED' } });
    await t.act(
      reported.id,
      {
        type: 'SUBMIT_RECTIFICATION',
        evidence: [
          evidence('rectification-report', factory.id),
          evidence('inspection-report', 'inspection-body'),
          evidence('registration-certificate', factory.id),
        ],
      },
      factory,
    );
    await t.act(reported.id, { type: 'LIFT_INTERIM_CONTROL', measure: 'suspend' }, inspector);
    const closed = await t.act(
      reported.id,
      { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record')] },
      inspector,
    );
    expect(closed).toMatchObject({ status: 'closed', closedOnTime: false, maxEscalationLevel: 2 });
  });

  it('before National Day a park ride gets half the time, and a missing lap bar is major and sealed whatever the date', async () => {
    const t = setUp('2025-09-26T02:00:00.000Z'); // Friday before the 1–8 October holiday
    const park: Actor = { id: 'park-operations', role: 'responsible', org: 'riverside-park' };
    const ride = site('riverside-park-pendulum', 'amusement-park', 'riverside-park');
    const general = await t.report(
      {
        category: 'amusement-ride',
        ...ride,
        description: 'No record of the daily trial run (试运行) for the last week',
        evidence: inspected,
      },
      inspector,
    );
    await t.act(general.id, { type: 'TRIAGE' }, inspector);
    const noticed = await t.act(general.id, directive('特种设备安全法 Art. 43'), inspector);
    // 7 days halved to 4 by the holiday season: Tuesday 30 September, before the crowds.
    expect(noticed).toMatchObject({ severity: 'general', dueAt: '2025-09-30T15:59:59.999Z' });
    await t.act(general.id, { type: 'ACKNOWLEDGE' }, park);

    const restraint = await t.report(
      {
        category: 'amusement-ride',
        ...ride,
        description: 'Lap bar of row 3 removed for repair, ride still running',
        findings: { restraintsMissing: true },
        evidence: inspected,
      },
      inspector,
    );
    const graded = await t.act(restraint.id, { type: 'TRIAGE' }, inspector);
    expect(graded).toMatchObject({
      severity: 'major',
      imminentDanger: true,
      escalationLevel: 4,
      listedSupervision: false,
    });
    const why = classify(specialEquipmentPack, { category: 'amusement-ride', findings: { restraintsMissing: true } });
    expect(why.reasons.map((r) => r.ruleId)).toEqual(['gb45067-ride-restraints-missing']);
    const sealedRide = await t.act(
      restraint.id,
      { type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: sealed },
      inspector,
    );
    expect(sealedRide.interimControls).toEqual(['seal']);
    // The same ride after the holiday would be graded the same: seasons set priority, not grade.
    const later = await t.report(
      {
        category: 'amusement-ride',
        ...ride,
        description: 'Daily trial run not recorded',
        evidence: inspected,
      },
      inspector,
    );
    expect((await t.act(later.id, { type: 'TRIAGE' }, inspector)).severity).toBe('general');
  });

  it('a forklift driver without a certificate: fixed on the spot in one factory, ignored and stopped in another', async () => {
    const t = setUp('2025-11-10T02:00:00.000Z'); // Monday
    const fixed = await t.report(
      {
        category: 'uncertified-operator',
        ...site('eastern-valve-works-warehouse', 'factory', 'eastern-valve-works'),
        description: 'Forklift driven by a warehouse hand with no operator certificate (N1)',
        findings: { equipment: 'forklift' },
        evidence: inspected,
      },
      inspector,
    );
    expect((await t.act(fixed.id, { type: 'TRIAGE' }, inspector)).severity).toBe('general');
    // The certified driver on shift takes over while the inspectors are still there.
    const closed = await t.act(
      fixed.id,
      { type: 'FIX_ON_SPOT', evidence: [evidence('rectification-report'), evidence('operator-certificate')] },
      inspector,
    );
    expect(closed).toMatchObject({ status: 'closed', closedOnTime: true });

    const ignored = await t.report(
      {
        category: 'uncertified-operator',
        ...site('north-logistics-yard', 'factory', 'north-logistics'),
        description: 'Three forklift drivers, none certified',
        findings: { equipment: 'forklift', uncertifiedOperators: 3 },
        evidence: inspected,
      },
      inspector,
    );
    await t.act(ignored.id, { type: 'TRIAGE' }, inspector);
    const noticed = await t.act(ignored.id, directive('特种设备安全法 Art. 14, 86'), inspector);
    expect(noticed.dueAt).toBe('2025-11-17T15:59:59.999Z'); // 7 days to correct (责令限期改正)
    // Never acknowledged: the street is told after one working day.
    await t.advanceTo('2025-11-11T16:00:00.000Z');
    expect((await t.engine.get(ignored.id))?.escalationLevel).toBe(1);
    // Three working days past the limit the bureau takes over and orders the forklifts out of use.
    await t.advanceTo('2025-11-20T16:00:00.000Z');
    expect(await t.engine.get(ignored.id)).toMatchObject({ escalationLevel: 2, overdue: true });
    const stopped = await t.act(
      ignored.id,
      { type: 'START_INTERIM_CONTROL', measure: 'suspend', evidence: sealed },
      inspector,
    );
    expect(stopped.interimControls).toEqual(['suspend']);
  });
});
