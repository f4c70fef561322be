import { definePolicyPack, type HazardNotification } from '@hazardflow/core';
import { createEngine, createManualClock } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { ev, notice, people, reportInput, testEngine } from './support';

async function reported(engine: ReturnType<typeof testEngine>['engine']) {
  const result = await engine.report(reportInput(), { actor: people.gridWorker });
  if (!result.ok) throw new Error(result.error.message);
  return result.case.id;
}

function told(engine: ReturnType<typeof testEngine>['engine']): HazardNotification[] {
  const notifications: HazardNotification[] = [];
  engine.on('notification', (n) => notifications.push(n));
  return notifications;
}

describe('assigning a case officer (ASSIGN), through the engine', () => {
  it('assigns from the report on, re-assigns, tells the officer, and audits who it was before', async () => {
    const { engine, clock } = testEngine();
    const notifications = told(engine);
    const id = await reported(engine);

    const first = await engine.send(id, { type: 'ASSIGN', officer: 'inspector-2' }, { actor: people.inspector });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.case).toMatchObject({ status: 'reported', assignee: 'inspector-2' });
    const assigned = notifications.filter((n) => n.reason === 'assigned');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]?.recipients).toEqual([{ role: 'regulator', org: 'fire-brigade', officer: 'inspector-2' }]);

    // An officer takes the case themselves; the audit says whom it was taken from.
    const again = await engine.send(
      id,
      { type: 'ASSIGN', officer: 'inspector-1', reason: 'inspector-2 is on leave' },
      { actor: people.inspector },
    );
    if (!again.ok) throw new Error(again.error.message);
    expect(again.case.assignee).toBe('inspector-1');
    const history = await engine.history(id);
    expect(history.filter((e) => e.command === 'ASSIGN').map((e) => [e.reasons, e.payload])).toEqual([
      [['officer: (none) → inspector-2'], { officer: 'inspector-2' }],
      [['officer: inspector-2 → inspector-1'], { officer: 'inspector-1', reason: 'inspector-2 is on leave' }],
    ]);

    // Notifications to the regulator name the officer from now on: the triage step runs late.
    clock.set(new Date(clock.now().getTime() + 30 * 86_400_000));
    await engine.runDueTimers();
    const regulatorRecipients = notifications
      .filter((n) => n.reason !== 'assigned')
      .flatMap((n) => n.recipients)
      .filter((r) => r.role === 'regulator');
    expect(regulatorRecipients.length).toBeGreaterThan(0);
    for (const recipient of regulatorRecipients) expect(recipient.officer).toBe('inspector-1');
    expect(await engine.verifyHistory(id)).toMatchObject({ ok: true });
  });

  it('refuses an assignment to the officer already assigned, by another department, or by the command office', async () => {
    const { engine } = testEngine();
    const id = await reported(engine);
    await engine.send(id, { type: 'ASSIGN', officer: 'inspector-2' }, { actor: people.inspector });
    const before = await engine.get(id);

    expect(
      await engine.send(id, { type: 'ASSIGN', officer: 'inspector-2' }, { actor: people.inspector }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED_IN_STATE', message: expect.stringContaining('already assigned') },
    });
    expect(
      await engine.send(id, { type: 'ASSIGN', officer: 'housing-1' }, { actor: people.otherRegulator }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await engine.send(
        id,
        { type: 'ASSIGN', officer: 'inspector-1' },
        { actor: { id: 'committee-1', role: 'command' } },
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await engine.send(id, { type: 'ASSIGN', officer: '' } as never, { actor: people.inspector })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'officer' })] },
    });
    expect(await engine.get(id)).toEqual(before);
  });

  it('refuses ASSIGN on an ended case before asking who sends it', async () => {
    const { engine } = testEngine();
    const id = await reported(engine);
    await engine.send(id, { type: 'DISMISS', reason: 'invalid' }, { actor: people.inspector });
    expect(
      await engine.send(id, { type: 'ASSIGN', officer: 'inspector-2' }, { actor: people.otherRegulator }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } });
  });

  it('lets a pack give assignment to another role through its permissions', async () => {
    const byCommand = definePolicyPack({ ...referencePack, permissions: { ASSIGN: ['command'] } });
    const engine = createEngine({ packs: [byCommand], clock: createManualClock('2026-09-07T02:00:00.000Z') });
    const result = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!result.ok) throw new Error(result.error.message);
    const id = result.case.id;
    expect(
      await engine.send(id, { type: 'ASSIGN', officer: 'inspector-2' }, { actor: people.inspector }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const assigned = await engine.send(
      id,
      { type: 'ASSIGN', officer: 'inspector-2' },
      { actor: { id: 'committee-1', role: 'command' } },
    );
    expect(assigned).toMatchObject({ ok: true, case: { assignee: 'inspector-2' } });
  });

  it('queries by assignee and groups the assessment by officer', async () => {
    const { engine } = testEngine();
    const a = await reported(engine);
    const b = await reported(engine);
    const c = await reported(engine);
    await engine.send(a, { type: 'ASSIGN', officer: 'inspector-2' }, { actor: people.inspector });
    await engine.send(b, { type: 'ASSIGN', officer: 'inspector-2' }, { actor: people.inspector });
    await engine.send(b, { type: 'ASSIGN', officer: 'inspector-1' }, { actor: people.inspector });
    expect((await engine.query({ assignee: 'inspector-2' })).items.map((v) => v.id)).toEqual([a]);
    expect((await engine.query({ assignee: 'inspector-1' })).items.map((v) => v.id)).toEqual([b]);
    expect((await engine.query({ assignee: null })).items.map((v) => v.id)).toEqual([c]);
    const rows = await engine.assessment({ groupBy: 'officer' });
    expect(rows.map((r) => [r.group, r.found])).toEqual([
      ['fire-brigade/', 1],
      ['fire-brigade/inspector-1', 1],
      ['fire-brigade/inspector-2', 1],
    ]);
  });
});

describe('changing the responsible party (CHANGE_RESPONSIBLE), through the engine', () => {
  it('is not taken before triage, then replaces the party, keeps the deadline, tells both parties and audits old and new', async () => {
    const { engine, clock } = testEngine();
    const notifications = told(engine);
    const id = await reported(engine);
    const change = {
      type: 'CHANGE_RESPONSIBLE',
      responsible: { id: 'party-2', name: 'New Owner Co.' },
      reason: 'the mall was sold on 1 September',
    } as const;

    expect(await engine.send(id, change, { actor: people.inspector })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED_IN_STATE' },
    });

    await engine.send(id, { type: 'TRIAGE', severity: 'general' }, { actor: people.inspector });
    const issued = await engine.send(id, notice, { actor: people.inspector });
    if (!issued.ok) throw new Error(issued.error.message);
    const dueAt = issued.case.dueAt;
    expect(dueAt).not.toBeNull();

    clock.set(new Date(clock.now().getTime() + 2 * 3_600_000));
    const changed = await engine.send(id, change, { actor: people.inspector });
    if (!changed.ok) throw new Error(changed.error.message);
    expect(changed.case).toMatchObject({ responsible: 'party-2', status: issued.case.status, dueAt });
    expect((await engine.history(id)).at(-1)).toMatchObject({
      command: 'CHANGE_RESPONSIBLE',
      reasons: ['responsible: party-1 → party-2'],
      payload: { responsible: { id: 'party-2', name: 'New Owner Co.' }, reason: 'the mall was sold on 1 September' },
    });
    expect(
      notifications
        .filter((n) => n.reason === 'responsible_changed' || n.reason === 'responsible_released')
        .map((n) => [n.reason, n.recipients, n.dueAt]),
    ).toEqual([
      ['responsible_changed', [{ role: 'responsible', org: 'party-2' }], dueAt],
      ['responsible_released', [{ role: 'responsible', org: 'party-1' }], dueAt],
    ]);

    // The old party no longer acts on the case; the new one does.
    expect(await engine.send(id, { type: 'ACKNOWLEDGE' }, { actor: people.owner })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const newOwner = { id: 'owner-9', role: 'responsible', org: 'party-2' } as const;
    const acknowledged = await engine.send(id, { type: 'ACKNOWLEDGE' }, { actor: newOwner });
    expect(acknowledged).toMatchObject({ ok: true });
    const submitted = await engine.send(
      id,
      { type: 'SUBMIT_RECTIFICATION', evidence: [ev('after_photo', 'owner-9')] },
      { actor: newOwner },
    );
    expect(submitted).toMatchObject({ ok: true, case: { status: 'verifying' } });
  });

  it('needs a reason, refuses the same party, and is the regulator’s by default', async () => {
    const { engine } = testEngine();
    const id = await reported(engine);
    await engine.send(id, { type: 'TRIAGE', severity: 'general' }, { actor: people.inspector });
    const before = await engine.get(id);
    expect(
      await engine.send(id, { type: 'CHANGE_RESPONSIBLE', responsible: { id: 'party-2' } } as never, {
        actor: people.inspector,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', issues: [expect.objectContaining({ path: 'reason' })] },
    });
    expect(
      await engine.send(
        id,
        { type: 'CHANGE_RESPONSIBLE', responsible: { id: 'party-1' }, reason: 'same' },
        { actor: people.inspector },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED_IN_STATE', message: expect.stringContaining('already') },
    });
    expect(
      await engine.send(
        id,
        { type: 'CHANGE_RESPONSIBLE', responsible: { id: 'party-2' }, reason: 'sold' },
        { actor: people.gridWorker },
      ),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await engine.get(id)).toEqual(before);
  });
});
