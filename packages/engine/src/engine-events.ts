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
 * An eventemitter3 emitter whose `emit` isolates listeners: one that throws does not stop
 * the others or the command that caused the event; its error surfaces as an `error` event.
 */
export class EngineEmitter extends EventEmitter<EngineEvents> {
  override emit<K extends keyof EngineEvents>(event: K, ...args: EngineEvents[K]): boolean {
    const listeners = this.listeners(event) as ((...a: unknown[]) => void)[];
    if (listeners.length === 0) return false;
    for (const listener of listeners) {
      try {
        listener(...args);
      } catch (error) {
        if (event === 'error') continue;
        this.emit('error', error);
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
    const once = (...args: EngineEvents[K]) => {
      this.off(event, once as never);
      listener.apply(context, args);
    };
    return this.on(event, once as never);
  }
}
