import {
  type Actor,
  actorSchema,
  type BusinessCalendar,
  CalendarError,
  type CommandEvent,
  checkCommand,
  compactContext,
  createHazardMachine,
  defaultCalendarFor,
  type HazardContext,
  type HazardInput,
  type HazardMachine,
  type HazardNotification,
  type HazardReport,
  type HazardReportInput,
  hazardReportSchema,
  instantToMs,
  missingEvidence,
  type PolicyPack,
  parseCommand,
  runtimeOf,
  type Status,
  SYSTEM_ACTOR,
  statusOf,
} from '@hazardflow/core';
import { ulid } from 'ulid';
import { type AssessmentOptions, computeAssessment } from './assessment';
import { type AuditEntry, appendAuditEntry } from './audit-chain';
import { availableCommandsOf } from './available-commands';
import { canonicalJson } from './canonical-json';
import { createKeyedLock } from './case-lock';
import type { CaseView } from './case-view';
import { caseViewOf } from './case-view-of';
import { type Clock, systemClock } from './clock';
import { compactReport } from './compact-report';
import { type ComputedAction, computeInitial, computeTransition, restoreSnapshot } from './compute-transition';
import { deepFreeze } from './deep-freeze';
import { DueTimerQueue } from './due-timer-queue';
import { EngineEmitter, type EngineEvents } from './engine-events';
import { DuplicateCommandError, TimerGoneError, VersionConflictError } from './errors';
import { createInterner } from './interner';
import { createMemoryStore } from './memory-store';
import { createRandomSource } from './random-source';
import { type CommandResult, failure } from './result';
import type { CaseFilter, HazardStore, TimerRow } from './store';
import { planTimers } from './timer-plan';
import { type TrailVerification, verifyCaseTrail } from './verify-case-trail';

export interface EngineOptions {
  /** The packs cases may use; a case keeps the `id@version` it was reported under. */
  packs: readonly PolicyPack[];
  store?: HazardStore;
  clock?: Clock;
  /** Working-day calendar for every pack; defaults to each pack's (China for Asia/Shanghai). */
  calendar?: BusinessCalendar;
  /** Who this engine is when leasing timers from a shared store. */
  workerId?: string;
  /** How long a claimed timer stays leased to this engine. */
  timerLeaseMs?: number;
}

export interface CommandOptions {
  actor: Actor;
  /** Makes the command idempotent: the same id returns the first result, marked `replayed`. */
  commandId?: string;
  /** Optimistic concurrency: fail with VERSION_CONFLICT unless the case is at this version. */
  expectedVersion?: number;
}

/** What is persisted as a case's snapshot: the machine state plus the head of its audit chain. */
interface StoredSnapshot {
  value: unknown;
  context: unknown;
  audit: { seq: number; hash: string };
}

type Snapshot = ReturnType<HazardMachine['resolveState']>;

/** What firing one claimed timer came to. */
type FireOutcome =
  | { kind: 'fired'; armed: readonly TimerRow[] }
  | { kind: 'skipped' } // gone, re-armed, or its case or pack is missing
  | { kind: 'conflict' }; // lost a race with another engine
const SKIPPED: FireOutcome = { kind: 'skipped' };
const CONFLICT: FireOutcome = { kind: 'conflict' };

/** The empty list audit entries share (they are frozen when committed). */
const NONE: never[] = Object.freeze([]) as unknown as never[];
/** The findings of every report that has none. */
const EMPTY_FINDINGS: Record<string, never> = Object.freeze({});

function isEmptyRecord(value: object): boolean {
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const _ in value) return false;
  return Object.getOwnPropertySymbols(value).length === 0;
}

/**
 * The runtime of DESIGN.md decision 1: no live actor per case. Each command loads the
 * snapshot, computes the next one purely (`computeTransition`), and commits snapshot,
 * view, audit entry, timer rows and idempotency key in one atomic, version-guarded write.
 */
export function createEngine(options: EngineOptions) {
  const store = options.store ?? createMemoryStore();
  const clock = options.clock ?? systemClock;
  const random = createRandomSource();
  const workerId = options.workerId ?? `engine-${ulid(undefined, random)}`;
  const leaseMs = options.timerLeaseMs ?? 60_000;
  const emitter = new EngineEmitter();
  const withCaseLock = createKeyedLock();
  const stateValue = createInterner<unknown>();
  /** Actors repeat on every command they send; each case's audit keeps the shared copy. */
  const sharedActor = createInterner<Actor>();
  const sharedParty = createInterner<HazardReport['responsible']>();

  /**
   * A parsed report (ours to change) with the parts many cases repeat shared: the
   * responsible party (one enterprise, many sites) and empty findings. Equal values, so the
   * audit entry and its hash do not change; the case and its first audit entry keep about
   * 100 bytes less.
   */
  function shareRepeatedParts(report: HazardReport): HazardReport {
    const { responsible } = report;
    if (responsible.name !== undefined || !('name' in responsible)) report.responsible = sharedParty(responsible);
    if (isEmptyRecord(report.findings)) report.findings = EMPTY_FINDINGS;
    return compactReport(report);
  }

  const packs = new Map<string, PolicyPack>();
  const latest = new Map<string, PolicyPack>();
  for (const [index, pack] of options.packs.entries()) {
    const ref = `${pack.id}@${pack.version}`;
    // Cases find their pack again by id@version, so one ref must mean one pack.
    const registered = packs.get(ref);
    if (registered && registered !== pack && canonicalJson(registered) !== canonicalJson(pack)) {
      throw new TypeError(
        `packs[${index}]: ${ref} is already registered with different content; publish a changed pack under a new version`,
      );
    }
    packs.set(ref, pack);
    const current = latest.get(pack.id);
    if (!current || compareVersions(pack.version, current.version) > 0) latest.set(pack.id, pack);
  }
  const calendars = new Map<PolicyPack, BusinessCalendar>();
  const calendarOf = (pack: PolicyPack): BusinessCalendar => {
    let calendar = calendars.get(pack);
    if (!calendar) {
      calendar = options.calendar ?? defaultCalendarFor(pack.timeZone);
      calendars.set(pack, calendar);
    }
    return calendar;
  };
  const machineOf = (pack: PolicyPack) => createHazardMachine(pack, { calendar: calendarOf(pack) });

  const nowIso = () => clock.now().toISOString();

  /**
   * The result of the accepted command that used `commandId`, marked `replayed`. A key reused
   * for another command or case is refused rather than answered with a result that is not
   * about this request (the caller would believe its command was applied).
   */
  async function replayed(commandId: string | undefined, request: RequestIdentity): Promise<CommandResult | undefined> {
    if (commandId === undefined) return undefined;
    const stored = (await store.getIdempotentResult(commandId)) as StoredResult | undefined;
    if (stored === undefined) return undefined;
    const { request: original, ...previous } = stored;
    if (original && (original.command !== request.command || original.caseId !== request.caseId)) {
      return failure(
        'VALIDATION_FAILED',
        `commandId: "${commandId}" was already used for ${describeRequest(original)}; this is ${describeRequest(request)}. Use a new commandId for a different command`,
        { commandId, original, request },
      );
    }
    return { ...previous, replayed: true };
  }

  function validateActor(actor: unknown): CommandResult | Actor {
    const parsed = actorSchema.safeParse(actor);
    if (parsed.success) {
      // Interned by its JSON, which cannot tell an absent `org` from an undefined one.
      return parsed.data.org === undefined && 'org' in parsed.data ? parsed.data : sharedActor(parsed.data);
    }
    return failure(
      'VALIDATION_FAILED',
      `actor: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(actor)'} ${i.message}`).join('; ')}`,
    );
  }

  /** Writes one change; on a version race reports VERSION_CONFLICT and changes nothing. */
  async function commitChange(args: {
    pack: PolicyPack;
    previous: { version: number; snapshot: StoredSnapshot; status: Status | null } | undefined;
    next: Snapshot;
    actions: readonly { type: string; params?: unknown }[];
    at: string;
    actor: Actor;
    command: string;
    commandId?: string | undefined;
    payload?: unknown;
    evidence?: unknown[];
    firedTimer?: { timerId: string; dueAt: string; lateByMs: number };
    reasons?: string[];
    /** Told the timer rows this change arms, once it is committed. */
    onTimersPlanned?: (set: readonly TimerRow[]) => void;
  }): Promise<CommandResult> {
    const caseId = (args.next.context as { caseId: string }).caseId;
    const version = (args.previous?.version ?? 0) + 1;
    const now = nowIso();
    const committedAt = now === args.at ? args.at : now; // one string, not two equal ones, per entry
    const view = caseViewOf(args.next, version, committedAt, calendarOf(args.pack));
    const { timers, emitted } = planTimers(caseId, args.at, args.actions);
    const previousAudit = args.previous?.snapshot.audit;
    const audit: AuditEntry = appendAuditEntry(
      previousAudit ? ({ seq: previousAudit.seq, hash: previousAudit.hash } as AuditEntry) : undefined,
      {
        caseId,
        at: args.at,
        actor: args.actor,
        command: args.command,
        ...(args.commandId !== undefined ? { commandId: args.commandId } : {}),
        ...(args.payload !== undefined ? { payload: args.payload } : {}),
        fromStatus: args.previous?.status ?? null,
        toStatus: view.status,
        reasons: args.reasons ?? NONE,
        evidence: args.evidence ?? NONE,
        ...(args.firedTimer
          ? {
              firedTimer: {
                timerId: args.firedTimer.timerId,
                dueAt: args.firedTimer.dueAt,
                lateByMs: args.firedTimer.lateByMs,
              },
            }
          : {}),
      },
    );
    const snapshot: StoredSnapshot = {
      value: stateValue(args.next.value),
      context: compactContext(args.next.context as HazardContext),
      audit: { seq: audit.seq, hash: audit.hash },
    };
    const result: CommandResult = { ok: true, case: view };
    try {
      // Frozen before it leaves: the engine never changes what it committed, and a store that
      // keeps objects (the memory store) can then keep these without copying them.
      await store.commit(
        deepFreeze({
          caseId,
          expectedVersion: args.previous?.version ?? 0,
          record: { view, snapshot },
          audit,
          timers,
          ...(args.firedTimer
            ? { firedTimer: { timerId: args.firedTimer.timerId, dueAt: args.firedTimer.dueAt, leaseOwner: workerId } }
            : {}),
          ...(args.commandId !== undefined
            ? { idempotency: { key: args.commandId, result: { ...result, request: requestOf(args) } } }
            : {}),
        }),
      );
    } catch (error) {
      if (error instanceof DuplicateCommandError && args.commandId !== undefined) {
        // The same commandId committed concurrently (another case, or another engine): answer
        // as a retry would have been answered.
        const again = await replayed(args.commandId, requestOf(args));
        if (again) return again;
      }
      if (error instanceof VersionConflictError) {
        return failure('VERSION_CONFLICT', `case ${caseId} changed concurrently; reload and retry`, {
          expected: args.previous?.version ?? 0,
        });
      }
      throw error;
    }
    args.onTimersPlanned?.(timers.set);
    announce(view, args, emitted as unknown as HazardNotification[]);
    return result;
  }

  function announce(
    view: CaseView,
    args: { previous?: { status: Status | null } | undefined; actor: Actor; command: string; at: string },
    notifications: HazardNotification[],
  ): void {
    const change = {
      case: view,
      command: args.command,
      actor: args.actor,
      from: args.previous?.status ?? null,
      to: view.status,
      at: args.at,
    };
    if (!args.previous) emitter.emit('case.reported', change);
    else if (change.from !== change.to) emitter.emit('case.transitioned', change);
    for (const n of notifications) {
      if (n.reason === 'warning') emitter.emit('case.warned', n, view);
      if (n.reason === 'overdue') emitter.emit('case.overdue', n, view);
      if (n.reason === 'escalated' || n.reason === 'listed_supervision') emitter.emit('case.escalated', n, view);
      emitter.emit('notification', n, view);
    }
    if (change.from !== 'closed' && change.to === 'closed') emitter.emit('case.closed', change);
  }

  async function load(caseId: string) {
    const record = await store.getCase(caseId);
    if (!record) return undefined;
    const pack = packs.get(`${record.view.packId}@${record.view.packVersion}`);
    const stored = record.snapshot as StoredSnapshot;
    return { record, pack, stored };
  }

  function restore(machine: HazardMachine, stored: StoredSnapshot): Snapshot {
    return restoreSnapshot(machine, stored);
  }

  const engine = {
    store,
    clock,

    /** Files a new hazard. Anyone may report; the pack decides what evidence a report needs. */
    async report(input: HazardReportInput, commandOptions: CommandOptions): Promise<CommandResult> {
      const again = await replayed(commandOptions.commandId, { command: 'REPORT' });
      if (again) return again;
      const actor = validateActor(commandOptions.actor);
      if ('ok' in actor) return actor;
      const parsed = hazardReportSchema.safeParse(input);
      if (!parsed.success) {
        return failure(
          'VALIDATION_FAILED',
          parsed.error.issues.map((i) => `${i.path.join('.') || '(report)'}: ${i.message}`).join('; '),
          { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        );
      }
      const report = shareRepeatedParts(parsed.data);
      const pack = latest.get(report.packId);
      if (!pack) return failure('UNKNOWN_PACK', `no pack "${report.packId}" is registered with this engine`);
      if (!pack.categories.some((c) => c.id === report.category)) {
        return failure(
          'VALIDATION_FAILED',
          `category: "${report.category}" is not a category of pack ${pack.id} (${pack.categories.map((c) => c.id).join(', ')})`,
        );
      }
      const policy = runtimeOf(machineOf(pack)).policyForSite(report.site);
      const missing = missingEvidence(policy, report.category, 'report', report.evidence, actor.role);
      if (missing.length > 0) return failure('EVIDENCE_REQUIRED', missing.join('; '));

      const at = nowIso();
      const machineInput: HazardInput = {
        caseId: ulid(clock.now().getTime(), random),
        at,
        reportedBy: actor,
        report: {
          category: report.category,
          site: report.site,
          responsible: report.responsible,
          regulator: report.regulator,
          description: report.description,
          findings: report.findings,
          evidence: report.evidence,
        },
      };
      const [next, actions] = computeInitial(machineOf(pack), machineInput);
      return commitChange({
        pack,
        previous: undefined,
        next,
        actions,
        at,
        actor,
        command: 'REPORT',
        commandId: commandOptions.commandId,
        payload: report,
        evidence: report.evidence,
      });
    },

    /** Applies a command to a case. Domain outcomes are results; only infrastructure throws. */
    async send(caseId: string, command: unknown, commandOptions: CommandOptions): Promise<CommandResult> {
      return withCaseLock(caseId, async () => {
        const type = (command as { type?: unknown } | null)?.type;
        const again = await replayed(commandOptions.commandId, {
          command: typeof type === 'string' ? type : String(type),
          caseId,
        });
        if (again) return again;
        const actor = validateActor(commandOptions.actor);
        if ('ok' in actor) return actor;
        const parsed = parseCommand(command);
        if (!parsed.success) {
          return failure('VALIDATION_FAILED', parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
            issues: parsed.issues,
          });
        }
        const loaded = await load(caseId);
        if (!loaded) return failure('UNKNOWN_CASE', `no case "${caseId}"`);
        const { record, pack, stored } = loaded;
        if (!pack) {
          return failure(
            'UNKNOWN_PACK',
            `case ${caseId} uses pack ${record.view.packId}@${record.view.packVersion}, which this engine does not have`,
          );
        }
        if (commandOptions.expectedVersion !== undefined && commandOptions.expectedVersion !== record.view.version) {
          return failure(
            'VERSION_CONFLICT',
            `case ${caseId} is at version ${record.view.version}, not ${commandOptions.expectedVersion}`,
            {
              expected: commandOptions.expectedVersion,
              actual: record.view.version,
            },
          );
        }
        const machine = machineOf(pack);
        const snapshot = restore(machine, stored);
        const at = nowIso();
        const event = {
          ...parsed.command,
          at,
          actor,
          ...(commandOptions.commandId !== undefined ? { commandId: commandOptions.commandId } : {}),
        } as CommandEvent;
        const rejection = checkCommand(machine, snapshot, event);
        if (rejection) return failure(rejection.code, rejection.message);
        const [next, actions] = computeTransition(machine, snapshot, event);
        const { type: _type, ...payload } = parsed.command;
        return commitChange({
          pack,
          previous: { version: record.view.version, snapshot: stored, status: record.view.status },
          next,
          actions,
          at,
          actor,
          command: event.type,
          commandId: commandOptions.commandId,
          payload,
          evidence: 'evidence' in payload ? (payload.evidence as unknown[]) : [],
        });
      });
    },

    get: async (caseId: string): Promise<CaseView | undefined> => (await store.getCase(caseId))?.view,
    availableCommands: (caseId: string, actor: Actor) => availableCommandsOf({ load, machineOf }, caseId, actor),
    /**
     * Cases matching `filter`, a page at a time. `dueBefore` and `updatedAfter` may carry any
     * offset (`2026-10-01T00:00:00+08:00`); they are compared as instants.
     */
    async query(filter: CaseFilter = {}, page?: { limit?: number; cursor?: string }) {
      const { dueBefore, updatedAfter } = filter;
      return store.query(
        {
          ...filter,
          ...(dueBefore !== undefined ? { dueBefore: canonicalInstant(dueBefore, 'filter.dueBefore') } : {}),
          ...(updatedAfter !== undefined
            ? { updatedAfter: canonicalInstant(updatedAfter, 'filter.updatedAfter') }
            : {}),
        },
        page,
      );
    },
    history: (caseId: string) => store.history(caseId),
    /**
     * Verifies the case's hash chain, and its length against the case's version: the engine
     * writes one entry per version, so entries cut from the end (which leave a valid, shorter
     * chain) are found too. An unknown case has an empty, intact trail.
     */
    async verifyHistory(caseId: string): Promise<TrailVerification> {
      let record = await store.getCase(caseId);
      const entries = await store.history(caseId);
      // A commit landing between the two reads adds an entry and a version: read the case again.
      if (record && entries.length > record.view.version) record = await store.getCase(caseId);
      if (!record && entries.length === 0) return { ok: true, length: 0 };
      return verifyCaseTrail(entries, record?.view);
    },

    /**
     * Fires every timer due now, oldest first, including timers that fell due while no
     * engine ran (catch-up). A timer firing can make others due at once (a case far past its
     * deadline climbs several levels); those fire in the same call. Returns how many fired.
     */
    async runDueTimers(runOptions: { limit?: number; batchSize?: number } = {}): Promise<number> {
      const limit = runOptions.limit ?? Number.POSITIVE_INFINITY;
      const batchSize = runOptions.batchSize ?? 500;
      const queue = new DueTimerQueue();
      let fired = 0;
      try {
        while (fired < limit) {
          if (queue.size === 0) {
            const now = nowIso();
            const batch = await store.claimDueTimers(now, {
              limit: Math.max(1, Math.min(batchSize, limit - fired)),
              owner: workerId,
              leaseMs,
            });
            if (batch.length === 0) break;
            queue.addClaimed(batch);
          }
          const timer = queue.shift() as TimerRow;
          const outcome = await fireTimer(timer);
          if (outcome.kind === 'fired') {
            fired++;
            if (outcome.armed.length > 0) {
              const now = nowIso();
              for (const armed of outcome.armed) queue.offerArmed(armed, now);
            }
          } else if (outcome.kind === 'conflict') {
            // Another engine changed the case between load and commit: hand every lease back
            // and claim afresh, so this timer is retried on the case as it now is, in order.
            await releaseAll([timer, ...queue.drain()]);
          }
        }
      } catch (error) {
        // The leases would run out anyway; the error that stopped the pass is the one to see.
        await releaseAll(queue.drain()).catch(() => undefined);
        throw error;
      }
      await releaseAll(queue.drain()); // what a `limit` left unfired
      return fired;
    },

    /**
     * Polls for due timers every `pollMs` until `stop()`. Errors surface as `error` events.
     * One pass runs at a time: a poller started while a stopped one's pass still runs waits
     * for that pass before its first.
     */
    start(startOptions: { pollMs?: number } = {}): void {
      if (poller) return;
      const pollMs = startOptions.pollMs ?? 1_000;
      const loop: Poller = { stopped: false, timeout: undefined };
      poller = loop;
      const tick = async () => {
        loop.timeout = undefined;
        while (pollPass) await pollPass; // a pass of an earlier, stopped poller
        if (loop.stopped) return;
        const pass = runPollPass().finally(() => {
          if (pollPass === pass) pollPass = undefined;
        });
        pollPass = pass;
        await pass;
        if (!loop.stopped) loop.timeout = setTimeout(tick, pollMs);
      };
      loop.timeout = setTimeout(tick, 0);
    },

    /**
     * Stops the poller: no pass starts after this call. The promise resolves when a pass
     * that was running has finished (it never rejects), so `await engine.stop()` before
     * closing the store.
     */
    stop(): Promise<void> {
      if (poller) {
        poller.stopped = true;
        if (poller.timeout) clearTimeout(poller.timeout);
        poller = undefined;
      }
      return pollPass ?? Promise.resolve();
    },

    /** 考核 figures per territory, regulator, pack or category. */
    async assessment(assessmentOptions: AssessmentOptions) {
      const views: CaseView[] = [];
      if (store.allViews) {
        for await (const view of store.allViews()) views.push(view);
      } else {
        let cursor: string | undefined;
        do {
          const page = await store.query({}, { limit: 1000, ...(cursor ? { cursor } : {}) });
          views.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      const { from, to } = assessmentOptions;
      return computeAssessment(views, {
        ...assessmentOptions,
        ...(from !== undefined ? { from: canonicalInstant(from, 'from') } : {}),
        ...(to !== undefined ? { to: canonicalInstant(to, 'to') } : {}),
      });
    },

    on: emitter.on.bind(emitter) as EngineEmitter['on'],
    once: emitter.once.bind(emitter) as EngineEmitter['once'],
    off: emitter.off.bind(emitter) as EngineEmitter['off'],
  };

  /** One `start()`ed poller: `stopped` once `stop()` was called, `timeout` while it waits. */
  interface Poller {
    stopped: boolean;
    timeout: ReturnType<typeof setTimeout> | undefined;
  }
  /** The running poller, and the pass a poller (running or stopped) is in, if any. */
  let poller: Poller | undefined;
  let pollPass: Promise<void> | undefined;

  async function runPollPass(): Promise<void> {
    try {
      await engine.runDueTimers();
    } catch (error) {
      emitter.emit('error', error);
    }
  }

  async function releaseAll(timers: readonly TimerRow[]): Promise<void> {
    for (const timer of timers) await store.releaseTimer(timer.caseId, timer.timerId, workerId);
  }

  /**
   * Fires one timer. A timer whose case or pack is missing keeps its lease, so this engine
   * does not claim it again until the lease runs out (and an engine that has the pack may).
   */
  async function fireTimer(timer: TimerRow): Promise<FireOutcome> {
    return withCaseLock(timer.caseId, async (): Promise<FireOutcome> => {
      const loaded = await load(timer.caseId);
      if (!loaded?.pack) {
        emitter.emit(
          'error',
          new Error(
            loaded
              ? `timer ${timer.timerId} of case ${timer.caseId}: pack ${loaded.record.view.packId}@${loaded.record.view.packVersion} is not registered`
              : `timer ${timer.timerId} of case ${timer.caseId}: the case is not in the store`,
          ),
        );
        return SKIPPED;
      }
      const { record, pack, stored } = loaded;
      const machine = machineOf(pack);
      const snapshot = restore(machine, stored);
      const source = timer.event as { type: string; at?: unknown };
      const at = typeof source.at === 'string' ? source.at : timer.dueAt;
      const lateByMs = Math.max(0, clock.now().getTime() - Date.parse(timer.dueAt));
      let computed: [Snapshot, ComputedAction[]];
      try {
        computed = computeTransition(machine, snapshot, { ...source, at } as { type: string });
      } catch (error) {
        return notFired(timer, error);
      }
      const [next, actions] = computed;
      let armed: readonly TimerRow[] = NONE;
      try {
        const result = await commitChange({
          pack,
          previous: { version: record.view.version, snapshot: stored, status: statusOf(snapshot) },
          next,
          actions,
          at,
          actor: SYSTEM_ACTOR,
          command: timer.event.type,
          firedTimer: { timerId: timer.timerId, dueAt: timer.dueAt, lateByMs },
          reasons: [`timer ${timer.timerId} due ${timer.dueAt}`],
          onTimersPlanned: (set) => {
            armed = set;
          },
        });
        if (!result.ok) return CONFLICT;
      } catch (error) {
        if (error instanceof TimerGoneError) return SKIPPED;
        // A deadline in a year a strict calendar has no data for: the store is fine.
        if (error instanceof CalendarError) return notFired(timer, error);
        throw error;
      }
      emitter.emit('timer.fired', { caseId: timer.caseId, timerId: timer.timerId, dueAt: timer.dueAt, lateByMs });
      return { kind: 'fired', armed };
    });
  }

  /**
   * A timer whose firing could not be computed (a machine action threw, or a strict calendar
   * has no data for the year a new deadline falls in). It keeps its lease, so it is tried
   * again when the lease runs out, and the rest of the pass goes on; the error is reported.
   */
  function notFired(timer: TimerRow, cause: unknown): FireOutcome {
    const reason = cause instanceof Error ? cause.message : String(cause);
    emitter.emit(
      'error',
      new Error(`timer ${timer.timerId} of case ${timer.caseId} (due ${timer.dueAt}) could not fire: ${reason}`, {
        cause,
      }),
    );
    return SKIPPED;
  }

  return engine;
}

export type Engine = ReturnType<typeof createEngine>;

/**
 * An instant as the canonical UTC string (`Date#toISOString`) that views hold and stores
 * compare as text; an instant without an offset is refused (CalendarError INVALID_DATE).
 */
function canonicalInstant(value: string, path: string): string {
  return new Date(instantToMs(value, path)).toISOString();
}

/** What a commandId was used for: the command, and the case unless it reported one. */
interface RequestIdentity {
  command: string;
  caseId?: string;
}

/** A result as kept under its commandId. */
type StoredResult = CommandResult & { request?: RequestIdentity };

function requestOf(args: { command: string; previous?: unknown; next: { context: unknown } }): RequestIdentity {
  if (args.command === 'REPORT' && args.previous === undefined) return { command: 'REPORT' };
  return { command: args.command, caseId: (args.next.context as { caseId: string }).caseId };
}

function describeRequest(request: RequestIdentity): string {
  return request.caseId === undefined ? `a ${request.command}` : `${request.command} on case ${request.caseId}`;
}

export type { EngineEvents };

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
