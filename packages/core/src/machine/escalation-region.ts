import type { EscalationLevel, RegulatorRung } from '../pack/schema';
import { eventOf } from './hazard-action-kit';
import type { HazardEvent } from './hazard-events';
import type { HazardSetup, HazardStateConfig } from './hazard-setup';
import { TIMER_IDS } from './timer-ids';

/**
 * The escalation region, generated from the pack's ladder so a diagram of the machine shows
 * the ladder itself. It watches the one deadline in `context.deadline`:
 *
 *   idle ─track→ watching: onTrack ─warning→ dueSoon ─due→ overdue: level_0 → level_1 → … → level_n
 *                                                                 | stepOverdue: rung_0 → rung_1 → … → rung_m
 *                    ↕ PAUSE_CLOCK / RESUME_CLOCK: paused
 *
 * Every move of the deadline (a new step, an extension, a resume) raises `hazard.track`,
 * which re-enters `watching`: its exit actions cancel the old timers, its entry sets new ones
 * from the new instants. A paused clock stays paused until RESUME_CLOCK: an extension granted
 * meanwhile adds to the working time left instead of tracking (see `decideExtension`); only
 * a new step (the rectification submitted, say) ends the pause, as that step's own deadline
 * runs from the start. Routing states (`always` transitions) place the case straight into
 * the state that matches the current time, so a case that is already late is overdue at once.
 */
export function escalationRegion(
  s: HazardSetup,
  ladder: readonly EscalationLevel[],
  regulatorLadder: readonly RegulatorRung[],
) {
  const top = ladder.length;
  const levelStates: Record<string, HazardStateConfig> = {};
  for (let level = 0; level <= top; level++) {
    const next = level < top ? level + 1 : undefined;
    const hasRepeat = level > 0 && ladder[level - 1]?.repeat !== undefined;
    levelStates[`level_${level}`] = s.createStateConfig({
      entry: [
        { type: 'enterLevel', params: { level } },
        ...(next !== undefined ? [{ type: 'scheduleEscalation' as const, params: { level: next } }] : []),
        ...(hasRepeat ? [{ type: 'scheduleReminder' as const, params: { level } }] : []),
      ],
      exit: [
        ...(next !== undefined ? [{ type: 'cancelTimer' as const, params: { id: TIMER_IDS.escalate } }] : []),
        ...(hasRepeat ? [{ type: 'cancelTimer' as const, params: { id: TIMER_IDS.remind } }] : []),
      ],
      on: {
        ...(next !== undefined ? { 'TIMER.ESCALATE': { target: `level_${next}` } } : {}),
        ...(hasRepeat
          ? {
              'TIMER.REMIND': {
                target: `level_${level}`,
                reenter: true,
                actions: { type: 'remind', params: { level } },
              },
            }
          : {}),
      },
    });
  }

  const routeToLevel: { guard?: { type: 'levelReached'; params: { level: number } }; target: string }[] = [];
  for (let level = top; level >= 1; level--) {
    routeToLevel.push({ guard: { type: 'levelReached', params: { level } }, target: `level_${level}` });
  }
  routeToLevel.push({ target: 'level_0' });

  const escalate = {
    type: 'enterLevel',
    params: ({ event }: { event: HazardEvent }) => {
      const raised = eventOf(event, 'hazard.escalate');
      return { level: raised.level, reason: raised.reason };
    },
  } as const;

  return s.createStateConfig({
    initial: 'idle',
    // Handlers sit on the child states, never on the region: a re-entering transition on a
    // region of a parallel state would re-enter its siblings too.
    on: {
      'hazard.untrack': { target: '.idle', actions: 'clearPause' },
      'hazard.escalate': { actions: escalate },
    },
    states: {
      idle: {
        on: { 'hazard.track': { target: 'watching' } },
      },
      paused: {
        on: {
          RESUME_CLOCK: { guard: 'mayAct', target: 'watching', actions: 'resumeClock' },
          // a new step's deadline: the paused one is gone, so the pause ends with it
          'hazard.track': { target: 'watching', actions: 'clearPause' },
        },
      },
      watching: {
        initial: 'routing',
        on: {
          'hazard.track': { target: 'watching', reenter: true },
          PAUSE_CLOCK: { guard: 'mayPauseClock', target: 'paused', actions: 'pauseClock' },
          'hazard.escalate': { target: 'watching', reenter: true, actions: escalate },
        },
        states: {
          routing: {
            always: [
              { guard: 'deadlinePassed', target: 'overdue' },
              { guard: 'inWarningWindow', target: 'dueSoon' },
              { target: 'onTrack' },
            ],
          },
          onTrack: {
            entry: 'scheduleWarningOrDue',
            exit: [
              { type: 'cancelTimer', params: { id: TIMER_IDS.warning } },
              { type: 'cancelTimer', params: { id: TIMER_IDS.due } },
            ],
            on: { 'TIMER.WARNING': 'dueSoon', 'TIMER.DUE': 'overdue' },
          },
          dueSoon: {
            entry: ['warn', 'scheduleDue'],
            exit: { type: 'cancelTimer', params: { id: TIMER_IDS.due } },
            on: { 'TIMER.DUE': 'overdue' },
          },
          overdue: {
            entry: 'markOverdue',
            initial: 'routing',
            states: {
              routing: {
                always: [{ guard: 'stepOwnedByRegulator', target: 'stepOverdue' }, ...routeToLevel],
              },
              /** A regulator's own step is late: it climbs the regulator's ladder, not the case's. */
              stepOverdue: regulatorLadderStates(s, regulatorLadder),
              ...levelStates,
            },
          },
        },
      },
    },
  });
}

/**
 * The rungs of `escalation.regulatorLadder` a late step of the regulator's own climbs:
 * rung_0 is "overdue, nobody further told yet"; each rung tells its roles, sets the timer to
 * the next rung and repeats itself as its `repeat` says. A step found already late (a resumed
 * clock) starts at rung_0 too: the timers of rungs already due fire at once, in order, so
 * every rung's people are told.
 */
function regulatorLadderStates(s: HazardSetup, ladder: readonly RegulatorRung[]): HazardStateConfig {
  const top = ladder.length;
  const rungs: Record<string, HazardStateConfig> = {};
  for (let level = 0; level <= top; level++) {
    const next = level < top ? level + 1 : undefined;
    const hasRepeat = level > 0 && ladder[level - 1]?.repeat !== undefined;
    rungs[`rung_${level}`] = s.createStateConfig({
      entry: [
        ...(level > 0 ? [{ type: 'enterStepLevel' as const, params: { level } }] : []),
        ...(next !== undefined ? [{ type: 'scheduleStepEscalation' as const, params: { level: next } }] : []),
        ...(hasRepeat ? [{ type: 'scheduleStepReminder' as const, params: { level } }] : []),
      ],
      exit: [
        ...(next !== undefined ? [{ type: 'cancelTimer' as const, params: { id: TIMER_IDS.escalate } }] : []),
        ...(hasRepeat ? [{ type: 'cancelTimer' as const, params: { id: TIMER_IDS.remind } }] : []),
      ],
      on: {
        ...(next !== undefined ? { 'TIMER.ESCALATE': { target: `rung_${next}` } } : {}),
        ...(hasRepeat
          ? {
              'TIMER.REMIND': {
                target: `rung_${level}`,
                reenter: true,
                actions: { type: 'stepRemind', params: { level } },
              },
            }
          : {}),
      },
    });
  }
  return s.createStateConfig({ initial: 'rung_0', states: rungs });
}
