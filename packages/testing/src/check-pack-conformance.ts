import {
  type BusinessCalendar,
  createHazardModel,
  type PolicyPack,
  policyPackSchema,
  validatePolicyPack,
} from '@hazardflow/core';
import { conformanceCalendar } from './conformance-calendar';
import type { ConformanceCheck, ConformanceCheckId, ConformanceProblem, ConformanceReport } from './conformance-report';
import { conformanceStarts } from './conformance-starts';
import { coverageChecks } from './coverage-checks';
import { explorePack } from './explore-pack';
import { inapplicableParts } from './inapplicable-parts';
import { ladderOrderProblems, ladderRoleProblems } from './ladder-checks';
import { machineGraph } from './machine-graph';
import { randomWalks } from './random-walks';
import { reportCheckProblems } from './report-check-problems';

export interface PackConformanceOptions {
  /** The working-day calendar; default: the pack's (China's, weekends-only past 2026, for Asia/Shanghai). */
  readonly calendar?: BusinessCalendar;
  /** When the explored cases are reported; default Monday 2026-01-05 10:00 in Shanghai. */
  readonly start?: string;
  /**
   * Abstract case states the exploration may visit before it gives up (default 8000). The
   * search ends as soon as every state and transition is covered; the limits matter only for
   * what is hard to reach (a listing that must survive to the case's close, for DELIST).
   */
  readonly maxStates?: number;
  /** States explored at least, for the invariants, even when everything is covered sooner (default 300). */
  readonly minStates?: number;
  /** Give up after this many states in a row cover nothing new (default 2500). */
  readonly plateau?: number;
  /** Random command sequences (default 100) and their length (default 30 steps). */
  readonly numRuns?: number;
  readonly maxSteps?: number;
  /** fast-check seed of the random sequences; a failure prints the one to pass back here. */
  readonly seed?: number;
  /**
   * States or transitions (ids as reported, or a prefix ending in `*`) the pack leaves
   * unreached on purpose, e.g. `hazard.escalation.paused*` for a pack that never pauses.
   */
  readonly accept?: readonly string[];
}

/** What each check promises; `runPackConformance` names its tests after these. */
export const CONFORMANCE_CHECKS: readonly { readonly id: ConformanceCheckId; readonly title: string }[] = [
  { id: 'validation', title: 'the pack validates' },
  { id: 'ladder-order', title: 'escalation triggers are increasing on the calendar' },
  { id: 'ladder-roles', title: 'every role the ladder notifies exists in the permission matrix' },
  { id: 'report-checks', title: "every example report passes the pack's report checks" },
  { id: 'states', title: 'every state of the machine is reached' },
  { id: 'transitions', title: 'every transition of the machine is taken' },
  { id: 'invariants', title: 'lifecycle invariants hold on every explored path' },
  { id: 'random-walks', title: 'lifecycle invariants hold under random commands by random actors' },
  { id: 'working-days', title: 'every deadline not counted in hours lands on a working day' },
];

const DEFAULT_START = '2026-01-05T02:00:00.000Z';
const title = (id: ConformanceCheckId) => CONFORMANCE_CHECKS.find((c) => c.id === id)?.title ?? id;

/**
 * Checks that a policy pack is sound before a real hazard runs through it, and returns
 * the findings as plain data (no test framework needed; `runPackConformance` wraps it for
 * vitest). Accepts anything claiming to be a pack: a validated `PolicyPack`, an input
 * object, parsed JSON or YAML.
 */
export async function checkPackConformance(
  input: unknown,
  options: PackConformanceOptions = {},
): Promise<ConformanceReport> {
  const began = performance.now();
  const seed = options.seed ?? Math.floor(Math.random() * 0x7fffffff);
  const start = options.start ?? DEFAULT_START;
  const year = new Date(start).getUTCFullYear();
  const checks: ConformanceCheck[] = [];
  const add = (id: ConformanceCheckId, problems: ConformanceProblem[], extra: Partial<ConformanceCheck> = {}) =>
    checks.push({ id, title: title(id), ok: problems.length === 0 && extra.skipped === undefined, problems, ...extra });

  const validation = validatePolicyPack(input);
  add(
    'validation',
    validation.success ? [] : validation.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })),
  );

  if (!validation.success) {
    // The ladder checks need only the pack's shape, so a pack with other mistakes still gets them.
    const shape = policyPackSchema.safeParse(input);
    if (shape.success) {
      const calendar = safeCalendar(shape.data.timeZone, options.calendar);
      if (calendar) add('ladder-order', ladderOrderProblems(shape.data.escalation, calendar, year));
      else add('ladder-order', [], { skipped: `unknown time zone "${shape.data.timeZone}"` });
      add('ladder-roles', ladderRoleProblems(shape.data));
    }
    for (const { id } of CONFORMANCE_CHECKS) {
      if (!checks.some((c) => c.id === id)) add(id, [], { skipped: 'the pack does not validate' });
    }
    return finish(packLabel(input), checks, seed, began);
  }

  const pack: PolicyPack = validation.pack;
  const calendar = conformanceCalendar(pack.timeZone, options.calendar);
  add('ladder-order', ladderOrderProblems(pack.escalation, calendar, year));
  add('ladder-roles', ladderRoleProblems(pack));

  const model = createHazardModel(pack, { calendar });
  const graph = machineGraph(model.machine);
  const starts = conformanceStarts(pack, model, start);
  add('report-checks', reportCheckProblems(starts));
  const policies = starts.map((s) => s.policy);
  const coverage = coverageChecks(graph, inapplicableParts(graph, policies), policies, options.accept ?? []);
  const exploration = explorePack(model, {
    calendar,
    starts,
    maxStates: options.maxStates ?? 8000,
    minStates: Math.min(options.minStates ?? 300, options.maxStates ?? 8000),
    plateau: options.plateau ?? 2500,
    covered: coverage.isComplete,
  });
  const covered = coverage.summarise(exploration);
  add('states', covered.stateProblems, { notes: covered.notes });
  add('transitions', covered.transitionProblems, { notes: covered.notes });

  const deadlineProblems: ConformanceProblem[] = [];
  const invariantProblems: ConformanceProblem[] = [];
  for (const { problem, trace } of exploration.violations) {
    const list = problem.code === 'deadline_not_on_working_day' ? deadlineProblems : invariantProblems;
    list.push({ code: problem.code, message: problem.message, trace });
  }
  for (const { problem, trace } of exploration.errors) {
    invariantProblems.push({ code: 'machine_error', message: `the machine threw: ${problem}`, trace });
  }
  add('invariants', invariantProblems, {
    notes: [`${exploration.explored} abstract states explored from ${exploration.starts.length} cases`],
  });

  const walks = randomWalks(model, starts, {
    calendar,
    numRuns: options.numRuns ?? 100,
    maxSteps: options.maxSteps ?? 30,
    seed,
    from: start,
    spreadDays: 300,
    timeLimitMs: 20_000,
  });
  const walkProblems: ConformanceProblem[] = [];
  if (walks.failure) {
    const { violation, trace } = walks.failure;
    const problem = { code: violation.code, message: `${violation.message} (random case, seed ${seed})`, trace };
    (violation.code === 'deadline_not_on_working_day' ? deadlineProblems : walkProblems).push(problem);
  }
  if (walks.error)
    walkProblems.push({ code: 'machine_error', message: `the machine threw: ${walks.error} (seed ${seed})` });
  const ended = Object.entries(walks.ended)
    .map(([status, count]) => `${status} ${count}`)
    .join(', ');
  add('random-walks', walkProblems, {
    notes: [
      `${walks.numRuns} random cases, seed ${seed}; they ended ${ended || '(none)'}; highest level ${walks.maxLevel}`,
    ],
  });
  add('working-days', deadlineProblems, {
    notes: [
      `checked on ${calendar.timeZone}, ${calendar.coveredYears ? `holidays ${calendar.coveredYears.from}–${calendar.coveredYears.to}` : 'weekends only'}`,
    ],
  });

  return finish(`${pack.id}@${pack.version}`, checks, seed, began, covered.summary);
}

function finish(
  pack: string,
  checks: ConformanceCheck[],
  seed: number,
  began: number,
  coverage?: ConformanceReport['coverage'],
): ConformanceReport {
  const order = CONFORMANCE_CHECKS.map((c) => c.id);
  checks.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return {
    pack,
    ok: checks.every((check) => check.ok),
    checks,
    ...(coverage ? { coverage } : {}),
    seed,
    durationMs: Math.round(performance.now() - began),
  };
}

/** `id@version` of anything that looks like a pack, for names and messages. */
export function packLabel(input: unknown): string {
  const candidate = input as { id?: unknown; version?: unknown } | null;
  if (candidate && typeof candidate.id === 'string') {
    return typeof candidate.version === 'string' ? `${candidate.id}@${candidate.version}` : candidate.id;
  }
  return '(invalid pack)';
}

function safeCalendar(timeZone: string, given: BusinessCalendar | undefined): BusinessCalendar | undefined {
  try {
    return conformanceCalendar(timeZone, given);
  } catch {
    return undefined;
  }
}
