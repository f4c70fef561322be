import { afterEach, describe, expect, it } from 'vitest';
import { EngineEmitter } from '../src/engine-events';
import { people, reportInput, testEngine } from './support';

/** Lets pending promise callbacks and Node's unhandled-rejection check run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Collects unhandled rejections while a test runs. */
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  unhandled.length = 0;
});
function watchUnhandled() {
  process.on('unhandledRejection', onUnhandled);
}

describe('engine events: isolated listeners', () => {
  it('an async listener that rejects surfaces as an error event, not an unhandled rejection', async () => {
    watchUnhandled();
    const { engine } = testEngine();
    const errors: unknown[] = [];
    const reported: string[] = [];
    engine.on('error', (error) => errors.push(error));
    engine.on('case.reported', async () => {
      throw new Error('async listener boom');
    });
    engine.on('case.reported', (change) => reported.push(change.case.id));

    const result = await engine.report(reportInput(), { actor: people.gridWorker });
    await settle();

    expect(result.ok).toBe(true);
    expect(reported).toHaveLength(1);
    expect(errors.map(String)).toEqual(['Error: async listener boom']);
    expect(unhandled).toEqual([]);
  });

  it('a command does not wait for an async listener', async () => {
    const { engine } = testEngine();
    engine.on('case.reported', () => new Promise<void>(() => undefined)); // never settles
    const result = await engine.report(reportInput(), { actor: people.gridWorker });
    expect(result.ok).toBe(true);
  });

  it('a listener that throws synchronously surfaces as an error event', async () => {
    const { engine } = testEngine();
    const errors: unknown[] = [];
    engine.on('error', (error) => errors.push(error));
    engine.on('case.reported', () => {
      throw new Error('listener boom');
    });
    const result = await engine.report(reportInput(), { actor: people.gridWorker });
    expect(result.ok).toBe(true);
    expect(errors.map(String)).toEqual(['Error: listener boom']);
  });

  it('an error listener that throws or rejects neither loops nor escapes, and the others still run', async () => {
    watchUnhandled();
    const emitter = new EngineEmitter();
    let syncCalls = 0;
    let asyncCalls = 0;
    const seen: unknown[] = [];
    emitter.on('error', () => {
      syncCalls++;
      throw new Error('error listener boom');
    });
    emitter.on('error', async () => {
      asyncCalls++;
      throw new Error('async error listener boom');
    });
    emitter.on('error', (error) => seen.push(error));
    emitter.on('notification', async () => {
      throw new Error('listener boom');
    });

    expect(() => emitter.emit('error', new Error('first'))).not.toThrow();
    await settle();
    expect([syncCalls, asyncCalls]).toEqual([1, 1]);

    emitter.emit('notification', {} as never, {} as never);
    await settle();
    expect([syncCalls, asyncCalls]).toEqual([2, 2]);
    expect(seen.map(String)).toEqual(['Error: first', 'Error: listener boom']);
    expect(unhandled).toEqual([]);
  });
});

describe('engine events: once and off', () => {
  it('off removes a listener added with once', async () => {
    const { engine } = testEngine();
    let calls = 0;
    const listener = () => {
      calls++;
    };
    engine.once('case.reported', listener);
    engine.off('case.reported', listener);
    await engine.report(reportInput(), { actor: people.gridWorker });
    expect(calls).toBe(0);
  });

  it('a once listener runs once, and off of it after it ran is harmless', async () => {
    const { engine } = testEngine();
    const ids: string[] = [];
    const listener = (change: { case: { id: string } }) => {
      ids.push(change.case.id);
    };
    engine.once('case.reported', listener);
    const first = await engine.report(reportInput(), { actor: people.gridWorker });
    await engine.report(reportInput(), { actor: people.gridWorker });
    engine.off('case.reported', listener);
    if (!first.ok) throw new Error(first.error.message);
    expect(ids).toEqual([first.case.id]);
  });

  it('off honours the context a once listener was added with, like eventemitter3', () => {
    const emitter = new EngineEmitter();
    const contexts: unknown[] = [];
    const listener = function (this: unknown) {
      contexts.push(this);
    };
    const a = { name: 'a' };
    const b = { name: 'b' };
    emitter.once('error', listener, a);
    emitter.once('error', listener, b);
    emitter.off('error', listener, a);
    emitter.emit('error', new Error('x'));
    expect(contexts).toEqual([b]);
    expect(emitter.listenerCount('error')).toBe(0);
  });

  it('off of a listener removes its on and once registrations, and leaves other listeners', () => {
    const emitter = new EngineEmitter();
    let removed = 0;
    let kept = 0;
    const listener = () => {
      removed++;
    };
    emitter.on('error', listener);
    emitter.once('error', listener);
    emitter.once('error', () => {
      kept++;
    });
    emitter.removeListener('error', listener);
    emitter.emit('error', new Error('x'));
    expect([removed, kept]).toEqual([0, 1]);
  });
});
