import { CalendarError, SYSTEM_ACTOR, statusOf } from '@hazardflow/core';
import type { Clock } from './clock';
import type { CommitChange } from './commit-pipeline';
import { NONE } from './commit-pipeline';
import { type ComputedAction, computeTransition } from './compute-transition';
import { DueTimerQueue } from './due-timer-queue';
import type { EngineEmitter } from './engine-events';
import { TimerGoneError } from './errors';
import type { CaseLoader } from './load-case';
import type { MachineSnapshot } from './pack-registry';
import { policyChangedMessage } from './policy-pin';
import type { HazardStore, TimerRow } from './store';

/** What firing one claimed timer came to. */
type FireOutcome =
  | { kind: 'fired'; armed: readonly TimerRow[] }
  | { kind: 'skipped' } // gone, re-armed, or its case or pack is missing
  | { kind: 'conflict' }; // lost a race with another engine
const SKIPPED: FireOutcome = { kind: 'skipped' };
const CONFLICT: FireOutcome = { kind: 'conflict' };

export interface TimerPassDeps {
  store: HazardStore;
  clock: Clock;
  emitter: EngineEmitter;
  load: CaseLoader;
  commitChange: CommitChange;
  withCaseLock: <T>(key: string, task: () => Promise<T>) => Promise<T>;
  workerId: string;
  leaseMs: number;
}

export interface RunDueTimersOptions {
  /** At most this many timers fire in this pass. */
  limit?: number;
  /** How many due timers are claimed (leased) from the store at a time. */
  batchSize?: number;
}

/**
 * The timer pass: claims due timers from the store, whole cases at a time, and fires each on
 * its case under the case lock, earliest first. Timers a firing arms that are already due join the same pass (catch-up
 * after downtime climbs a whole escalation ladder in one call).
 */
export function createTimerPass(deps: TimerPassDeps): (options?: RunDueTimersOptions) => Promise<number> {
  const { store, clock, emitter, load, commitChange, withCaseLock, workerId, leaseMs } = deps;
  const nowIso = () => clock.now().toISOString();

  async function releaseAll(timers: readonly TimerRow[]): Promise<void> {
    for (const timer of timers) await store.releaseTimer(timer.caseId, timer.timerId, workerId);
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

  /**
   * Fires one timer. A timer whose case or pack is missing keeps its lease, so this engine
   * does not claim it again until the lease runs out (and an engine that has the pack may).
   */
  function fireTimer(timer: TimerRow): Promise<FireOutcome> {
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
      if (loaded.policyChanged) {
        // Like an unknown pack: not fired, the lease kept, the error reported (POLICY_CHANGED).
        emitter.emit(
          'error',
          Object.assign(new Error(`timer ${timer.timerId}: ${policyChangedMessage(loaded.policyChanged)}`), {
            code: 'POLICY_CHANGED',
            details: loaded.policyChanged,
          }),
        );
        return SKIPPED;
      }
      const { record, pack, stored, restore } = loaded;
      const snapshot = restore();
      const machine = loaded.model.machine;
      const source = timer.event as { type: string; at?: unknown };
      const at = typeof source.at === 'string' ? source.at : timer.dueAt;
      const lateByMs = Math.max(0, clock.now().getTime() - Date.parse(timer.dueAt));
      let computed: [MachineSnapshot, ComputedAction[]];
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

  return async function runDueTimers(runOptions: RunDueTimersOptions = {}): Promise<number> {
    const limit = runOptions.limit ?? Number.POSITIVE_INFINITY;
    const batchSize = runOptions.batchSize ?? 500;
    const queue = new DueTimerQueue();
    let fired = 0;
    try {
      while (fired < limit) {
        if (queue.needsClaim()) {
          const batch = await store.claimDueTimers(nowIso(), {
            limit: Math.max(1, Math.min(batchSize, limit - fired)),
            owner: workerId,
            leaseMs,
          });
          queue.addClaimed(batch);
          if (queue.size === 0) break;
          continue; // the head may still sort past the new frontier
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
  };
}
