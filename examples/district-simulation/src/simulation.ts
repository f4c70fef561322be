import { type Actor, type BusinessCalendar, type Command, chinaCalendar, type Status } from '@hazardflow/core';
import {
  type CaseView,
  type CommandResult,
  createEngine,
  createManualClock,
  createMemoryStore,
  type Engine,
  type HazardStore,
} from '@hazardflow/engine';
import { CaseAgent } from './case-agent';
import { createDistrict, type District, PACKS } from './district';
import { planHazards } from './hazard-schedule';
import type { SimulationOptions } from './options';
import { createRandom } from './random';
import { createSimTime, type Moment, type SimTime, SLOTS } from './sim-time';
import type { World } from './world';

/** One day's state, sampled at the following midnight after the day's timers fired. */
export interface DailySample {
  date: string;
  reported: number;
  closed: number;
  /** Open cases: not closed, dismissed or transferred. */
  open: number;
  openOverdue: number;
  /** Open cases under listed supervision (挂牌督办). */
  openListed: number;
  /** Escalation notifications that day (a level reached, listed supervision). */
  escalations: number;
}

export interface Rejection {
  seq: number;
  command: string;
  code: string;
  message: string;
}

export interface SimulationStats {
  reported: number;
  commands: Record<string, number>;
  /** Outcomes of decisions: `VERIFY pass`, `VERIFY fail`, `DECIDE_EXTENSION granted`, `… refused`, `ENFORCE <measure>`. */
  outcomes: Record<string, number>;
  timersFired: number;
  notifications: Record<string, number>;
  /** Commands the engine refused. The agents act within the rules, so any is a finding. */
  rejections: Rejection[];
}

export interface SimulationRun {
  engine: Engine;
  district: District;
  time: SimTime;
  calendar: BusinessCalendar;
  samples: DailySample[];
  stats: SimulationStats;
  /** Ids of the cases filed, in report order. */
  caseIds: string[];
}

export interface SimulationDeps {
  /** Where cases live; the in-memory store when not given. */
  store?: HazardStore;
  /** Called after each simulated day. */
  onDay?: (done: number, total: number, sample: DailySample) => void;
}

const OPEN_STATUSES: Status[] = [
  'reported',
  'triaged',
  'notice_issued',
  'rectifying',
  'plan_pending',
  'supervised',
  'verifying',
];

/**
 * Runs one district's campaign on the engine with a manual clock: day by day, four moments a
 * day, firing the timers that fell due before anyone acts, then letting the agents whose turn
 * it is act. Deterministic for a seed: the agenda is ordered by day, slot and report number,
 * and every random draw comes from a stream of the seed. Case ids are ULIDs and differ per run.
 */
export async function runSimulation(
  options: Pick<SimulationOptions, 'seed' | 'days' | 'hazards' | 'start'>,
  deps: SimulationDeps = {},
): Promise<SimulationRun> {
  // Deadlines of cases closed near the end of a long run (a traffic follow-up lasts a year)
  // can fall past the calendar's covered years: those are counted on weekends only.
  const calendar = chinaCalendar({ outsideCoverage: 'weekends-only' });
  const time = createSimTime(options.start, options.days, calendar);
  const clock = createManualClock(time.midnightOf(0));
  const engine = createEngine({
    packs: Object.values(PACKS),
    store: deps.store ?? createMemoryStore(),
    clock,
    calendar,
  });
  const district = createDistrict(options.seed);
  const stats: SimulationStats = {
    reported: 0,
    commands: {},
    outcomes: {},
    timersFired: 0,
    notifications: {},
    rejections: [],
  };
  const caseIds: string[] = [];
  let escalationsToday = 0;
  /** Rungs reached since the agents last acted, for the listing authority to weigh. */
  const rungsReached: { caseId: string; level: number }[] = [];
  const agentsByCase = new Map<string, CaseAgent>();
  let currentAgent: CaseAgent | null = null;
  engine.on('timer.fired', () => {
    stats.timersFired += 1;
  });
  engine.on('notification', (n) => {
    stats.notifications[n.reason] = (stats.notifications[n.reason] ?? 0) + 1;
  });
  engine.on('case.escalated', (n, view) => {
    escalationsToday += 1;
    if (n.reason === 'escalated') rungsReached.push({ caseId: view.id, level: n.level });
  });

  const agenda = new Map<number, Map<number, CaseAgent[]>>();
  const schedule = (agent: CaseAgent, moment: Moment | null) => {
    if (moment === null || moment.day >= time.days) return;
    const day = agenda.get(moment.day) ?? new Map<number, CaseAgent[]>();
    agenda.set(moment.day, day);
    day.set(moment.slot, [...(day.get(moment.slot) ?? []), agent]);
  };
  for (const hazard of planHazards(district, time, options.seed, options.hazards)) {
    const agent = new CaseAgent(hazard, createRandom(options.seed, 1000 + hazard.seq), district);
    schedule(agent, agent.start());
  }

  let moment: Moment = { day: 0, slot: 0 };
  let currentSeq = 0;
  const check = (result: CommandResult, command: string): CaseView | null => {
    stats.commands[command] = (stats.commands[command] ?? 0) + 1;
    if (result.ok) return result.case;
    stats.rejections.push({ seq: currentSeq, command, code: result.error.code, message: result.error.message });
    return null;
  };
  const world: World = {
    time,
    district,
    get moment() {
      return moment;
    },
    now: () => clock.now().toISOString(),
    async report(input, actor) {
      const view = check(await engine.report(input, { actor }), 'REPORT');
      if (view) {
        stats.reported += 1;
        caseIds.push(view.id);
        if (currentAgent) agentsByCase.set(view.id, currentAgent);
      }
      return view;
    },
    async send(caseId: string, command: Command, actor: Actor) {
      const view = check(await engine.send(caseId, command, { actor }), command.type);
      const outcome =
        command.type === 'VERIFY'
          ? `VERIFY ${command.result}`
          : command.type === 'DECIDE_EXTENSION'
            ? `DECIDE_EXTENSION ${command.granted ? 'granted' : 'refused'}`
            : command.type === 'ENFORCE'
              ? `ENFORCE ${command.measure.kind}`
              : null;
      if (view && outcome) stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
      return view;
    },
  };

  const samples: DailySample[] = [];
  for (let day = 0; day < time.days; day++) {
    escalationsToday = 0;
    for (let slot = 0; slot < SLOTS.length; slot++) {
      moment = { day, slot };
      clock.set(time.instantOf(moment));
      await engine.runDueTimers();
      await decideAtRungs(world, rungsReached, agentsByCase, schedule);
      const due = (agenda.get(day)?.get(slot) ?? []).sort((a, b) => a.seq - b.seq);
      for (const agent of due) {
        if (!agent.isDue(moment)) continue;
        currentSeq = agent.seq;
        currentAgent = agent;
        schedule(agent, await agent.act(world));
      }
    }
    agenda.delete(day);
    clock.set(time.midnightOf(day + 1));
    await engine.runDueTimers();
    const sample = await sampleDay(engine, time.dateOf(day), escalationsToday);
    samples.push(sample);
    deps.onDay?.(day + 1, time.days, sample);
  }
  return { engine, district, time, calendar, samples, stats, caseIds };
}

/**
 * The people each rung tells decide on the cases that climbed it (listing, penalties, 约谈,
 * seals), in report order (timers due at
 * the same instant may fire in any order; the decisions must not depend on it).
 */
async function decideAtRungs(
  world: World,
  queue: { caseId: string; level: number }[],
  agents: ReadonlyMap<string, CaseAgent>,
  schedule: (agent: CaseAgent, moment: Moment | null) => void,
): Promise<void> {
  const reached = queue.splice(0).flatMap(({ caseId, level }) => {
    const agent = agents.get(caseId);
    return agent ? [{ agent, level }] : [];
  });
  reached.sort((a, b) => a.agent.seq - b.agent.seq || a.level - b.level);
  for (const { agent, level } of reached) {
    const wake = await agent.escalated(world, level);
    if (wake) schedule(agent, wake);
  }
}

async function sampleDay(engine: Engine, date: string, escalations: number): Promise<DailySample> {
  const views = await allViews(engine, {});
  const open = views.filter((v) => OPEN_STATUSES.includes(v.status));
  return {
    date,
    reported: views.length,
    closed: views.filter((v) => v.status === 'closed').length,
    open: open.length,
    openOverdue: open.filter((v) => v.overdue).length,
    openListed: open.filter((v) => v.listedSupervision).length,
    escalations,
  };
}

/** Every view matching a filter, page by page, as any application would read them. */
export async function allViews(engine: Engine, filter: Parameters<Engine['query']>[0]): Promise<CaseView[]> {
  const views: CaseView[] = [];
  let cursor: string | undefined;
  do {
    const page = await engine.query(filter, { limit: 1000, ...(cursor ? { cursor } : {}) });
    views.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return views;
}
