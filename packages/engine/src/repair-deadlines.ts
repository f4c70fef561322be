import {
  type Actor,
  type CoveredYears,
  type Duration,
  effectiveDeadline,
  formatDuration,
  type HazardContext,
  type PolicyPack,
  SYSTEM_ACTOR,
  type TrackedDeadline,
} from '@hazardflow/core';
import type { CaseView } from './case-view';
import type { Clock } from './clock';
import type { CommitChange } from './commit-pipeline';
import { computeTransition, restoreSnapshot } from './compute-transition';
import { provisionalYearOf } from './deadline-provisional';
import type { CaseLoader } from './load-case';
import type { MachineSnapshot, PackRegistry } from './pack-registry';
import type { HazardStore, TimerRow } from './store';
import { planTimers } from './timer-plan';

export interface RepairDeadlinesOptions {
  /** Report what would change and change nothing. */
  dryRun?: boolean;
  /** Who the audit entries name; the system actor by default. */
  actor?: Actor;
}

/** One armed timer moved by a repair: its instant before and after (null: not armed). */
export interface RepairedTimer {
  timerId: string;
  from: string | null;
  to: string | null;
}

/** What a repair changes on one case; also the payload of its `DEADLINE_REPAIRED` audit entry. */
export interface DeadlineRepair {
  caseId: string;
  step: TrackedDeadline['step'];
  from: string;
  to: string;
  /** Counted again from this instant with this duration (absent for a deadline only confirmed). */
  countedFrom?: string;
  duration?: Duration;
  why: string;
  /** The rectification deadline, when it moved too and is not the tracked one. */
  rectifyDueAt?: { from: string; to: string };
  timers: RepairedTimer[];
  /**
   * An escalation level reached on the old deadline that the new one would not have reached
   * yet. It stays: escalations that happened are not undone (people were told, documents issued).
   */
  escalationKept?: { level: number; reachedAt: string | null; newDeadlineReachesAt: string | null };
}

/** A case with a provisional deadline that the repair could not count again, and why. */
export interface DeadlineRepairSkip {
  caseId: string;
  step: TrackedDeadline['step'] | null;
  dueAt: string | null;
  reason: string;
}

export interface DeadlineRepairReport {
  dryRun: boolean;
  /** The years the engine's calendar covers now (of the first pack that has one). */
  coveredYears: CoveredYears | null;
  /** Open cases looked at. */
  examined: number;
  /** One per case that changes (dry run: would change), committed unless `dryRun`. */
  changes: DeadlineRepair[];
  skipped: DeadlineRepairSkip[];
}

export interface RepairDeps {
  store: HazardStore;
  clock: Clock;
  packs: PackRegistry;
  /** The packs the engine was given, for the calendar coverage the report states. */
  packList: readonly PolicyPack[];
  load: CaseLoader;
  commitChange: CommitChange;
  withCaseLock: <T>(key: string, task: () => Promise<T>) => Promise<T>;
}

const ENDED = new Set(['closed', 'dismissed', 'transferred']);

type Planned =
  | { kind: 'none' }
  | { kind: 'skip'; skip: DeadlineRepairSkip }
  | { kind: 'change'; repair: DeadlineRepair; commit: () => ReturnType<CommitChange> };

/**
 * Deadline repair (ServiceNow calls it SLA repair): once the engine runs on a calendar that
 * covers more years (the application restarts with `chinaCalendar({ extraYears })` or a newer
 * data release), every open case's tracked deadline is counted again from the instant and the
 * duration it was first counted from (`deadlineFrom` / `rectifyFrom` in the context; never
 * shifted), and the escalation region is re-entered, as an extension re-enters it, so the
 * warning, due, escalation and reminder timers are armed again from the new deadline on the
 * new calendar. One audited `DEADLINE_REPAIRED` commit per changed case, timers in the same
 * commit. Escalation levels already reached stay; the report names them. Running it again
 * finds nothing to change.
 */
export function createRepairDeadlines(deps: RepairDeps) {
  const { store, clock, packs, packList, load, commitChange, withCaseLock } = deps;

  async function planCase(caseId: string, at: string, actor: Actor): Promise<Planned> {
    const loaded = await load(caseId);
    if (!loaded) return { kind: 'none' };
    const view = loaded.record.view;
    if (!loaded.pack) {
      return skipIfProvisional(view, `pack ${view.packId}@${view.packVersion} is not registered with this engine`);
    }
    const { pack, model, stored, record } = loaded;
    const context = stored.context as HazardContext;
    const deadline = context.deadline;
    if (deadline === null) return { kind: 'none' };
    const calendar = packs.calendarOf(pack);
    const policy = model.policyOf(context);
    const count = (step: 'rectify' | TrackedDeadline['step'], from: string) => {
      const duration = effectiveDeadline(policy, step, {
        category: context.category,
        severity: context.severity ?? 'general',
        at: from,
        reportedAt: context.reportedAt,
      });
      return { duration, dueAt: calendar.addDuration(from, duration).toISOString() };
    };

    const rectifyFrom = context.rectifyFrom ?? null;
    const rectify = context.rectifyDueAt !== null && rectifyFrom !== null ? count('rectify', rectifyFrom) : undefined;
    const deadlineFrom = context.deadlineFrom ?? null;
    const recounted =
      deadlineFrom === null
        ? undefined
        : deadline.step === 'rectify' && rectify !== undefined && deadlineFrom === rectifyFrom
          ? rectify
          : count(deadline.step, deadlineFrom);
    if (recounted === undefined && view.deadlineProvisional) {
      return skipIfProvisional(
        view,
        context.deadlineFrom === undefined
          ? 'counted before this release kept what a deadline is counted from; review it by hand'
          : 'moved by an extension or a resumed clock, so it is not one duration from one instant; review it by hand',
      );
    }
    const newDueAt = recounted?.dueAt ?? deadline.dueAt;
    const newRectifyDueAt = rectify?.dueAt ?? context.rectifyDueAt;

    const escalation = (record.snapshot as { value: { escalation?: unknown } }).value.escalation;
    const nextContext: HazardContext = {
      ...context,
      deadline: newDueAt === deadline.dueAt ? deadline : Object.freeze({ ...deadline, dueAt: newDueAt }),
      rectifyDueAt: newRectifyDueAt,
    };
    if (context.paused !== null && newDueAt !== deadline.dueAt) {
      // A paused clock keeps the working time that was left: counted again to the new deadline.
      nextContext.paused = {
        ...context.paused,
        remainingMs: calendar.workingTimeBetween(context.paused.at, newDueAt),
      };
    }
    const restored = restoreSnapshot(model.machine, { value: stored.value, context: nextContext });
    let next: MachineSnapshot = restored;
    let actions: readonly { type: string; params?: unknown }[] = [];
    const deadlineMoves = newDueAt !== deadline.dueAt || newRectifyDueAt !== context.rectifyDueAt;
    if (deadlineMoves && typeof escalation === 'object' && escalation !== null && 'watching' in escalation) {
      // Re-entering `watching` cancels its timers and arms them again from the new deadline. A
      // deadline the recount confirms is left as it is: re-entering would restart the ladder
      // of a late regulator's step (its rungs count from the deadline, not from the entry).
      [next, actions] = computeTransition(model.machine, restored, { type: 'hazard.track', at } as never);
    }

    const planned = planTimers(view.id, at, actions).timers;
    const armed = new Map((await store.timersOf(view.id)).map((row) => [row.timerId, row]));
    const timers: RepairedTimer[] = [];
    for (const row of planned.set) {
      const before = armed.get(row.timerId);
      if (before === undefined || intendedAt(before) !== intendedAt(row)) {
        timers.push({ timerId: row.timerId, from: before ? intendedAt(before) : null, to: intendedAt(row) });
      }
    }
    for (const timerId of planned.cancel) {
      const before = armed.get(timerId);
      if (before && !planned.set.some((row) => row.timerId === timerId)) {
        timers.push({ timerId, from: intendedAt(before), to: null });
      }
    }
    const wasProvisional = view.deadlineProvisional !== undefined;
    const nowProvisional = provisionalYearOf(calendar, newDueAt) !== null;
    if (
      newDueAt === deadline.dueAt &&
      newRectifyDueAt === context.rectifyDueAt &&
      timers.length === 0 &&
      wasProvisional === nowProvisional
    ) {
      return { kind: 'none' };
    }

    const covered = calendar.coveredYears;
    const coverage = covered ? `${covered.from}–${covered.to}` : 'no official holidays';
    const moved = newDueAt !== deadline.dueAt;
    const why =
      recounted === undefined
        ? `timers armed again on the calendar covering ${coverage}`
        : moved
          ? `counted again from ${deadlineFrom} with ${formatDuration(recounted.duration)} on the calendar covering ${coverage}`
          : `confirmed: ${formatDuration(recounted.duration)} from ${deadlineFrom} gives the same instant on the calendar covering ${coverage}`;
    const repair: DeadlineRepair = {
      caseId: view.id,
      step: deadline.step,
      from: deadline.dueAt,
      to: newDueAt,
      ...(recounted !== undefined && deadlineFrom !== null
        ? { countedFrom: deadlineFrom, duration: recounted.duration }
        : {}),
      why,
      ...(deadline.step !== 'rectify' && context.rectifyDueAt !== null && newRectifyDueAt !== context.rectifyDueAt
        ? { rectifyDueAt: { from: context.rectifyDueAt, to: newRectifyDueAt as string } }
        : {}),
      timers,
    };
    const kept = moved ? keptEscalation(nextContext, deadline.dueAt, at) : undefined;
    if (kept) repair.escalationKept = kept;

    return {
      kind: 'change',
      repair,
      commit: () =>
        commitChange({
          pack,
          previous: { version: record.view.version, snapshot: stored, status: record.view.status },
          next,
          actions,
          at,
          actor,
          command: 'DEADLINE_REPAIRED',
          payload: repair,
          reasons: [why, ...(kept ? [`escalation level ${kept.level} kept (escalations are not undone)`] : [])],
        }),
    };

    /**
     * A level reached while the case was overdue on the old deadline (at or after it) that the
     * new deadline would not have reached by `now`. Levels a case starts at (a major hazard's)
     * or that an event raised before the old deadline passed are not the deadline's doing.
     */
    function keptEscalation(ctx: HazardContext, oldDueAt: string, now: string): DeadlineRepair['escalationKept'] {
      if (ctx.escalationLevel === 0 || ctx.deadline === null) return undefined;
      if (ctx.levelReachedAt === null || Date.parse(ctx.levelReachedAt) < Date.parse(oldDueAt)) return undefined;
      const ladder = pack.escalation.ladder;
      const dueAt = ctx.deadline.dueAt;
      const reachesAt = (level: number) => {
        const rung = ladder.find((r) => r.level === level);
        return rung && ctx.deadline?.owner === 'responsible' ? calendar.addDuration(dueAt, rung.after) : null;
      };
      const when = reachesAt(ctx.escalationLevel);
      if (when !== null && when.getTime() <= Date.parse(now)) return undefined;
      return {
        level: ctx.escalationLevel,
        reachedAt: ctx.levelReachedAt,
        newDeadlineReachesAt: when === null ? null : when.toISOString(),
      };
    }
  }

  function skipIfProvisional(view: CaseView, reason: string): Planned {
    if (!view.deadlineProvisional) return { kind: 'none' };
    return { kind: 'skip', skip: { caseId: view.id, step: null, dueAt: view.dueAt, reason } };
  }

  return async function repairDeadlines(options: RepairDeadlinesOptions = {}): Promise<DeadlineRepairReport> {
    const dryRun = options.dryRun === true;
    const actor = options.actor ?? SYSTEM_ACTOR;
    const report: DeadlineRepairReport = { dryRun, coveredYears: null, examined: 0, changes: [], skipped: [] };
    let cursor: string | undefined;
    do {
      const page = await store.query({}, { limit: 500, ...(cursor ? { cursor } : {}) });
      for (const listed of page.items) {
        if (ENDED.has(listed.status)) continue;
        report.examined++;
        await withCaseLock(listed.id, async () => {
          const at = clock.now().toISOString();
          const planned = await planCase(listed.id, at, actor);
          if (planned.kind === 'skip') report.skipped.push(planned.skip);
          if (planned.kind !== 'change') return;
          if (!dryRun) {
            const result = await planned.commit();
            if (!result.ok) {
              report.skipped.push({
                caseId: listed.id,
                step: planned.repair.step,
                dueAt: planned.repair.from,
                reason: `${result.error.code}: ${result.error.message}; run the repair again`,
              });
              return;
            }
          }
          report.changes.push(planned.repair);
        });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const pack of packList) {
      const covered = packs.calendarOf(pack).coveredYears;
      if (covered) {
        report.coveredYears = covered;
        break;
      }
    }
    return report;
  };
}

/** The instant a timer stands for: its event's `at` (a row armed late is due at once, so its `dueAt` may be later). */
function intendedAt(row: TimerRow): string {
  const at = (row.event as { at?: unknown }).at;
  return typeof at === 'string' ? at : row.dueAt;
}
