import { type Actor, chinaCalendar, type EvidenceRef, type HazardCommand } from '@hazardflow/core';
import { buildingPack } from '@hazardflow/policy-building';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/** Real stories of the building pack, told through the engine on a manual clock (instants in UTC). */
const engineer: Actor = { id: 'housing-engineer-zhao', role: 'regulator', org: 'housing-construction' };
const secondEngineer: Actor = { id: 'housing-engineer-sun', role: 'regulator', org: 'housing-construction' };
const gridWorker: Actor = { id: 'grid-worker-3', role: 'territory', org: 'street-old-town' };
const owner: Actor = { id: 'landlord-1', role: 'responsible', org: 'owner-family' };
const committee: Actor = { id: 'district-safety-office-wu', role: 'command', org: 'command' };

function evidence(kind: string, by = engineer.id): EvidenceRef {
  return { kind, uri: `oss://hazards/${kind}-${by}.pdf`, by, at: '2025-09-01T00:00:00.000Z' };
}

function setUp(start: string) {
  // The testing kit's engine: a manual clock, notifications collected, and `advanceTo`, which
  // fires every timer falling due on the way at its own instant, in order.
  const engine = createTestEngine({ packs: [buildingPack], start });
  const { clock, notifications, advanceTo } = engine;
  async function act(id: string, command: { type: string } & Record<string, unknown>, actor: Actor) {
    const result = await engine.send(id, command as HazardCommand, { actor });
    if (!result.ok) throw new Error(`${command.type} by ${actor.id}: ${result.error.code} ${result.error.message}`);
    return result.case;
  }
  async function report(
    category: string,
    placeType: string,
    attributes: Record<string, string | number | boolean>,
    findings = {},
  ) {
    const result = await engine.report(
      {
        packId: 'building',
        category,
        site: { id: 'lane-12-no-5', name: 'No. 5, Lane 12', placeType, territory: 'street-old-town', attributes },
        responsible: { id: 'owner-family', name: 'the owning family' },
        description: `${category} at No. 5, Lane 12`,
        findings,
        evidence: [evidence('photo', gridWorker.id)],
      },
      { actor: gridWorker },
    );
    if (!result.ok) throw new Error(result.error.message);
    return result.case.id;
  }
  return { engine, clock, notifications, advanceTo, act, report };
}

const notice = {
  type: 'ISSUE_NOTICE',
  clauses: ['《城市危险房屋管理规定》 Art. 10'],
  evidence: [evidence('notice-service-proof')],
};
const plan = {
  type: 'SUBMIT_PLAN',
  plan: {
    responsibility: 'Owner',
    measures: 'Strengthen columns',
    funds: 'CNY 300,000',
    deadline: '60 days',
    emergencyPlan: 'Evacuation',
  },
  evidence: [evidence('rectification-plan', owner.id)],
};

describe('building pack stories', () => {
  it('a D-grade building is graded within hours and evacuated the same day', async () => {
    const t = setUp('2025-09-15T01:00:00.000Z'); // Monday 09:00 in Shanghai
    const id = await t.report('d-grade', 'residential', { storeys: 4 }, { grade: 'D' });
    expect((await t.engine.get(id))?.dueAt).toBe('2025-09-16T01:00:00.000Z'); // triage within 24 h
    await t.advanceTo('2025-09-15T03:00:00.000Z');
    const graded = await t.act(id, { type: 'TRIAGE' }, engineer);
    // referred to the district safety committee office at once; listing is its decision (LIST)
    expect(graded).toMatchObject({
      severity: 'major',
      imminentDanger: true,
      escalationLevel: 4,
      listedSupervision: false,
    });
    const imminent = t.notifications.find((n) => n.reason === 'imminent_danger');
    expect(imminent?.recipients).toContainEqual({ role: 'territory', org: 'street-old-town' });
    // the street evacuates the residents before the day is out
    await t.advanceTo('2025-09-15T08:00:00.000Z');
    const evacuated = await t.act(
      id,
      {
        type: 'START_INTERIM_CONTROL',
        measure: 'evacuate',
        evidence: [evidence('interim-control-record', gridWorker.id)],
      },
      gridWorker,
    );
    expect(evacuated.interimControls).toEqual(['evacuate']);
    // the notice for a D-grade building is due within 24 h of grading
    expect(evacuated.dueAt).toBe('2025-09-16T03:00:00.000Z');
  });

  it('a four-storey guesthouse without an appraisal is major, stops business, and cannot close without the appraisal report', async () => {
    const t = setUp('2025-09-15T01:00:00.000Z');
    const id = await t.report('self-built-house-unappraised', 'self-built-house', { storeys: 4, occupants: 6 });
    const graded = await t.act(id, { type: 'TRIAGE' }, engineer);
    expect(graded.severity).toBe('major');
    await t.act(
      id,
      { type: 'START_INTERIM_CONTROL', measure: 'suspend', evidence: [evidence('interim-control-record')] },
      engineer,
    );
    await t.act(id, notice, engineer);
    await t.act(id, plan, owner);
    await t.act(id, { type: 'APPROVE_PLAN' }, engineer);
    const withoutAppraisal = await t.engine.send(
      id,
      { type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after-photo', owner.id)] },
      { actor: owner },
    );
    expect(withoutAppraisal).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_REQUIRED', message: expect.stringContaining('appraisal-report') },
    });
    await t.act(
      id,
      {
        type: 'SUBMIT_RECTIFICATION',
        evidence: [evidence('after-photo', owner.id), evidence('appraisal-report', 'appraisal-firm')],
      },
      owner,
    );
    await t.act(id, { type: 'LIFT_INTERIM_CONTROL', measure: 'suspend' }, engineer);
    const closed = await t.act(
      id,
      { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record'), evidence('closeout-decision')] },
      secondEngineer,
    );
    expect(closed).toMatchObject({ status: 'closed', closedOnTime: true });
  });

  it('visible cracks: evacuated within 12 hours, appraised before the notice, and graded C by the appraisal', async () => {
    const t = setUp('2025-09-15T01:00:00.000Z'); // Monday 09:00 in Shanghai
    const id = await t.report('visible-cracks', 'residential', { storeys: 6 }, { cracksWidening: true });
    // growing cracks: an imminent danger from the report, the stop-use due the same evening
    expect(await t.engine.get(id)).toMatchObject({ imminentDanger: true, interimDueAt: '2025-09-15T13:00:00.000Z' });
    await t.advanceTo('2025-09-15T03:00:00.000Z');
    // 初判: a suspected dangerous house, not graded major before its appraisal
    const triaged = await t.act(id, { type: 'TRIAGE' }, engineer);
    expect(triaged).toMatchObject({ severity: 'general', escalationLevel: 0, listedSupervision: false });
    // the appraisal comes before the notice: 15 working days, across the National Day holiday
    expect(triaged.dueAt).toBe(
      chinaCalendar().addDuration('2025-09-15T03:00:00.000Z', { workingDays: 15 }).toISOString(),
    );
    await t.advanceTo('2025-09-15T08:00:00.000Z');
    await t.act(
      id,
      {
        type: 'START_INTERIM_CONTROL',
        measure: 'evacuate',
        evidence: [evidence('interim-control-record', gridWorker.id)],
      },
      gridWorker,
    );
    await t.advanceTo('2025-09-15T14:00:00.000Z');
    expect(t.notifications.map((n) => n.reason)).not.toContain('interim_control_overdue');
    // 鉴定: the appraisal report grades it C, and the bureau records that as an expert decision
    await t.advanceTo('2025-09-26T02:00:00.000Z');
    const graded = await t.act(
      id,
      {
        type: 'CONFIRM_GRADE',
        severity: 'major',
        decision: { kind: 'expert', reference: '房屋安全鉴定报告 2025-JD-0412' },
        reason: 'Appraised C (JGJ 125-2016): the ground-floor walls are dangerous members',
        evidence: [evidence('appraisal-report', 'appraisal-firm')],
      },
      engineer,
    );
    expect(graded).toMatchObject({ severity: 'major', escalationLevel: 4, listedSupervision: false });
    const noticed = await t.act(id, notice, engineer);
    expect(noticed.status).toBe('plan_pending');
  });

  it('a load-bearing wall removed: the clock stops while the structural appraisal runs and resumes with the working time left', async () => {
    const t = setUp('2025-09-15T01:00:00.000Z');
    const id = await t.report('structural-alteration', 'residential', { storeys: 6 }, { loadBearingAltered: true });
    await t.act(id, { type: 'TRIAGE' }, engineer);
    const noticed = await t.act(id, notice, engineer);
    expect(noticed.status).toBe('plan_pending');
    const planDue = noticed.dueAt as string;
    await t.advanceTo('2025-09-16T02:00:00.000Z');
    const paused = await t.act(id, { type: 'PAUSE_CLOCK', reason: 'Waiting for the structural appraisal' }, engineer);
    expect(paused.paused).toBe(true);
    // three weeks later, across the National Day holiday, the appraisal arrives
    await t.advanceTo('2025-10-10T02:00:00.000Z');
    expect((await t.engine.get(id))?.overdue).toBe(false);
    const resumed = await t.act(id, { type: 'RESUME_CLOCK' }, engineer);
    const calendar = chinaCalendar();
    const remaining = calendar.workingTimeBetween('2025-09-16T02:00:00.000Z', planDue);
    expect(resumed.dueAt).toBe(calendar.addWorkingTime('2025-10-10T02:00:00.000Z', remaining).toISOString());
    expect(resumed.paused).toBe(false);
  });

  it('a B-grade building gets an extension that moves its deadline and its warnings', async () => {
    const t = setUp('2025-09-01T02:00:00.000Z');
    const id = await t.report('b-grade', 'residential', { storeys: 5 }, { grade: 'B' });
    await t.act(id, { type: 'TRIAGE' }, engineer);
    const noticed = await t.act(id, notice, engineer);
    // 30 days, halved in the flood season (06-01 … 09-30) → 15 days → Tuesday 16 September
    expect(noticed.dueAt).toBe('2025-09-16T15:59:59.999Z');
    await t.act(id, { type: 'ACKNOWLEDGE' }, owner);
    await t.act(
      id,
      { type: 'REQUEST_EXTENSION', extendBy: { workingDays: 10 }, reason: 'Contractor booked after the holiday' },
      owner,
    );
    expect(t.notifications.at(-1)).toMatchObject({
      reason: 'extension_requested',
      recipients: [{ role: 'regulator', org: 'housing-construction' }],
    });
    const extended = await t.act(id, { type: 'DECIDE_EXTENSION', granted: true }, engineer);
    // ten working days after the 16th, counting Sunday 28 September (a make-up working day)
    expect(extended.dueAt).toBe('2025-09-29T15:59:59.999Z');
    // the early warning moved with it: one working day before, on the make-up Sunday
    await t.advanceTo('2025-09-28T15:00:00.000Z');
    expect(t.notifications.filter((n) => n.reason === 'warning')).toHaveLength(0);
    await t.advanceTo('2025-09-28T16:00:00.000Z');
    expect(t.notifications.filter((n) => n.reason === 'warning')).toHaveLength(1);
    const closedTime = await t.act(
      id,
      {
        type: 'SUBMIT_RECTIFICATION',
        evidence: [evidence('after-photo', owner.id), evidence('repair-record', owner.id)],
      },
      owner,
    );
    expect(closedTime.status).toBe('verifying');
  });

  it('a C-grade building is referred to the committee, listed by its decision, and late work brings reminders, not the district leaders', async () => {
    const t = setUp('2025-09-01T02:00:00.000Z');
    const id = await t.report('c-grade', 'residential', { storeys: 5 }, { grade: 'C' });
    const graded = await t.act(id, { type: 'TRIAGE' }, engineer);
    expect(graded).toMatchObject({ escalationLevel: 4, listedSupervision: false });
    const referral = t.notifications.find((n) => n.reason === 'escalated' && n.level === 4);
    expect(referral?.recipients).toContainEqual({ role: 'command', org: 'command' });
    expect(referral?.action?.zh).toContain('是否挂牌督办');
    // the committee decides to list it, with its document, supervising unit and term
    const listed = await t.act(
      id,
      { type: 'LIST', documentNo: '区安委办督〔2025〕12号', supervisingUnit: '区安委会办公室', until: '2025-12-31' },
      committee,
    );
    expect(listed).toMatchObject({ listedSupervision: true, listing: { documentNo: '区安委办督〔2025〕12号' } });
    await t.act(id, notice, engineer);
    await t.act(id, plan, owner);
    const approved = await t.act(id, { type: 'APPROVE_PLAN' }, engineer);
    expect(approved).toMatchObject({ status: 'supervised', escalationLevel: 4 });
    const due = approved.dueAt as string;
    await t.advanceTo(chinaCalendar().addDuration(due, { workingDays: 40 }).toISOString());
    const view = await t.engine.get(id);
    expect(view).toMatchObject({ escalationLevel: 4, overdue: true, maxEscalationLevel: 4 });
    expect(buildingPack.escalation.ladder.map((rung) => rung.level)).toEqual([1, 2, 3, 4]);
    expect(t.notifications.filter((n) => n.reason === 'escalated').map((n) => n.level)).toEqual([4]);
  });
});
