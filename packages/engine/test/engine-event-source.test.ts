import type { HazardNotification } from '@hazardflow/core';
import type { CaseView, Engine, EngineEventSource } from '@hazardflow/engine';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { EngineEmitter } from '../src/engine-events';
import { testEngine } from './support';

describe('engine events: the typed event source', () => {
  it("types a listener's parameters by the event's name", () => {
    const { engine } = testEngine();
    expectTypeOf<Engine>().toExtend<EngineEventSource>();
    engine.on('notification', (n, view) => {
      expectTypeOf(n).toEqualTypeOf<HazardNotification>();
      expectTypeOf(view).toEqualTypeOf<CaseView>();
    });
    engine.on('timer.fired', (fired) => {
      expectTypeOf(fired.lateByMs).toEqualTypeOf<number>();
    });
    // @ts-expect-error: no such event
    engine.on('notifications', () => undefined);
    expectTypeOf<EngineEmitter>().toExtend<EngineEventSource>();
  });

  it('calls a listener added with a context with that context, and off with the context removes it', () => {
    const emitter = new EngineEmitter();
    const contexts: unknown[] = [];
    const listener = function (this: unknown) {
      contexts.push(this);
    };
    const a = { name: 'a' };
    emitter.on('error', listener, a);
    emitter.on('error', listener);
    emitter.emit('error', new Error('x'));
    expect(contexts).toEqual([a, undefined]);
    emitter.off('error', listener, a);
    expect(emitter.listenerCount('error')).toBe(1);
    emitter.off('error', listener);
    expect(emitter.eventNames()).toEqual([]);
  });
});
