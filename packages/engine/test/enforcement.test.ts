import { definePolicyPack, type HazardNotification } from '@hazardflow/core';
import { createEngine, createManualClock, type NotificationWithText } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { ev, notice, people, reportInput, testEngine } from './support';

const HOUR = 3_600_000;
const committee = { id: 'committee-1', role: 'command' } as const;
// Monday 2026-09-07 10:00 Shanghai
const START = '2026-09-07T02:00:00.000Z';

async function triagedCase(category?: string) {
  const { engine, clock } = testEngine();
  const told: HazardNotification[] = [];
  engine.on('notification', (n) => told.push(n));
  const input = reportInput(category ? { category } : {});
  const reported = await engine.report(input, { actor: people.gridWorker });
  if (!reported.ok) throw new Error(reported.error.message);
  const id = reported.case.id;
  const triaged = await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
  if (!triaged.ok) throw new Error(triaged.error.message);
  return { engine, clock, told, id };
}

const seal = (until: string) =>
  ({ type: 'ENFORCE', measure: { kind: 'temporary_seal', documentNo: '查封〔2026〕1号', until } }) as const;

describe('ENFORCE: enforcement records on the case', () => {
  it('records each measure as E1, E2… with who and when, tells the party, and shows it in the view', async () => {
    const { engine, told, id } = await triagedCase();
    const removal = await engine.send(
      id,
      { type: 'ENFORCE', measure: { kind: 'forced_removal', documentNo: '强清〔2026〕7号' }, note: 'exit cleared' },
      { actor: people.inspector },
    );
    if (!removal.ok) throw new Error(removal.error.message);
    const referral = await engine.send(
      id,
      {
        type: 'ENFORCE',
        measure: { kind: 'police_referral', documentNo: '移〔2026〕2号', receivingUnit: '城东派出所' },
      },
      { actor: people.inspector },
    );
    if (!referral.ok) throw new Error(referral.error.message);
    expect(referral.case.enforcement).toEqual([
      expect.objectContaining({
        id: 'E1',
        kind: 'forced_removal',
        documentNo: '强清〔2026〕7号',
        by: 'inspector-1',
        at: START,
        note: 'exit cleared',
      }),
      expect.objectContaining({ id: 'E2', kind: 'police_referral', receivingUnit: '城东派出所' }),
    ]);
    const enforcement = told.filter((n) => n.reason === 'enforcement');
    expect(enforcement).toHaveLength(2);
    expect(enforcement[0]?.recipients.map((r) => r.role)).toEqual(['responsible', 'territory', 'regulator']);
    expect((await engine.history(id)).at(-1)).toMatchObject({
      command: 'ENFORCE',
      payload: { measure: { kind: 'police_referral', documentNo: '移〔2026〕2号' } },
    });
  });

  it('is the regulator’s act: the party, the street and another department are refused', async () => {
    const { engine, id } = await triagedCase();
    const removal = { type: 'ENFORCE', measure: { kind: 'forced_removal', documentNo: 'F-1' } } as const;
    for (const actor of [people.owner, people.gridWorker, people.otherRegulator]) {
      expect(await engine.send(id, removal, { actor })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await engine.get(id))?.enforcement).toEqual([]);
  });

  it('refuses a malformed measure as VALIDATION_FAILED naming the field', async () => {
    const { engine, id } = await triagedCase();
    const bad = await engine.send(
      id,
      { type: 'ENFORCE', measure: { kind: 'penalty', documentNo: 'P-1', legalBasis: 'fire-law-60', amountYuan: -5 } },
      { actor: people.inspector },
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (bad.ok) return;
    expect(bad.error.issues.map((i) => i.path)).toContain('measure.amountYuan');
    const unknownKind = await engine.send(
      id,
      // @ts-expect-error not a measure
      { type: 'ENFORCE', measure: { kind: 'demolition', documentNo: 'X' } },
      { actor: people.inspector },
    );
    expect(unknownKind).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('allows a daily repeat fine only under Work Safety Law Art. 112 and only after the notice', async () => {
    const { engine, clock, id } = await triagedCase();
    const penalty = (legalBasis: string) =>
      ({
        type: 'ENFORCE',
        measure: {
          kind: 'penalty',
          documentNo: '罚〔2026〕5号',
          legalBasis,
          amountYuan: 50_000,
          dailyFine: { amountYuan: 10_000 },
        },
      }) as const;
    const beforeNotice = await engine.send(id, penalty('work-safety-law-112'), { actor: people.inspector });
    expect(beforeNotice).toMatchObject({
      ok: false,
      error: {
        code: 'NOT_ALLOWED_IN_STATE',
        issues: [{ path: 'measure.dailyFine', code: 'daily_fine_before_notice' }],
      },
    });
    await engine.send(id, notice, { actor: people.inspector });
    const wrongBasis = await engine.send(id, penalty('fire-law-60'), { actor: people.inspector });
    expect(wrongBasis).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED_IN_STATE', issues: [{ path: 'measure.dailyFine', code: 'daily_fine_not_allowed' }] },
    });
    const fined = await engine.send(id, penalty('work-safety-law-112'), { actor: people.inspector });
    if (!fined.ok) throw new Error(fined.error.message);
    expect(fined.case.enforcement?.[0]).toMatchObject({
      kind: 'penalty',
      dailyFine: { amountYuan: 10_000 },
      dailyFineDays: 0,
    });
    // a plain fine needs no special basis
    const plain = await engine.send(
      id,
      {
        type: 'ENFORCE',
        measure: { kind: 'penalty', documentNo: '罚〔2026〕6号', legalBasis: 'fire-law-60', amountYuan: 5_000 },
      },
      { actor: people.inspector },
    );
    expect(plain.ok).toBe(true);
    // the view is written with each commit: the count is as of the view's updatedAt
    clock.advanceBy(3 * 24 * HOUR + HOUR);
    const commented = await engine.send(
      id,
      { type: 'COMMENT', text: 'still not corrected' },
      { actor: people.inspector },
    );
    if (!commented.ok) throw new Error(commented.error.message);
    const view = commented.case;
    expect(view?.enforcement?.[0]?.dailyFineDays).toBe(3);
    expect(view?.enforcement?.[1]?.dailyFineDays).toBeUndefined();
  });

  it('cuts power only for a major hazard, 24 h after written notice unless an emergency', async () => {
    const general = await triagedCase();
    const cutoff = (noticeGivenAt: string, emergency?: boolean) =>
      ({
        type: 'ENFORCE',
        measure: {
          kind: 'power_cutoff',
          documentNo: '停电〔2026〕1号',
          approvedBy: '局长 王五',
          noticeGivenAt,
          ...(emergency !== undefined ? { emergency } : {}),
        },
      }) as const;
    expect(
      await general.engine.send(general.id, cutoff('2026-09-05T02:00:00.000Z'), { actor: people.inspector }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: 'measure.kind', code: 'power_cutoff_major_only' }] } });

    const major = await triagedCase('three_in_one');
    const short = await major.engine.send(major.id, cutoff('2026-09-07T00:00:00.000Z'), { actor: people.inspector });
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED_IN_STATE', issues: [{ path: 'measure.noticeGivenAt', code: 'notice_too_short' }] },
    });
    const future = await major.engine.send(major.id, cutoff('2026-09-08T00:00:00.000Z', true), {
      actor: people.inspector,
    });
    expect(future).toMatchObject({ ok: false, error: { issues: [{ code: 'notice_in_future' }] } });
    const emergency = await major.engine.send(major.id, cutoff('2026-09-07T01:00:00.000Z', true), {
      actor: people.inspector,
    });
    expect(emergency.ok).toBe(true);
    const noticed = await major.engine.send(major.id, cutoff('2026-09-06T02:00:00.000Z'), { actor: people.inspector });
    if (!noticed.ok) throw new Error(noticed.error.message);
    expect(noticed.case.enforcement?.map((r) => r.kind)).toEqual(['power_cutoff', 'power_cutoff']);
  });

  it('keeps at most one joint-punishment listing in force per case', async () => {
    const { engine, id } = await triagedCase();
    const blacklist = { type: 'ENFORCE', measure: { kind: 'blacklist', documentNo: '惩〔2026〕1号' } } as const;
    expect((await engine.send(id, blacklist, { actor: people.inspector })).ok).toBe(true);
    expect(await engine.send(id, blacklist, { actor: people.inspector })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'measure.kind', code: 'blacklist_in_force' }] },
    });
    const lifted = await engine.send(
      id,
      { type: 'LIFT_ENFORCEMENT', recordId: 'E1', documentNo: '移出〔2026〕1号', reason: 'credit repaired' },
      { actor: people.inspector },
    );
    if (!lifted.ok) throw new Error(lifted.error.message);
    expect(lifted.case.enforcement?.[0]).toMatchObject({
      liftedBy: 'inspector-1',
      liftReason: 'credit repaired',
      liftDocumentNo: '移出〔2026〕1号',
    });
    expect((await engine.send(id, blacklist, { actor: people.inspector })).ok).toBe(true);
  });

  it('refuses a measure the pack does not allow (steps.enforcementMeasures)', async () => {
    const restricted = definePolicyPack({
      ...referencePack,
      version: '9.2.0',
      steps: { ...referencePack.steps, enforcementMeasures: ['penalty'] },
    });
    const engine = createEngine({ packs: [restricted], clock: createManualClock(START) });
    const reported = await engine.report({ ...reportInput(), packId: restricted.id }, { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const refused = await engine.send(reported.case.id, seal('2026-09-20'), { actor: people.inspector });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED_IN_STATE', issues: [{ path: 'measure.kind', code: 'measure_not_allowed' }] },
    });
  });

  it('refuses enforcement on a case that has ended', async () => {
    const { engine, id } = await triagedCase();
    await engine.send(id, { type: 'DISMISS', reason: 'invalid' }, { actor: people.inspector });
    expect(
      await engine.send(
        id,
        { type: 'ENFORCE', measure: { kind: 'forced_removal', documentNo: 'F' } },
        { actor: people.inspector },
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } });
  });
});

describe('temporary seals and their timers', () => {
  it('warns 24 h before the seal ends and ends it at the end of its last day', async () => {
    const { engine, clock, told, id } = await triagedCase();
    const sealed = await engine.send(id, seal('2026-09-10'), { actor: people.inspector });
    if (!sealed.ok) throw new Error(sealed.error.message);
    // the last day 2026-09-10 ends at midnight Shanghai time
    expect(sealed.case.enforcement?.[0]).toMatchObject({
      id: 'E1',
      expiresAt: '2026-09-10T16:00:00.000Z',
      warnAt: '2026-09-09T16:00:00.000Z',
    });
    const timers = (await engine.timers(id)).map((t) => t.timerId);
    expect(timers).toEqual(expect.arrayContaining(['enforcement.E1.warning', 'enforcement.E1.expiry']));

    clock.set(new Date('2026-09-09T16:00:00.000Z'));
    await engine.runDueTimers();
    const expiring = told.filter((n) => n.reason === 'seal_expiring');
    expect(expiring).toHaveLength(1);
    expect(expiring[0]).toMatchObject({ dueAt: '2026-09-10T16:00:00.000Z', recipients: [{ role: 'regulator' }] });

    clock.set(new Date('2026-09-10T16:00:00.000Z'));
    await engine.runDueTimers();
    expect(told.filter((n) => n.reason === 'seal_expired')).toHaveLength(1);
    const view = await engine.get(id);
    expect(view?.enforcement?.[0]).toMatchObject({ liftedAt: '2026-09-10T16:00:00.000Z', liftReason: 'expired' });
    expect((await engine.timers(id)).map((t) => t.timerId).filter((t) => t.startsWith('enforcement.'))).toEqual([]);
    // an expired seal is no longer in force
    expect(
      await engine.send(id, { type: 'LIFT_ENFORCEMENT', recordId: 'E1', reason: 'done' }, { actor: people.inspector }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: 'recordId', code: 'already_lifted' }] } });
  });

  it('honours warnBefore and refuses a term that is already over', async () => {
    const { engine, id } = await triagedCase();
    const over = await engine.send(id, seal('2026-09-06'), { actor: people.inspector });
    expect(over).toMatchObject({ ok: false, error: { issues: [{ path: 'measure.until', code: 'seal_term_over' }] } });
    const bad = await engine.send(id, seal('2026-02-30'), { actor: people.inspector });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const early = await engine.send(
      id,
      {
        type: 'ENFORCE',
        measure: { kind: 'temporary_seal', documentNo: 'S', until: '2026-09-10', warnBefore: { days: 2 } },
      },
      { actor: people.inspector },
    );
    if (!early.ok) throw new Error(early.error.message);
    expect(early.case.enforcement?.[0]).toMatchObject({ warnAt: '2026-09-08T16:00:00.000Z' });
  });

  it('lifting a seal cancels its timers; unknown or lifted records are refused on recordId', async () => {
    const { engine, clock, told, id } = await triagedCase();
    await engine.send(id, seal('2026-09-10'), { actor: people.inspector });
    const unknown = await engine.send(
      id,
      { type: 'LIFT_ENFORCEMENT', recordId: 'E9', reason: 'typo' },
      { actor: people.inspector },
    );
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED_IN_STATE', issues: [{ path: 'recordId', code: 'unknown_record' }] },
    });
    expect(
      await engine.send(id, { type: 'LIFT_ENFORCEMENT', recordId: 'E1', reason: 'x' }, { actor: people.owner }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const lifted = await engine.send(
      id,
      { type: 'LIFT_ENFORCEMENT', recordId: 'E1', reason: 'hazard removed, re-inspected' },
      { actor: people.inspector },
    );
    if (!lifted.ok) throw new Error(lifted.error.message);
    expect(told.filter((n) => n.reason === 'enforcement_lifted')).toHaveLength(1);
    expect((await engine.timers(id)).map((t) => t.timerId).filter((t) => t.startsWith('enforcement.'))).toEqual([]);
    clock.set(new Date('2026-09-11T00:00:00.000Z'));
    await engine.runDueTimers();
    expect(told.some((n) => n.reason === 'seal_expiring' || n.reason === 'seal_expired')).toBe(false);
    expect(
      await engine.send(id, { type: 'LIFT_ENFORCEMENT', recordId: 'E1', reason: 'again' }, { actor: people.inspector }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: 'recordId', code: 'already_lifted' }] } });
  });

  it('ends seals still in force when the case closes, and their timers with them', async () => {
    const { engine, id } = await triagedCase();
    await engine.send(id, notice, { actor: people.inspector });
    await engine.send(id, seal('2026-12-31'), { actor: people.inspector });
    await engine.send(id, { type: 'ACKNOWLEDGE' }, { actor: people.owner });
    await engine.send(
      id,
      { type: 'SUBMIT_RECTIFICATION', evidence: [ev('after_photo', 'owner-1')] },
      { actor: people.owner },
    );
    const verified = await engine.send(
      id,
      { type: 'VERIFY', result: 'pass', evidence: [ev('inspection_record'), ev('inspection_record', 'inspector-2')] },
      { actor: people.inspector },
    );
    if (!verified.ok) throw new Error(verified.error.message);
    expect(verified.case.status).toBe('closed');
    expect(verified.case.enforcement?.[0]).toMatchObject({ liftReason: 'case_closed', liftedAt: START });
    expect((await engine.timers(id)).map((t) => t.timerId).filter((t) => t.startsWith('enforcement.'))).toEqual([]);
  });

  it('ends seals when the case is dismissed', async () => {
    const { engine, id } = await triagedCase();
    await engine.send(id, seal('2026-12-31'), { actor: people.inspector });
    const dismissed = await engine.send(id, { type: 'DISMISS', reason: 'invalid' }, { actor: people.inspector });
    if (!dismissed.ok) throw new Error(dismissed.error.message);
    expect(dismissed.case.enforcement?.[0]).toMatchObject({ liftReason: 'case_dismissed' });
    expect(await engine.timers(id)).toEqual([]);
  });
});

describe('people and accountability', () => {
  it('records 约谈 with date, participants and minutes; refuses an empty participant list', async () => {
    const { engine, id } = await triagedCase();
    const empty = await engine.send(
      id,
      { type: 'INTERVIEW', date: '2026-09-08', participants: [], minutesRef: '纪要〔2026〕3号' },
      { actor: people.inspector },
    );
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [{ path: 'participants' }] },
    });
    const held = await engine.send(
      id,
      {
        type: 'INTERVIEW',
        date: '2026-09-08',
        participants: ['张三（法定代表人）', '李四'],
        minutesRef: '纪要〔2026〕3号',
      },
      { actor: committee },
    );
    if (!held.ok) throw new Error(held.error.message);
    expect(held.case.interviews).toEqual([
      {
        date: '2026-09-08',
        participants: ['张三（法定代表人）', '李四'],
        minutesRef: '纪要〔2026〕3号',
        by: 'committee-1',
        at: START,
      },
    ]);
    expect(
      await engine.send(
        id,
        { type: 'INTERVIEW', date: '2026-09-08', participants: ['x'], minutesRef: 'm' },
        { actor: people.owner },
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps accountability of officials apart, by the committee only', async () => {
    const { engine, id } = await triagedCase();
    const hold = {
      type: 'HOLD_ACCOUNTABLE',
      official: '街道安监办 赵六',
      finding: '未按期督办',
      documentNo: '问责〔2026〕2号',
    } as const;
    expect(await engine.send(id, hold, { actor: people.inspector })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const held = await engine.send(id, hold, { actor: committee });
    if (!held.ok) throw new Error(held.error.message);
    expect(held.case.accountability).toEqual([
      {
        id: 'A1',
        official: '街道安监办 赵六',
        finding: '未按期督办',
        documentNo: '问责〔2026〕2号',
        by: 'committee-1',
        at: START,
      },
    ]);
    expect(held.case.enforcement).toEqual([]);
  });

  it('carries the principal person from the report and CHANGE_RESPONSIBLE, and shows it on notices', async () => {
    const { engine } = testEngine();
    const input = reportInput();
    const reported = await engine.report(
      { ...input, responsible: { ...input.responsible, principal: { name: '张三', title: '法定代表人' } } },
      { actor: people.gridWorker },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    expect(reported.case.principal).toEqual({ name: '张三', title: '法定代表人' });
    const id = reported.case.id;
    await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
    const changed = await engine.send(
      id,
      {
        type: 'CHANGE_RESPONSIBLE',
        responsible: { id: 'party-2', name: 'New Owner Co.', principal: { name: '钱七' } },
        reason: 'site sold',
      },
      { actor: people.inspector },
    );
    if (!changed.ok) throw new Error(changed.error.message);
    expect(changed.case.principal).toEqual({ name: '钱七' });
  });

  it('fills {principal} in a pack template for notices', async () => {
    const addressed = definePolicyPack({
      ...referencePack,
      version: '9.3.0',
      notificationTemplates: {
        notice_issued: {
          zh: '{principal}：{site}存在{hazard}隐患，请限期整改。',
          en: 'To {principal}: {site}, {hazard}.',
        },
      },
    });
    const engine = createEngine({ packs: [addressed], clock: createManualClock(START) });
    const texts: string[] = [];
    engine.on('notification', (n) => texts.push((n as NotificationWithText).text.zh));
    const input = reportInput();
    const reported = await engine.report(
      {
        ...input,
        packId: addressed.id,
        responsible: { ...input.responsible, principal: { name: '张三', title: '法定代表人' } },
      },
      { actor: people.gridWorker },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    await engine.send(reported.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    const noticed = await engine.send(reported.case.id, notice, { actor: people.inspector });
    if (!noticed.ok) throw new Error(noticed.error.message);
    expect(texts).toContain('张三（法定代表人）：Riverside Mall存在安全出口、疏散通道堵塞或锁闭隐患，请限期整改。');
  });
});
