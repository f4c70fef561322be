import { definePolicyPack } from '@hazardflow/core';
import { createEngine, createManualClock, MigrationError } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { firePack } from '../../policy-fire/src/index';
import { actors, driveCase, fire100, fire101, fire200, TARGETS } from './migration-support';

const START = '2026-09-07T02:00:00.000Z';

async function seeded(count: number) {
  const clock = createManualClock(START);
  const old = createEngine({ packs: [fire100], clock });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await driveCase(old, TARGETS[i % TARGETS.length] as never, i));
  const engine = createEngine({ packs: [fire100, fire101, fire200], clock, store: old.store });
  return { engine, clock, ids };
}

describe('migration between pack versions', () => {
  it('plans 10,000 open cases over every state and does exactly what it planned, once', async () => {
    const { engine, ids } = await seeded(10_000);
    const plan = await engine.planMigration({ packId: 'fire', from: '1.0.0', to: '2.0.0' });
    const closed = ids.filter((_, i) => TARGETS[i % TARGETS.length] === 'closed').length;
    expect(plan.moves.length + plan.blocked.length).toBe(ids.length - closed);
    expect(plan.blocked).toEqual([]);
    expect(new Set(plan.moves.map((m) => m.status))).toEqual(
      new Set(['reported', 'triaged', 'notice_issued', 'rectifying', 'verifying', 'plan_pending', 'supervised']),
    );
    // The three differences of 2.0.0 show in the plan.
    expect(plan.moves.some((m) => m.category === 'ebike-corridor' && m.toCategory === 'ebike-indoor')).toBe(true);
    expect(plan.moves.filter((m) => m.status === 'notice_issued').every((m) => m.toStatus === 'rectifying')).toBe(true);
    expect(plan.moves.some((m) => m.deadline && m.deadline.from !== m.deadline.to)).toBe(true);

    let reported = 0;
    const report = await engine.migrate(plan, {
      actor: actors.admin,
      onProgress: (p) => {
        reported = p.done;
      },
    });
    expect(report).toMatchObject({ migrated: plan.moves.length, skipped: [], blocked: 0 });
    expect(reported).toBe(plan.moves.length);
    for (const move of plan.moves) {
      const view = await engine.get(move.caseId);
      expect(view).toMatchObject({
        packVersion: '2.0.0',
        status: move.toStatus,
        category: move.toCategory,
        version: move.caseVersion + 1,
        policyHash: move.toPolicyHash,
        dueAt: move.deadline?.to ?? null,
      });
      const timers = (await engine.timers(move.caseId)).map((t) => t.timerId);
      for (const set of move.timers.set) expect(timers).toContain(set.timerId);
      for (const cancelled of move.timers.cancel) expect(timers).not.toContain(cancelled);
    }
    const sample = plan.moves[0]?.caseId as string;
    const last = (await engine.history(sample)).at(-1);
    expect(last).toMatchObject({
      command: 'MIGRATED',
      actor: actors.admin,
      payload: {
        from: { packVersion: '1.0.0' },
        to: { packVersion: '2.0.0', policyHash: plan.moves[0]?.toPolicyHash },
      },
    });
    expect(await engine.verifyHistory(sample)).toMatchObject({ ok: true });

    // A re-run (after a crash, say) migrates nothing twice.
    const again = await engine.migrate(plan, { actor: actors.admin });
    expect(again.migrated).toBe(0);
    expect(again.skipped.every((s) => s.reason === 'already at 2.0.0')).toBe(true);
    expect((await engine.planMigration({ packId: 'fire', from: '1.0.0', to: '2.0.0' })).moves).toEqual([]);
  }, 600_000);

  it('keeps every deadline between versions of the same content (the step starts are read right)', async () => {
    const { engine } = await seeded(70);
    const plan = await engine.planMigration({ packId: 'fire', from: '1.0.0', to: '1.0.1' });
    expect(plan.moves.length).toBeGreaterThan(0);
    for (const move of plan.moves) expect(move.deadline?.to).toBe(move.deadline?.from);
  });

  it('re-plans a case changed since planning', async () => {
    const { engine, ids } = await seeded(1);
    const plan = await engine.planMigration({ packId: 'fire', from: '1.0.0', to: '2.0.0' });
    await engine.send(ids[0] as string, { type: 'TRIAGE' }, { actor: actors.inspector });
    const report = await engine.migrate(plan, { actor: actors.admin });
    expect(report.migrated).toBe(1);
    expect(await engine.get(ids[0] as string)).toMatchObject({ status: 'triaged', packVersion: '2.0.0', version: 3 });
  });

  it('refuses bad requests with a typed error naming the field, and changes nothing', async () => {
    const { engine, ids } = await seeded(3);
    const refused = async (request: Parameters<typeof engine.planMigration>[0]) => {
      try {
        await engine.planMigration(request);
      } catch (error) {
        if (error instanceof MigrationError) return { code: error.code, field: error.field };
        throw error;
      }
      throw new Error('not refused');
    };
    expect(await refused({ packId: 'gas', from: '1.0.0', to: '2.0.0' })).toEqual({
      code: 'UNKNOWN_PACK',
      field: 'packId',
    });
    expect(await refused({ packId: 'fire', from: '0.9.0', to: '2.0.0' })).toEqual({
      code: 'UNKNOWN_VERSION',
      field: 'from',
    });
    expect(await refused({ packId: 'fire', from: '2.0.0', to: '1.0.0' })).toEqual({ code: 'NOT_NEWER', field: 'to' });
    const badMap = definePolicyPack({
      ...firePack,
      version: '3.0.0',
      migrations: [{ from: '1.x', categories: { 'no-such-category': 'hot-work' }, states: {} }],
    });
    const withBadMap = createEngine({ packs: [fire100, badMap], store: engine.store, clock: engine.clock });
    await expect(withBadMap.planMigration({ packId: 'fire', from: '1.0.0', to: '3.0.0' })).rejects.toMatchObject({
      code: 'UNKNOWN_CATEGORY',
      field: 'migrations[0].categories.no-such-category',
    });
    for (const id of ids) expect(await engine.get(id)).toMatchObject({ packVersion: '1.0.0' });
  });
});

describe('pinned effective policy', () => {
  it('refuses a command and a timer on a case whose pack version now has other content', async () => {
    const clock = createManualClock(START);
    const first = createEngine({ packs: [fire100], clock });
    const id = await driveCase(first, 'reported', 0);
    const pinned = (await first.get(id))?.policyHash;
    expect(pinned).toMatch(/^[0-9a-f]{64}$/);
    const changed = definePolicyPack({ ...fire100, deadlines: { ...fire100.deadlines, notice: { workingDays: 9 } } });
    const second = createEngine({ packs: [changed], clock, store: first.store });
    const result = await second.send(id, { type: 'TRIAGE' }, { actor: actors.inspector });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'POLICY_CHANGED', details: { caseId: id, pack: 'fire@1.0.0', expectedHash: pinned } },
    });
    const errors: unknown[] = [];
    second.on('error', (error) => errors.push(error));
    clock.set(new Date('2026-09-20T00:00:00.000Z'));
    expect(await second.runDueTimers()).toBe(0);
    expect(errors[0]).toMatchObject({ code: 'POLICY_CHANGED' });
    expect(await second.get(id)).toMatchObject({ version: 1 });
    // The same content registered again runs the case.
    const third = createEngine({ packs: [fire100], clock, store: first.store });
    expect((await third.send(id, { type: 'TRIAGE' }, { actor: actors.inspector })).ok).toBe(true);
  });
});
