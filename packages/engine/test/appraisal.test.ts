import { definePolicyPack, type HazardNotification, type PolicyPackInput, validatePolicyPack } from '@hazardflow/core';
import { createEngine, createManualClock } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { ev, notice, people, reportInput } from './support';

const HOUR = 3_600_000;

type CategoryInput = PolicyPackInput['categories'][number];

const suspectedHouse = (gradeC: string): CategoryInput => ({
  id: 'suspected_house',
  name: { zh: '疑似危房', en: 'Suspected dangerous house' },
  defaultSeverity: 'general',
  appraisal: {
    within: { workingDays: 15 },
    gradeCategories: { A: null, B: 'house_b', C: gradeC, D: 'house_d' },
    source: 'JGJ 125-2016',
  },
});

/** The reference pack with a suspected dangerous house graded by its appraisal (初判 → 鉴定). */
const appraisalInput: PolicyPackInput = {
  ...referencePack,
  version: '9.1.0',
  categories: [
    ...referencePack.categories,
    suspectedHouse('house_c'),
    { id: 'house_b', name: { zh: 'B级', en: 'B grade' }, defaultSeverity: 'general' },
    { id: 'house_c', name: { zh: 'C级危房', en: 'C grade' }, defaultSeverity: 'major', imminentDanger: true },
    {
      id: 'house_d',
      name: { zh: 'D级危房', en: 'D grade' },
      defaultSeverity: 'major',
      imminentDanger: true,
      deadlines: { notice: { hours: 24 } },
    },
  ],
};
const appraisalPack = definePolicyPack(appraisalInput);

function setUp() {
  const clock = createManualClock('2026-09-07T02:00:00.000Z');
  const engine = createEngine({ packs: [appraisalPack], clock });
  const told: HazardNotification[] = [];
  engine.on('notification', (n) => told.push(n));
  return { engine, clock, told };
}

async function triagedHouse(engine: ReturnType<typeof setUp>['engine'], category = 'suspected_house') {
  const input = { ...reportInput(), packId: appraisalPack.id, category };
  const reported = await engine.report(input, { actor: people.gridWorker });
  if (!reported.ok) throw new Error(reported.error.message);
  const triaged = await engine.send(reported.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
  if (!triaged.ok) throw new Error(triaged.error.message);
  return triaged.case;
}

const appraisal = (grade: 'A' | 'B' | 'C' | 'D') =>
  ({ type: 'RECORD_APPRAISAL', grade, reportNo: `JD-2026-0${grade}`, appraiser: 'City appraisal centre' }) as const;

describe('a category graded by its appraisal', () => {
  it('is pending appraisal after triage, with a timer due `within` working days', async () => {
    const { engine } = setUp();
    const triaged = await triagedHouse(engine);
    expect(triaged).toMatchObject({ status: 'triaged', severity: 'general', imminentDanger: false });
    // Monday 2026-09-07 + 15 working days (National Day week 10-01..10-08 off) ends on 2026-10-09.
    expect(triaged.appraisal).toEqual({ status: 'pending', dueAt: expect.any(String) });
    const dueAt = (triaged.appraisal as { dueAt: string }).dueAt;
    expect(dueAt > '2026-09-25T16:00:00.000Z').toBe(true);
    const timers = await engine.timers(triaged.id);
    expect(timers.map((t) => t.event.type)).toContain('TIMER.APPRAISAL_DUE');
  });

  it('takes no notice while the appraisal is pending', async () => {
    const { engine } = setUp();
    const triaged = await triagedHouse(engine);
    const refused = await engine.send(triaged.id, notice, { actor: people.inspector });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/appraisal is pending/);
    expect((await engine.get(triaged.id))?.version).toBe(triaged.version);
  });

  it('tells the regulator and the committee when the appraisal is late', async () => {
    const { engine, clock, told } = setUp();
    const triaged = await triagedHouse(engine);
    clock.advanceBy(40 * 24 * HOUR);
    await engine.runDueTimers();
    const late = told.filter((n) => n.reason === 'appraisal_overdue');
    expect(late).toHaveLength(1);
    expect(late[0]?.recipients.map((r) => r.role)).toEqual(['regulator', 'command']);
    expect(late[0]?.dueAt).toBe((triaged.appraisal as { dueAt: string }).dueAt);
  });

  it('re-grades to D: major, imminent danger with its interim deadline, deadlines counted from the appraisal, audited', async () => {
    const { engine, clock, told } = setUp();
    const triaged = await triagedHouse(engine);
    clock.advanceBy(2 * 24 * HOUR);
    const at = clock.now().toISOString();
    const recorded = await engine.send(
      triaged.id,
      { ...appraisal('D'), evidence: [ev('appraisal_report')] },
      {
        actor: people.inspector,
      },
    );
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect(recorded.case).toMatchObject({
      status: 'triaged',
      category: 'house_d',
      severity: 'major',
      imminentDanger: true,
      listedSupervision: true,
      appraisal: { status: 'recorded', grade: 'D', reportNo: 'JD-2026-0D', appraiser: 'City appraisal centre', at },
    });
    // The interim control (stop use) is due 24 h from the appraisal; the notice 24 h too (house_d).
    expect(recorded.case.interimDueAt).toBe(new Date(Date.parse(at) + 24 * HOUR).toISOString());
    expect(recorded.case.dueAt).toBe(new Date(Date.parse(at) + 24 * HOUR).toISOString());
    expect(told.filter((n) => n.reason === 'imminent_danger')).toHaveLength(1);
    const timers = await engine.timers(triaged.id);
    expect(timers.map((t) => t.event.type)).not.toContain('TIMER.APPRAISAL_DUE');
    expect(timers.map((t) => t.event.type)).toContain('TIMER.INTERIM_DUE');

    const entry = (await engine.history(triaged.id)).at(-1);
    expect(entry).toMatchObject({
      command: 'RECORD_APPRAISAL',
      payload: { grade: 'D', reportNo: 'JD-2026-0D', appraiser: 'City appraisal centre' },
      fromStatus: 'triaged',
      toStatus: 'triaged',
    });
    expect(entry?.reasons).toEqual(['category: suspected_house → house_d', 'severity: general → major']);

    // recorded once: a second result is refused and changes nothing
    const again = await engine.send(triaged.id, appraisal('C'), { actor: people.inspector });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } });
    expect(again.ok ? '' : again.error.message).toMatch(/already recorded \(grade D/);
    expect((await engine.get(triaged.id))?.version).toBe(recorded.case.version);

    // the notice now sets the major hazard's path
    const noticed = await engine.send(triaged.id, notice, { actor: people.inspector });
    if (!noticed.ok) throw new Error(noticed.error.message);
    expect(noticed.case.status).toBe('plan_pending');
  });

  it('re-grades to B: a general hazard on the B category, no imminent danger', async () => {
    const { engine } = setUp();
    const triaged = await triagedHouse(engine);
    const recorded = await engine.send(triaged.id, appraisal('B'), { actor: people.inspector });
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect(recorded.case).toMatchObject({ category: 'house_b', severity: 'general', imminentDanger: false });
    expect(recorded.case.interimDueAt).toBeNull();
  });

  it('grade A keeps the category and lets the regulator dismiss the case', async () => {
    const { engine } = setUp();
    const triaged = await triagedHouse(engine);
    const recorded = await engine.send(triaged.id, appraisal('A'), { actor: people.inspector });
    if (!recorded.ok) throw new Error(recorded.error.message);
    expect(recorded.case).toMatchObject({
      category: 'suspected_house',
      severity: 'general',
      appraisal: { status: 'recorded', grade: 'A' },
    });
    const dismissed = await engine.send(
      triaged.id,
      { type: 'DISMISS', reason: 'invalid' },
      { actor: people.inspector },
    );
    if (!dismissed.ok) throw new Error(dismissed.error.message);
    expect(dismissed.case.status).toBe('dismissed');
  });

  it('is refused on a category without appraisal, before triage, and for a role that may not record it', async () => {
    const { engine } = setUp();
    const plain = await triagedHouse(engine, 'exits_blocked');
    expect(plain.appraisal).toBeNull();
    const refused = await engine.send(plain.id, appraisal('C'), { actor: people.inspector });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/without an appraisal/);

    const input = { ...reportInput(), packId: appraisalPack.id, category: 'suspected_house' };
    const reported = await engine.report(input, { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const early = await engine.send(reported.case.id, appraisal('C'), { actor: people.inspector });
    expect(early).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } });

    const house = await triagedHouse(engine);
    const byGrid = await engine.send(house.id, appraisal('C'), { actor: people.gridWorker });
    expect(byGrid).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('cancels the appraisal timer when the case is dismissed', async () => {
    const { engine } = setUp();
    const triaged = await triagedHouse(engine);
    await engine.send(triaged.id, { type: 'DISMISS', reason: 'duplicate' }, { actor: people.inspector });
    const timers = await engine.timers(triaged.id);
    expect(timers.map((t) => t.event.type)).not.toContain('TIMER.APPRAISAL_DUE');
  });
});

describe('a pack with appraisal', () => {
  it('refuses a grade mapped to a category it does not have', () => {
    const result = validatePolicyPack({
      ...appraisalInput,
      categories: appraisalInput.categories.map((c) => (c.id === 'suspected_house' ? suspectedHouse('house_x') : c)),
    });
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.issues).toContainEqual(
      expect.objectContaining({
        path: `categories[${referencePack.categories.length}].appraisal.gradeCategories.C`,
        code: 'unknown_category',
      }),
    );
  });

  it('leaves packs without appraisal hashed as before (the field has no default)', () => {
    const plain = definePolicyPack(referencePack);
    expect(plain.categories.every((c) => !('appraisal' in c))).toBe(true);
    expect(plain.permissions).not.toHaveProperty('RECORD_APPRAISAL');
  });
});
