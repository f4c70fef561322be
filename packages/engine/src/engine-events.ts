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

/** A listener of one engine event: its parameters are typed by the event's name. */
export type EngineListener<K extends keyof EngineEvents> = (...args: EngineEvents[K]) => unknown;

/**
 * The typed subscription side of the engine, declared here rather than inherited from
 * eventemitter3: the declarations a consumer compiles then name no third-party type, so
 * `engine.on('notification', (n, view) => …)` is typed under every module resolution
 * (eventemitter3's own types, ESM-style in a CommonJS package, are not a constructor under
 * `NodeNext`/`Node16` with `skipLibCheck: false`).
 */
export interface EngineEventSource {
  /** Adds `listener`; it is called with `context` as `this` when given. */
  on<K extends keyof EngineEvents>(event: K, listener: EngineListener<K>, context?: unknown): this;
  /** Adds `listener` for the next `event` only. */
  once<K extends keyof EngineEvents>(event: K, listener: EngineListener<K>, context?: unknown): this;
  /** Removes `listener` (added with `on` or `once`), or every listener of `event` without one. */
  off<K extends keyof EngineEvents>(event: K, listener?: EngineListener<K>, context?: unknown, once?: boolean): this;
}

/**
 * A wrapper `once` or a contextual `on` registers in place of the caller's listener; it
 * remembers the original (and its context) so `off(event, original, context)` finds it.
 */
interface ListenerWrapper {
  (...args: unknown[]): unknown;
  listener: (...args: never[]) => unknown;
  context: unknown;
  once: boolean;
}

function isWrapper(fn: unknown): fn is ListenerWrapper {
  return typeof fn === 'function' && 'listener' in fn;
}

type AnyListener = (...args: unknown[]) => unknown;

/**
 * The engine's emitter. eventemitter3 keeps the listener lists underneath (a small, fast,
 * well-kept library); it is a private field, so no declaration names it. `emit` isolates
 * listeners: one that throws, or returns a promise that rejects, does not stop the others or
 * the command that caused the event; its error surfaces as an `error` event. An `error`
 * listener that fails is ignored, never re-emitted, so a failing `error` listener cannot loop.
 */
export class EngineEmitter implements EngineEventSource {
  readonly #listeners = new EventEmitter();

  on<K extends keyof EngineEvents>(event: K, listener: EngineListener<K>, context?: unknown): this {
    this.#listeners.on(event, context === undefined ? listener : this.#wrap(listener, context, false));
    return this;
  }

  /** `once` as a self-removing wrapper, so the isolating `emit` below also handles it. */
  once<K extends keyof EngineEvents>(event: K, listener: EngineListener<K>, context?: unknown): this {
    const wrapper = this.#wrap(listener, context ?? this, true);
    const selfRemoving = Object.assign(
      (...args: unknown[]) => {
        this.#listeners.removeListener(event, selfRemoving);
        return wrapper(...args);
      },
      { listener: wrapper.listener, context: wrapper.context, once: true },
    );
    this.#listeners.on(event, selfRemoving);
    return this;
  }

  /**
   * Removes `listener`'s registrations (with `on` and `once`): only those added with
   * `context`, when given, and only `once` ones when `once` is true. Without a listener,
   * removes every listener of `event`.
   */
  removeListener<K extends keyof EngineEvents>(
    event: K,
    listener?: EngineListener<K>,
    context?: unknown,
    once?: boolean,
  ): this {
    if (!listener) {
      this.#listeners.removeAllListeners(event);
      return this;
    }
    for (const registered of this.#listeners.listeners(event) as AnyListener[]) {
      const matches = isWrapper(registered)
        ? registered.listener === listener &&
          (context === undefined || registered.context === context) &&
          (!once || registered.once)
        : registered === listener && context === undefined && !once;
      if (matches) this.#listeners.removeListener(event, registered);
    }
    return this;
  }

  off<K extends keyof EngineEvents>(event: K, listener?: EngineListener<K>, context?: unknown, once?: boolean): this {
    return this.removeListener(event, listener, context, once);
  }

  removeAllListeners(event?: keyof EngineEvents): this {
    this.#listeners.removeAllListeners(event);
    return this;
  }

  /** The listeners of `event` as registered (a `once` or contextual listener as its wrapper). */
  listeners<K extends keyof EngineEvents>(event: K): EngineListener<K>[] {
    return this.#listeners.listeners(event) as EngineListener<K>[];
  }

  listenerCount(event: keyof EngineEvents): number {
    return this.#listeners.listenerCount(event);
  }

  eventNames(): (keyof EngineEvents)[] {
    return this.#listeners.eventNames() as (keyof EngineEvents)[];
  }

  emit<K extends keyof EngineEvents>(event: K, ...args: EngineEvents[K]): boolean {
    const listeners = this.#listeners.listeners(event) as AnyListener[];
    if (listeners.length === 0) return false;
    for (const listener of listeners) {
      try {
        const result = listener(...args);
        // Not awaited: the command does not wait for an async listener, only its failure is kept.
        if (isThenable(result)) result.then(undefined, (error: unknown) => this.#listenerFailed(event, error));
      } catch (error) {
        this.#listenerFailed(event, error);
      }
    }
    return true;
  }

  #wrap(listener: (...args: never[]) => unknown, context: unknown, once: boolean): ListenerWrapper {
    const call = (listener as AnyListener).bind(context);
    return Object.assign((...args: unknown[]) => call(...args), { listener, context, once });
  }

  #listenerFailed(event: keyof EngineEvents, error: unknown): void {
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
