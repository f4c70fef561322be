import { isDeepStrictEqual } from 'node:util';
import {
  type Actor,
  type BusinessCalendar,
  defaultCalendarFor,
  type HazardCommand,
  type HazardNotification,
  type PolicyPack,
  type Recipient,
  type Status,
} from '@hazardflow/core';
import {
  type CaseView,
  type Commit,
  createEngine,
  createManualClock,
  createMemoryStore,
  type HazardStore,
  travel,
  travelTarget,
} from '@hazardflow/engine';
import { resolveActor } from './load-scenario';
import type { AdvanceBy, Expectation, Scenario } from './scenario-schema';

/** A notification as the timeline shows it. */
export interface TimelineNotification {
  readonly reason: string;
  readonly level: number;
  readonly recipients: readonly Recipient[];
  readonly message: string;
}

/** One committed change of the case: a command (or the report) or a timer that fired. */
export interface ChangeEntry {
  readonly kind: 'change';
  /** The step that caused it: 0 is the report, n is `steps[n - 1]`. */
  readonly step: number;
  readonly at: string;
  readonly command: string;
  readonly actor: Actor;
  readonly timer: boolean;
  readonly status: Status;
  readonly dueAt: string | null;
  readonly escalationLevel: number;
  readonly overdue: boolean;
  readonly paused: boolean;
  readonly notifications: TimelineNotification[];
}

export interface AdvanceEntry {
  readonly kind: 'advance';
  readonly step: number;
  readonly from: string;
  readonly to: string;
  readonly by: AdvanceBy;
}

export interface ExpectationCheck {
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly ok: boolean;
}

export interface ExpectEntry {
  readonly kind: 'expect';
  readonly step: number;
  readonly at: string;
  readonly ok: boolean;
  readonly checks: ExpectationCheck[];
  readonly note?: string;
}

/** A command the engine refused; `expected` when the scenario said it would be (`expectError`). */
export interface RejectedEntry {
  readonly kind: 'rejected';
  readonly step: number;
  readonly at: string;
  readonly command: string;
  readonly actor: Actor;
  readonly code: string;
  readonly message: string;
  readonly expected: boolean;
}

export type TimelineEntry = ChangeEntry | AdvanceEntry | ExpectEntry | RejectedEntry;

export interface SimulationResult {
  readonly ok: boolean;
  readonly caseId: string | null;
  readonly pack: { readonly id: string; readonly version: string; readonly timeZone: string };
  readonly entries: TimelineEntry[];
  /** Why the run failed, one line each, naming the step. */
  readonly failures: string[];
}

/** More timer firings than any real story needs means a pack that re-arms timers forever. */
const MAX_TIMER_FIRINGS = 10_000;

/**
 * Runs a scenario on the engine with a memory store and a manual clock. Advancing the clock
 * is the engine's `travel`: it steps to each due timer in turn, so
 * every warning, escalation and reminder fires at its own instant, in order. Every commit is
 * recorded with the case view it produced and the notifications it sent.
 *
 * Stops at the first rejected command (unless the step expected that rejection); a failed
 * expectation is recorded and the story goes on.
 */
export async function runScenario(pack: PolicyPack, scenario: Scenario): Promise<SimulationResult> {
  const clock = createManualClock(scenario.start);
  const calendar: BusinessCalendar = defaultCalendarFor(pack.timeZone);
  const entries: TimelineEntry[] = [];
  const failures: string[] = [];
  let step = 0;
  const store = recordingStore(createMemoryStore(), (commit) => {
    const { view } = commit.record;
    entries.push({
      kind: 'change',
      step,
      at: commit.audit.at,
      command: commit.audit.command,
      actor: commit.audit.actor,
      timer: commit.firedTimer !== undefined,
      status: view.status,
      dueAt: view.dueAt,
      escalationLevel: view.escalationLevel,
      overdue: view.overdue,
      paused: view.paused,
      notifications: [],
    });
  });
  const engine = createEngine({ packs: [pack], store, clock, calendar });
  let notifiedSinceExpect = new Set<string>();
  engine.on('notification', (notification: HazardNotification) => {
    notifiedSinceExpect.add(notification.reason);
    const last = entries.at(-1);
    if (last?.kind !== 'change') return;
    last.notifications.push({
      reason: notification.reason,
      level: notification.level,
      recipients: notification.recipients,
      message: notification.message,
    });
  });
  const result = (caseId: string | null): SimulationResult => ({
    ok: failures.length === 0,
    caseId,
    pack: { id: pack.id, version: pack.version, timeZone: pack.timeZone },
    entries,
    failures,
  });

  const reporter = resolveActor(scenario, scenario.report.as);
  const now = () => clock.now().toISOString();
  const hazard = completeEvidence({ packId: pack.id, ...scenario.report.hazard }, reporter, now());
  const reported = await engine.report(hazard as never, { actor: reporter });
  if (!reported.ok) {
    entries.push(rejected(0, now(), 'REPORT', reporter, reported.error, false));
    failures.push(`report: rejected with ${reported.error.code}: ${reported.error.message}`);
    return result(null);
  }
  const caseId = reported.case.id;

  for (const [index, current] of scenario.steps.entries()) {
    step = index + 1;
    const label = `steps[${index}]`;
    if ('send' in current) {
      const actor = resolveActor(scenario, current.as);
      const command = completeEvidence(current.send, actor, now());
      const sent = await engine.send(caseId, command as HazardCommand, { actor });
      const type = String(current.send.type);
      if (sent.ok && current.expectError !== undefined) {
        failures.push(`${label}: ${type} by ${actor.id} was accepted, but the scenario expects ${current.expectError}`);
        entries.push({
          kind: 'expect',
          step,
          at: now(),
          ok: false,
          checks: [{ field: 'rejection', expected: current.expectError, actual: 'accepted', ok: false }],
        });
        return result(caseId);
      }
      if (!sent.ok) {
        const expected = current.expectError === sent.error.code;
        entries.push(rejected(step, now(), type, actor, sent.error, expected));
        if (!expected) {
          const wanted = current.expectError ? ` (expected ${current.expectError})` : '';
          failures.push(
            `${label}: ${type} by ${actor.id} rejected with ${sent.error.code}${wanted}: ${sent.error.message}`,
          );
          return result(caseId);
        }
      }
    } else if ('advance' in current) {
      const from = clock.now();
      const to = advanceTarget(from, current.advance, calendar);
      entries.push({ kind: 'advance', step, from: from.toISOString(), to: to.toISOString(), by: current.advance });
      await travel(engine, clock, { to }, { maxFirings: MAX_TIMER_FIRINGS });
    } else {
      const view = (await engine.get(caseId)) as CaseView;
      const checks = checkExpectation(current.expect, view, notifiedSinceExpect);
      const ok = checks.every((check) => check.ok);
      entries.push({ kind: 'expect', step, at: now(), ok, checks, ...(current.note ? { note: current.note } : {}) });
      for (const check of checks.filter((c) => !c.ok)) {
        failures.push(`${label}: expected ${check.field} ${show(check.expected)}, but it is ${show(check.actual)}`);
      }
      notifiedSinceExpect = new Set();
    }
  }
  return result(caseId);
}

/**
 * Where an `advance` step moves the clock from `from`. `workingDays` is counted as the engine's
 * `travel` and the testing kit count it: like a pack deadline, to the end of the working day it
 * lands on, on the pack's business calendar.
 */
export function advanceTarget(from: Date, by: AdvanceBy, calendar: BusinessCalendar): Date {
  if (by.to !== undefined) return new Date(by.to);
  if (by.workingDays !== undefined) return travelTarget(from, { by: { workingDays: by.workingDays } }, calendar);
  const ms = (by.days ?? 0) * 86_400_000 + (by.hours ?? 0) * 3_600_000 + (by.minutes ?? 0) * 60_000;
  return new Date(from.getTime() + ms);
}

function checkExpectation(expectation: Expectation, view: CaseView, notified: ReadonlySet<string>): ExpectationCheck[] {
  return Object.entries(expectation).map(([field, expected]) => {
    if (field === 'notified') {
      const wanted = expected as string[];
      const missing = wanted.filter((reason) => !notified.has(reason));
      return { field, expected: wanted, actual: [...notified], ok: missing.length === 0 };
    }
    const actual = view[field as keyof CaseView];
    if (field === 'dueAt') {
      const same =
        expected === null
          ? actual === null
          : actual !== null && Date.parse(expected as string) === Date.parse(actual as string);
      return { field, expected, actual, ok: same };
    }
    if (field === 'interimControls') {
      const sorted = (value: unknown) => [...(value as string[])].sort();
      return { field, expected, actual, ok: isDeepStrictEqual(sorted(expected), sorted(actual)) };
    }
    return { field, expected, actual, ok: isDeepStrictEqual(expected, actual) };
  });
}

/** Fills `by`, `at` and `uri` of evidence items the scenario left out. */
function completeEvidence<T extends Record<string, unknown>>(payload: T, actor: Actor, at: string): T {
  if (!Array.isArray(payload.evidence)) return payload;
  const evidence = payload.evidence.map((item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const ref = item as Record<string, unknown>;
    return { uri: `scenario:${String(ref.kind)}`, by: actor.id, at, ...ref };
  });
  return { ...payload, evidence };
}

function rejected(
  step: number,
  at: string,
  command: string,
  actor: Actor,
  error: { code: string; message: string },
  expected: boolean,
): RejectedEntry {
  return { kind: 'rejected', step, at, command, actor, code: error.code, message: error.message, expected };
}

/** A store that tells `onCommit` about every commit after it succeeded. */
function recordingStore(inner: HazardStore, onCommit: (commit: Commit) => void): HazardStore {
  const store: HazardStore = {
    async commit(commit) {
      await inner.commit(commit);
      onCommit(commit);
    },
    getCase: (id) => inner.getCase(id),
    query: (filter, page) => inner.query(filter, page),
    history: (caseId) => inner.history(caseId),
    getIdempotentResult: (key) => inner.getIdempotentResult(key),
    claimDueTimers: (now, options) => inner.claimDueTimers(now, options),
    releaseTimer: (caseId, timerId, owner) => inner.releaseTimer(caseId, timerId, owner),
    timersOf: (caseId) => inner.timersOf(caseId),
    nextTimerDueAt: () => inner.nextTimerDueAt(),
    close: () => inner.close(),
  };
  return store;
}

function show(value: unknown): string {
  return JSON.stringify(value);
}
