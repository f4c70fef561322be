import {
  type BusinessCalendar,
  type Duration,
  defaultCalendarFor,
  type HazardNotification,
  type PolicyPack,
  type Status,
} from '@hazardflow/core';
import {
  type CaseView,
  createEngine,
  createManualClock,
  type Engine,
  type HazardStore,
  type ManualClock,
  travel,
} from '@hazardflow/engine';

export interface TestEngineOptions {
  packs: readonly PolicyPack[];
  /** Where the manual clock starts (ISO instant or Date). */
  start: string | Date;
  /** Defaults to a fresh memory store; pass a durable store to test an adapter with real stories. */
  store?: HazardStore;
  /** Working-day calendar for the engine and for `advance`; default: the first pack's. */
  calendar?: BusinessCalendar;
}

/** A mark in the notification log (`mark()`), to read what was sent after it. */
export type NotificationMark = number;

/** The engine's own API plus the clock, time travel and short reads a test needs. */
export type TestEngine = Engine & {
  readonly clock: ManualClock;
  /** The calendar `advance` counts working days on. */
  readonly calendar: BusinessCalendar;
  /** Every notification emitted so far, in order. */
  readonly notifications: readonly HazardNotification[];
  /**
   * Moves time on by a pack-style duration from now: `{ hours }` and `{ minutes }` exactly,
   * `{ workingDays }` and `{ days }` as the calendar counts a deadline (to the end of the day
   * it lands on).
   * Fires every timer falling due on the way, in due order, at its own instant. Returns how
   * many timers fired; rejects if the engine reported an error while doing so.
   */
  advance(duration: Duration): Promise<number>;
  /** `advance` to an instant; an instant in the past is an error (time never runs back). */
  advanceTo(instant: string | Date): Promise<number>;
  /** The clock's current instant, ISO. */
  now(): string;
  view(caseId: string): Promise<CaseView>;
  status(caseId: string): Promise<Status>;
  dueAt(caseId: string): Promise<string | null>;
  escalationLevel(caseId: string): Promise<number>;
  /** A mark in the notification log. */
  mark(): NotificationMark;
  /** Notifications emitted after `mark` (optionally only one case's). */
  notificationsSince(mark: NotificationMark, caseId?: string): HazardNotification[];
};

/**
 * A real engine (`createEngine`) on a manual clock, for stories told in days rather than
 * milliseconds. Time moves only when the test says so, and moving it fires the durable
 * timers in the order a running engine would: each at its due instant, so timers that a
 * fired timer sets (the next level of the ladder, a reminder) fire on the way too.
 */
export function createTestEngine(options: TestEngineOptions): TestEngine {
  const [first] = options.packs;
  if (!first) throw new TypeError('createTestEngine needs at least one pack');
  const clock = createManualClock(options.start);
  const calendar = options.calendar ?? defaultCalendarFor(first.timeZone);
  const engine = createEngine({
    packs: options.packs,
    clock,
    ...(options.store ? { store: options.store } : {}),
    ...(options.calendar ? { calendar: options.calendar } : {}),
  });

  const notifications: HazardNotification[] = [];
  engine.on('notification', (notification) => notifications.push(notification));

  const view = async (caseId: string): Promise<CaseView> => {
    const found = await engine.get(caseId);
    if (!found) throw new Error(`no case "${caseId}" in this test engine`);
    return found;
  };

  /** Time travel is the engine's own loop (`travel`), so this kit, the CLI and apps agree. */
  function advanceTo(instant: string | Date): Promise<number> {
    return travel(engine, clock, { to: instant }, { calendar });
  }

  const helpers = {
    clock,
    calendar,
    notifications: notifications as readonly HazardNotification[],
    advance(duration: Duration): Promise<number> {
      return travel(engine, clock, { by: duration }, { calendar });
    },
    advanceTo,
    now: () => clock.now().toISOString(),
    view,
    status: async (caseId: string) => (await view(caseId)).status,
    dueAt: async (caseId: string) => (await view(caseId)).dueAt,
    escalationLevel: async (caseId: string) => (await view(caseId)).escalationLevel,
    mark: (): NotificationMark => notifications.length,
    notificationsSince: (mark: NotificationMark, caseId?: string) =>
      notifications.slice(mark).filter((n) => caseId === undefined || n.caseId === caseId),
  };
  return Object.assign(engine, helpers) as TestEngine;
}
