import { createMemoryStore, type HazardStore } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { advanceClock, notice, people, reportInput, testEngine } from './support';

/**
 * A memory store that counts `claimDueTimers` calls and passes running at once, can hold a
 * call until the test releases it, and refuses claims once closed.
 */
function instrumentedStore() {
  const base = createMemoryStore();
  const stats = { claims: 0, running: 0, maxRunning: 0, afterClose: 0 };
  let closed = false;
  let gate: Promise<void> | undefined;
  let release: () => void = () => undefined;
  const store: HazardStore = {
    ...base,
    async claimDueTimers(...args) {
      stats.claims++;
      if (closed) stats.afterClose++;
      stats.running++;
      stats.maxRunning = Math.max(stats.maxRunning, stats.running);
      try {
        if (gate) await gate;
        if (closed) throw new Error('store is closed');
        return await base.claimDueTimers(...args);
      } finally {
        stats.running--;
      }
    },
    async close() {
      closed = true;
      await base.close();
    },
  };
  return {
    store,
    stats,
    /** Holds every claim from now until `open()`. */
    hold() {
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    open() {
      gate = undefined;
      release();
    },
  };
}

describe('engine poller', () => {
  it('runs one pass every pollMs', async () => {
    const { store, stats } = instrumentedStore();
    const { engine, clock } = testEngine(store);
    engine.start({ pollMs: 100 });
    await advanceClock(clock, 0);
    expect(stats.claims).toBe(1);
    await advanceClock(clock, 1_000);
    expect(stats.claims).toBe(11);
    await engine.stop();
  });

  it('stop() then start() while a pass runs leaves one polling loop', async () => {
    const gated = instrumentedStore();
    const { store, stats } = gated;
    const { engine, clock } = testEngine(store);
    gated.hold();
    engine.start({ pollMs: 100 });
    await advanceClock(clock, 0);
    expect(stats.running).toBe(1); // the first pass is inside claimDueTimers

    void engine.stop();
    engine.start({ pollMs: 100 });
    await advanceClock(clock, 500);
    expect(stats.claims).toBe(1); // the new loop waits for the old pass rather than run beside it

    gated.open();
    await advanceClock(clock, 0);
    expect(stats.claims).toBe(2);
    await advanceClock(clock, 1_000);
    expect(stats.claims).toBe(12); // one loop: one pass per 100 ms
    expect(stats.maxRunning).toBe(1);

    await engine.stop();
    const claims = stats.claims;
    await advanceClock(clock, 10_000);
    expect(stats.claims).toBe(claims);
  });

  it('stop() resolves once the running pass has finished, and no pass starts after it', async () => {
    const gated = instrumentedStore();
    const { store, stats } = gated;
    const { engine, clock } = testEngine(store);
    const errors: unknown[] = [];
    engine.on('error', (error) => errors.push(error));
    gated.hold();
    engine.start({ pollMs: 100 });
    await advanceClock(clock, 0);
    expect(stats.running).toBe(1);

    let stopped = false;
    const stopping = engine.stop();
    expect(stopping).toBeInstanceOf(Promise);
    void stopping.then(() => {
      stopped = true;
    });
    await advanceClock(clock, 1_000);
    expect(stopped).toBe(false); // the pass is still inside claimDueTimers

    gated.open();
    await stopping;
    expect(stats.running).toBe(0);
    await store.close();
    await advanceClock(clock, 10_000);
    expect(stats.claims).toBe(1);
    expect(stats.afterClose).toBe(0);
    expect(errors).toEqual([]);
  });

  it('stop() and close() after a restart during a pass never reach the closed store', async () => {
    const gated = instrumentedStore();
    const { store, stats } = gated;
    const { engine, clock } = testEngine(store);
    const errors: unknown[] = [];
    engine.on('error', (error) => errors.push(error));
    gated.hold();
    engine.start({ pollMs: 100 });
    await advanceClock(clock, 0);
    void engine.stop();
    engine.start({ pollMs: 100 });
    gated.open();
    await advanceClock(clock, 250);

    await engine.stop();
    await store.close();
    await advanceClock(clock, 10_000);
    expect(stats.afterClose).toBe(0);
    expect(errors).toEqual([]);
  });

  it('stop() without a poller, or twice, resolves at once', async () => {
    const { engine, clock } = testEngine();
    await expect(engine.stop()).resolves.toBeUndefined();
    engine.start({ pollMs: 100 });
    await advanceClock(clock, 0);
    await engine.stop();
    await expect(engine.stop()).resolves.toBeUndefined();
  });

  it('fires due timers on the engine clock and keeps polling after a failing pass', async () => {
    const gated = instrumentedStore();
    const { store } = gated;
    let failNext = true;
    const failing: HazardStore = {
      ...store,
      async claimDueTimers(...args) {
        if (failNext) {
          failNext = false;
          throw new Error('store down');
        }
        return store.claimDueTimers(...args);
      },
    };
    const { engine, clock } = testEngine(failing);
    const errors: unknown[] = [];
    const fired: string[] = [];
    engine.on('error', (error) => errors.push(error));
    engine.on('timer.fired', (f) => fired.push(f.timerId));
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    await engine.send(reported.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    await engine.send(reported.case.id, notice, { actor: people.inspector });
    clock.set('2026-12-31T00:00:00.000Z');

    engine.start({ pollMs: 100 });
    await advanceClock(clock, 0);
    expect(errors.map(String)).toEqual(['Error: store down']);
    expect(fired).toEqual([]);
    await advanceClock(clock, 100);
    expect(fired.length).toBeGreaterThan(0);
    await engine.stop();
  });
});
