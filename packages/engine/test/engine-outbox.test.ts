import { createEngine, createManualClock, createMemoryStore, type OutboxNotification } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { ev, notice, pack, people, reportInput } from './support';

const START = '2026-09-07T02:00:00.000Z';

/** A case with a notice issued: the notice tells its recipients once. */
async function noticeIssued(engine: ReturnType<typeof createEngine>) {
  const reported = await engine.report(reportInput(), { actor: people.gridWorker });
  if (!reported.ok) throw new Error(reported.error.message);
  const id = reported.case.id;
  await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
  const issued = await engine.send(id, notice, { actor: people.inspector });
  if (!issued.ok) throw new Error(issued.error.message);
  return id;
}

describe('outbox', () => {
  it('writes each notification as a pending row its audit entry names, without a deliver handler', async () => {
    const events: string[] = [];
    const engine = createEngine({ packs: [pack], store: createMemoryStore(), clock: createManualClock(START) });
    engine.on('notification', (n) => events.push(n.reason));
    const id = await noticeIssued(engine);
    const rows = await engine.deliveries({ caseId: id });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true);
    const named = (await engine.history(id)).flatMap((entry) => entry.notifications ?? []);
    expect(named).toEqual(rows.map((row) => row.id));
    // The row carries the message as rendered at commit time, in both languages.
    const first = rows[0]?.notification as { text?: { zh: string; en: string } } | undefined;
    const text = first?.text;
    expect(text?.zh).toMatch(/\p{Script=Han}/u);
    expect(text?.en).toMatch(/[a-z]/);
    expect(events).toContain('notice_issued'); // emitted after the commit, as before
    await expect(engine.dispatchNotifications()).rejects.toThrow(/without a `deliver` handler/);
    expect((await engine.verifyHistory(id)).ok).toBe(true);
  });

  it('delivers with a receipt, then emits notification; the case version does not move', async () => {
    const clock = createManualClock(START);
    const delivered: OutboxNotification[] = [];
    const events: string[] = [];
    const engine = createEngine({
      packs: [pack],
      clock,
      deliver: (n) => {
        delivered.push(n);
        return { gateway: 'sms', messageId: `m-${delivered.length}` };
      },
    });
    engine.on('notification', (n) => events.push(n.reason));
    const id = await noticeIssued(engine);
    expect(events).toEqual([]); // not before delivery is recorded
    const version = (await engine.get(id))?.version;
    const result = await engine.dispatchNotifications();
    expect(result.delivered).toBe(delivered.length);
    expect(events).toContain('notice_issued');
    const rows = await engine.deliveries({ caseId: id, status: 'delivered' });
    expect(rows.map((row) => row.id)).toEqual(delivered.map((n) => n.id));
    expect(rows[0]?.receipt).toEqual({ gateway: 'sms', messageId: 'm-1' });
    expect(rows[0]?.deliveredAt).toBe(START);
    expect((await engine.get(id))?.version).toBe(version);
    expect(await engine.dispatchNotifications()).toEqual({ delivered: 0, retried: 0, dead: 0 });
  });

  it('retries with backoff inside maxDelayMs, then dead-letters after maxAttempts with an error event', async () => {
    const clock = createManualClock(START);
    let calls = 0;
    const errors: string[] = [];
    const engine = createEngine({
      packs: [pack],
      clock,
      deliver: () => {
        calls++;
        throw new Error('gateway down');
      },
      delivery: { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 5_000 },
    });
    engine.on('error', (error) => errors.push(String(error)));
    const id = await noticeIssued(engine);
    const total = (await engine.deliveries({ caseId: id })).length;
    expect(await engine.dispatchNotifications()).toEqual({ delivered: 0, retried: total, dead: 0 });
    const [row] = await engine.deliveries({ caseId: id });
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toBe('gateway down');
    expect(Date.parse(row?.nextAttemptAt ?? '') - Date.parse(START)).toBeLessThanOrEqual(1_000);
    expect(await engine.dispatchNotifications()).toEqual({ delivered: 0, retried: 0, dead: 0 }); // not due yet
    clock.advanceBy(5_000);
    expect((await engine.dispatchNotifications()).retried).toBe(total);
    clock.advanceBy(5_000);
    expect(await engine.dispatchNotifications()).toEqual({ delivered: 0, retried: 0, dead: total });
    expect(calls).toBe(3 * total);
    expect((await engine.deliveries({ status: 'dead' })).length).toBe(total);
    expect(errors.filter((e) => e.includes('dead-lettered after 3 attempts: gateway down'))).toHaveLength(total);
  });

  it('start() runs the dispatcher on the engine clock; stop() stops it', async () => {
    const clock = createManualClock(START);
    const seen: string[] = [];
    const engine = createEngine({ packs: [pack], clock, deliver: (n) => void seen.push(n.id) });
    const id = await noticeIssued(engine);
    const delivered = new Promise<void>((resolve) => engine.once('notification', () => resolve()));
    engine.start({ pollMs: 1_000 });
    clock.advanceBy(0);
    await delivered;
    await engine.stop();
    expect(seen.length).toBeGreaterThan(0);
    expect((await engine.deliveries({ caseId: id, status: 'pending' })).length).toBe(0);
  });

  it('outbox: false writes no rows and names none in the audit trail', async () => {
    const engine = createEngine({ packs: [pack], clock: createManualClock(START), outbox: false });
    const id = await noticeIssued(engine);
    expect(await engine.deliveries({ caseId: id })).toEqual([]);
    expect((await engine.history(id)).some((entry) => entry.notifications)).toBe(false);
  });

  it('a citizen who reported is told when the case is closed (消防监督检查规定 Art. 14); a grid worker report is not', async () => {
    const engine = createEngine({ packs: [pack], clock: createManualClock(START) });
    const closedRecipients = async (reporter: typeof people.reporter | typeof people.gridWorker) => {
      const reported = await engine.report(reportInput(), { actor: reporter });
      if (!reported.ok) throw new Error(reported.error.message);
      const id = reported.case.id;
      await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
      const fixed = await engine.send(
        id,
        { type: 'FIX_ON_SPOT', evidence: [ev('after_photo', 'grid-1')] },
        { actor: people.gridWorker },
      );
      expect(fixed.ok && fixed.case.status).toBe('closed');
      const closed = (await engine.deliveries({ caseId: id })).find((row) => row.notification.reason === 'closed');
      return closed?.recipients;
    };
    expect(await closedRecipients(people.reporter)).toContainEqual({ role: 'reporter', org: 'citizen-1' });
    expect((await closedRecipients(people.gridWorker))?.map((r) => r.role)).not.toContain('reporter');
  });

  it('refuses bad retry options, naming the option', () => {
    expect(() => createEngine({ packs: [pack], deliver: () => {}, delivery: { maxAttempts: 0 } })).toThrow(
      /delivery.maxAttempts must be an integer >= 1/,
    );
  });
});
