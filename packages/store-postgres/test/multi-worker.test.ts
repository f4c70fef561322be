import type { Status } from '@hazardflow/core';
import { type AuditEntry, verifyAuditChain } from '@hazardflow/engine';
import { createPostgresStore } from '@hazardflow/store-postgres';
import type pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { adminPool, describeWithServer, dropSchemas, freshSchema } from './support/database';
import { type Outcome, startWorker, type WorkerHandle } from './support/worker-processes';
import { nextCommand, people, reportInput } from './support/workload';

/**
 * Three engine processes on one schema: a thousand cases reported and driven through their
 * lifecycle by concurrent commands (some deliberately racing on one case through two
 * workers), while the workers' pollers fire due timers as a shared manual clock moves on in
 * 8-hour steps. One worker is SIGKILLed while it holds timer leases: it says when it holds
 * them (an IPC reply) and then waits, so the kill never races the machine's load. Then: every timer fired
 * exactly once, every acknowledged command is in its case's history, every chain verifies,
 * and the dead worker's timers were fired by the others once their leases lapsed.
 */

const CASES = 1_000;
const STEPS = 8;
const STEP_MS = 8 * 3_600_000;
const LEASE_MS = 30 * 60_000;
const START = Date.parse('2026-09-07T02:00:00.000Z'); // Monday 10:00 in Shanghai
const IN_FLIGHT = 24;

/** Runs `work` over `items` with at most `limit` in flight. */
async function pooled<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

/** A small deterministic generator, so a failing run can be repeated. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

describeWithServer('three engine processes share one PostgreSQL database', (url) => {
  const schema = freshSchema('hfmw');
  const workers: WorkerHandle[] = [];
  let admin: pg.Pool | undefined;

  afterAll(async () => {
    for (const w of workers) {
      if (w.alive) await w.call({ kind: 'stop' }).catch(() => w.child.kill('SIGKILL'));
      await w.exited;
    }
    await admin?.end();
    await dropSchemas(url, [schema]);
  }, 30_000);

  it('fire each timer once, lose no acknowledged command, and survive a worker killed holding leases', async () => {
    admin = adminPool(url);
    const db = admin;
    const rand = random(20260907);
    const at = (ms: number) => new Date(ms).toISOString();
    // Started together: one migrates the fresh schema under the advisory lock, the others wait for it.
    const pollIntervals = { w1: 20, w2: 20, w3: 20 };
    workers.push(
      ...(await Promise.all(
        Object.entries(pollIntervals).map(([workerId, pollMs]) =>
          startWorker({ url, schema, workerId, leaseMs: LEASE_MS, clockStart: at(START), pollMs }),
        ),
      )),
    );
    const [w1, w2, w3] = workers as [WorkerHandle, WorkerHandle, WorkerHandle];
    const alive = () => workers.filter((w) => w.alive);
    const pick = () => {
      const live = alive();
      return live[Math.floor(rand() * live.length)] as WorkerHandle;
    };

    const acknowledged = new Map<string, string>(); // commandId → caseId
    const unknown = new Map<string, string>(); // sent to a worker that died before answering
    const status = new Map<string, Status>();
    let commandCount = 0;
    let conflicts = 0;

    /** Sends through a live worker, retrying a version conflict through another one. */
    async function deliver(
      commandId: string,
      caseId: string | undefined,
      attempt: (w: WorkerHandle) => Promise<Outcome>,
    ) {
      for (let tries = 0; tries < 8; tries++) {
        const outcome = await attempt(pick());
        if (outcome.lost) {
          if (caseId) unknown.set(commandId, caseId);
          continue; // a command the dead worker never answered may or may not be committed
        }
        const { result } = outcome;
        if (result.ok) {
          acknowledged.set(commandId, result.case.id);
          unknown.delete(commandId);
          status.set(result.case.id, result.case.status);
          return;
        }
        if (result.error.code !== 'VERSION_CONFLICT') return; // refused for a domain reason: not acknowledged
        conflicts++;
      }
    }

    // Reports, spread over the workers.
    const ids: string[] = [];
    await pooled(
      Array.from({ length: CASES }, (_, i) => i),
      IN_FLIGHT,
      async (i) => {
        const commandId = `report-${i}`;
        await deliver(commandId, undefined, (w) =>
          w.command({ kind: 'report', input: reportInput(i), actor: people.gridWorker, commandId }),
        );
        const caseId = acknowledged.get(commandId);
        if (caseId) ids.push(caseId);
      },
    );
    expect(ids).toHaveLength(CASES);

    let orphans: { case_id: string; timer_id: string; due_at: string; lease_until: Date }[] | undefined;
    let now = START;
    for (let step = 1; step <= STEPS; step++) {
      now = START + step * STEP_MS;
      if (step >= 3 && w2.alive) {
        // Kill w2 while it holds leases on timers it has not fired. Its clock moves first, so
        // only it can claim what falls due in this step; it reports once it holds leases and
        // then waits, so the kill lands between claim and fire whatever the machine's load.
        await w2.call({ kind: 'clock', at: at(now) });
        const held = (await w2.call({ kind: 'hold' })) as number;
        if (held > 0) {
          w2.child.kill('SIGKILL');
          await w2.exited;
          // w2 ran nothing after its claim committed, so what it leased is exactly what is left.
          const leased = await db.query(
            `SELECT case_id, timer_id, due_at, lease_until FROM "${schema}".timers WHERE lease_owner = 'w2'`,
          );
          orphans = leased.rows;
          expect(orphans.length, 'the leases w2 reported').toBe(held);
        }
      }
      await Promise.all(alive().map((w) => w.call({ kind: 'clock', at: at(now) })));

      // A burst of commands on a quarter of the cases; one in ten goes to two workers at once.
      const burst = Array.from({ length: CASES / 4 }, () => ids[Math.floor(rand() * ids.length)] as string);
      await pooled(burst, IN_FLIGHT, async (caseId) => {
        const copies = rand() < 0.1 ? 2 : 1;
        await Promise.all(
          Array.from({ length: copies }, () => {
            const planned = nextCommand(status.get(caseId), rand() < 0.25);
            const commandId = `cmd-${++commandCount}`;
            return deliver(commandId, caseId, (w) =>
              w.command({ kind: 'send', caseId, command: planned.command, actor: planned.actor, commandId }),
            );
          }),
        );
      });
    }
    expect(w2.alive, 'w2 was killed').toBe(false);
    expect(orphans?.length, 'w2 died holding leases').toBeGreaterThan(0);

    // Drain: the survivors fire everything due; leases of timers whose commit lost a race lapse after LEASE_MS.
    let remaining = -1;
    for (let round = 0; round < 10 && remaining !== 0; round++) {
      if (round > 0) {
        now += LEASE_MS + 1;
        await Promise.all(alive().map((w) => w.call({ kind: 'clock', at: at(now) })));
      }
      await Promise.all(alive().map((w) => w.call({ kind: 'drain' })));
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM "${schema}".timers WHERE due <= $1`, [at(now)]);
      remaining = rows[0]?.n ?? -1;
    }
    expect(remaining, 'timers still due after draining').toBe(0);
    expect([...w1.engineErrors, ...w3.engineErrors]).toEqual([]);
    for (const w of alive()) await w.call({ kind: 'stop' });

    // Everything the database holds, read back through the store.
    const store = createPostgresStore({ connectionString: url, schema, poolSize: 4 });
    const histories = new Map<string, AuditEntry[]>();
    try {
      const views = [];
      for await (const view of store.allViews()) views.push(view);
      expect(views.length).toBeGreaterThanOrEqual(CASES);
      await pooled(views, 8, async (view) => {
        const history = await store.history(view.id);
        histories.set(view.id, history);
        expect(verifyAuditChain(history), view.id).toEqual({ ok: true, length: view.version });
      });
    } finally {
      await store.close();
    }

    // Exactly once: no (case, timer, dueAt) fired twice.
    const fired = new Map<string, AuditEntry>();
    for (const [caseId, history] of histories) {
      for (const entry of history) {
        if (!entry.firedTimer) continue;
        const key = `${caseId}/${entry.firedTimer.timerId}/${entry.firedTimer.dueAt}`;
        expect(fired.has(key), `${key} fired twice`).toBe(false);
        fired.set(key, entry);
      }
    }
    expect(fired.size).toBeGreaterThan(CASES / 4);

    // No lost update: each acknowledged command is in its case's history once; an unanswered one at most once.
    const committed = new Map<string, number>();
    for (const history of histories.values()) {
      for (const entry of history) {
        if (entry.commandId) committed.set(entry.commandId, (committed.get(entry.commandId) ?? 0) + 1);
      }
    }
    for (const [commandId, caseId] of acknowledged) {
      expect(committed.get(commandId), `${commandId} on ${caseId}`).toBe(1);
      expect(histories.get(caseId)?.some((e) => e.commandId === commandId)).toBe(true);
    }
    for (const commandId of unknown.keys()) expect(committed.get(commandId) ?? 0).toBeLessThanOrEqual(1);
    expect(acknowledged.size).toBeGreaterThan(CASES + (STEPS * CASES) / 16); // the bursts really ran
    expect(conflicts).toBeGreaterThan(0);

    // The dead worker's timers: fired by a survivor no earlier than the lease ran out, or cancelled by a later command.
    let firedAfterLease = 0;
    for (const orphan of orphans ?? []) {
      const entry = fired.get(`${orphan.case_id}/${orphan.timer_id}/${orphan.due_at}`);
      if (entry?.firedTimer) {
        const firedAt = Date.parse(entry.firedTimer.dueAt) + entry.firedTimer.lateByMs;
        expect(firedAt).toBeGreaterThanOrEqual(orphan.lease_until.getTime());
        firedAfterLease++;
      }
    }
    expect(firedAfterLease).toBeGreaterThan(0);
  }, 180_000);
});
