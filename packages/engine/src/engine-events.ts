import type { Actor, HazardNotification, Status } from '@hazardflow/core';
import EventEmitter from 'eventemitter3';
import type { CaseView } from './case-view';

/** A committed change of a case, as listeners see it. */
export interface CaseChange {
  case: CaseView;
  command: string;
  actor: Actor;
  from: Status | null;
  to: Status;
  at: string;
}

/**
 * What the engine tells the application, after each commit (never before: a listener
 * never sees a change that could still be rolled back).
 */
export interface EngineEvents {
  'case.reported': [change: CaseChange];
  'case.transitioned': [change: CaseChange];
  /** 预警: a deadline is near. */
  'case.warned': [notification: HazardNotification, view: CaseView];
  'case.overdue': [notification: HazardNotification, view: CaseView];
  'case.escalated': [notification: HazardNotification, view: CaseView];
  'case.closed': [change: CaseChange];
  /** Whom to tell: roles and the orgs they mean for this case; the app maps them to people. */
  notification: [notification: HazardNotification, view: CaseView];
  'timer.fired': [fired: { caseId: string; timerId: string; dueAt: string; lateByMs: number }];
  /** A listener threw, or the poller failed; commands are never broken by either. */
  error: [error: unknown];
}

/**
 * A wrapper `once` registers in place of the caller's listener; it remembers the original
 * (and its context) so `off(event, original)` finds it, as eventemitter3's own `once` does.
 */
interface OnceWrapper {
  (...args: unknown[]): void;
  listener: (...args: never[]) => unknown;
  context: unknown;
}

function isOnceWrapper(fn: unknown): fn is OnceWrapper {
  return typeof fn === 'function' && 'listener' in fn;
}

/**
 * An eventemitter3 emitter whose `emit` isolates listeners: one that throws, or returns a
 * promise that rejects, does not stop the others or the command that caused the event; its
 * error surfaces as an `error` event. An `error` listener that fails is ignored, never
 * re-emitted, so a failing `error` listener cannot loop.
 * @internal not exported from the package entry; the engine's own.
 */
export class EngineEmitter extends EventEmitter<EngineEvents> {
  override emit<K extends keyof EngineEvents>(event: K, ...args: EngineEvents[K]): boolean {
    const listeners = this.listeners(event) as ((...a: unknown[]) => unknown)[];
    if (listeners.length === 0) return false;
    for (const listener of listeners) {
      try {
        const result = listener(...args);
        // Not awaited: the command does not wait for an async listener, only its failure is kept.
        if (isThenable(result)) result.then(undefined, (error: unknown) => this.listenerFailed(event, error));
      } catch (error) {
        this.listenerFailed(event, error);
      }
    }
    return true;
  }

  /** `once` through `on`, so the isolating `emit` above also removes one-shot listeners. */
  override once<K extends keyof EngineEvents>(
    event: K,
    listener: (...args: EngineEvents[K]) => void,
    context?: unknown,
  ): this {
    const once = ((...args: EngineEvents[K]) => {
      super.removeListener(event, once as never);
      return listener.apply(context ?? this, args);
    }) as OnceWrapper;
    once.listener = listener as OnceWrapper['listener'];
    once.context = context ?? this;
    return this.on(event, once as never);
  }

  /** Also removes listeners added with `once`, which are registered as their wrappers. */
  override removeListener<K extends keyof EngineEvents>(
    event: K,
    listener?: (...args: EngineEvents[K]) => void,
    context?: unknown,
    once?: boolean,
  ): this {
    if (listener) {
      for (const registered of this.listeners(event)) {
        if (
          isOnceWrapper(registered) &&
          registered.listener === listener &&
          (!context || registered.context === context)
        ) {
          super.removeListener(event, registered as never);
        }
      }
    }
    return super.removeListener(event, listener as never, context, once);
  }

  override off<K extends keyof EngineEvents>(
    event: K,
    listener?: (...args: EngineEvents[K]) => void,
    context?: unknown,
    once?: boolean,
  ): this {
    return this.removeListener(event, listener, context, once);
  }

  private listenerFailed(event: keyof EngineEvents, error: unknown): void {
    if (event === 'error') return;
    this.emit('error', error);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
