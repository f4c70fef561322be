import type { BusinessCalendar, CommandType, HazardModel, PolicyPack } from '@hazardflow/core';
import type { AnyTransitionDefinition } from 'xstate';
import { CaseSimulator, contextOf, type SimulatedCase, type SimulatedStep } from './case-simulator';
import type { ConformanceStart } from './conformance-starts';
import { escalationPathViolation } from './escalation-path';
import { type InvariantViolation, invariantViolations } from './lifecycle-invariants';
import { machineGraph } from './machine-graph';
import { caseActors, commandVariants, describeCommand, rolesFor, withEvidence } from './pack-commands';

export interface ExploreOptions {
  readonly calendar: BusinessCalendar;
  /** Stop after exploring this many distinct abstract states. */
  readonly maxStates: number;
  /** Explore at least this many, even when everything is covered sooner (more paths for the invariants). */
  readonly minStates: number;
  /** Stop when this many states in a row covered nothing new. */
  readonly plateau: number;
  /** The cases to start from (`conformanceStarts`). */
  readonly starts: readonly ConformanceStart[];
  /** Stop early once this says everything that must be covered is. */
  readonly covered: (states: ReadonlySet<string>, transitions: ReadonlyMap<string, number>) => boolean;
}

/** A problem met on the way, with the events that led to it. */
export interface TracedProblem<T> {
  readonly problem: T;
  readonly trace: readonly string[];
}

/** What a bounded breadth-first exploration of a pack's machine saw. */
export interface Exploration {
  readonly starts: readonly ConformanceStart[];
  readonly reachedStates: ReadonlySet<string>;
  /** Transition id → how many times it was taken. */
  readonly takenTransitions: ReadonlyMap<string, number>;
  readonly explored: number;
  /** Stopped (at maxStates or on a plateau) with states left to explore and coverage incomplete. */
  readonly bounded: boolean;
  readonly violations: readonly TracedProblem<InvariantViolation>[];
  /** Events the machine threw on (a bug in the machine or the calendar, never a rejection). */
  readonly errors: readonly TracedProblem<string>[];
}

interface Node {
  readonly case: SimulatedCase;
  readonly start: number;
  readonly parent: Node | undefined;
  readonly label: string;
  /** Steps since this node's path last covered something new. */
  readonly sinceNovelty: number;
}

/** Commands that never move a case; tried once per start, not in every state. */
const STILL: readonly CommandType[] = ['ADD_EVIDENCE', 'COMMENT'];

/**
 * Breadth-first search over the cases a pack allows, from one case per category and per
 * site override. From each state it tries every command variant by every role the case's
 * policy permits (actors of the case's own orgs, with the evidence the step asks for) and
 * "fire the next due timer", the engine's only way for time to pass. States are merged by
 * an abstract key (state value, severity, level, interim controls, extensions, failures,
 * plan, pending timers …), not by instants, so the search ends; `maxStates` bounds it.
 */
export function explorePack(model: HazardModel, options: ExploreOptions): Exploration {
  const graph = machineGraph(model.machine);
  const runtime = model;
  const simulator = new CaseSimulator(model, 'restore');
  const variants = commandVariants(model.pack);
  const { starts } = options;

  const reachedStates = new Set<string>();
  const takenTransitions = new Map<string, number>();
  const violations: TracedProblem<InvariantViolation>[] = [];
  const errors: TracedProblem<string>[] = [];
  const seenProblems = new Set<string>();
  const seen = new Set<string>();

  /** Records coverage; true when something was covered for the first time. */
  const record = (transitions: readonly AnyTransitionDefinition[], after: SimulatedCase): boolean => {
    const before = takenTransitions.size + reachedStates.size;
    for (const definition of transitions) {
      const info = graph.infoOf(definition);
      if (!info) continue;
      takenTransitions.set(info.id, (takenTransitions.get(info.id) ?? 0) + 1);
      for (const id of [info.source, ...info.targets])
        for (const state of graph.withAncestors(id)) reachedStates.add(state);
    }
    for (const id of graph.activeStates(after.snapshot.value)) reachedStates.add(id);
    return takenTransitions.size + reachedStates.size > before;
  };
  const problem = <T>(list: TracedProblem<T>[], key: string, value: T, node: Node | undefined, label: string) => {
    if (seenProblems.has(key)) return;
    seenProblems.add(key);
    list.push({ problem: value, trace: [...traceOf(node), label] });
  };
  // Novelty first: a node whose arrival took a transition or reached a state never seen
  // before is explored before the others, then nodes by how many steps ago their path last
  // found something new, events of the clock before commands. Coverage-guided like a fuzzer,
  // so deep paths (a major hazard's plan, the top of the ladder) are found in few steps.
  const buckets: Node[][] = [];
  let queued = 0;
  const visit = (node: Node, priority: number) => {
    const key = abstractKey(node.start, node.case);
    if (seen.has(key)) return;
    seen.add(key);
    let bucket = buckets[priority];
    if (!bucket) {
      bucket = [];
      buckets[priority] = bucket;
    }
    bucket.push(node);
    queued++;
  };
  const take = (): Node | undefined => {
    for (const bucket of buckets) {
      if (bucket && bucket.length > 0) {
        queued--;
        return bucket.shift();
      }
    }
    return undefined;
  };
  const arrive = (step: SimulatedStep, from: Node, label: string, policy: PolicyPack, byTimer: boolean) => {
    const novel = record(step.transitions, step.after);
    if (novel) lastNovelty = processed;
    for (const violation of invariantViolations(policy, options.calendar, step.before, step.after)) {
      problem(violations, `${violation.code}:${violation.message}`, violation, from, label);
    }
    const sinceNovelty = novel ? 0 : from.sinceNovelty + 1;
    visit(
      { case: step.after, start: from.start, parent: from, label, sinceNovelty },
      sinceNovelty * 2 + (byTimer ? 0 : 1),
    );
  };

  starts.forEach((start, index) => {
    try {
      const started = simulator.start(start.input);
      record(started.transitions, started.case);
      const root: Node = {
        case: started.case,
        start: index,
        parent: undefined,
        label: `report ${start.label}`,
        sinceNovelty: 0,
      };
      for (const violation of invariantViolations(start.policy, options.calendar, undefined, started.case)) {
        problem(violations, `${violation.code}:${violation.message}`, violation, undefined, root.label);
      }
      visit(root, 0);
    } catch (error) {
      problem(errors, `start:${start.label}:${messageOf(error)}`, messageOf(error), undefined, `report ${start.label}`);
    }
  });

  let processed = 0;
  let lastNovelty = 0;
  /** Escalation paths already checked, by state, deadline step, owner and levels. */
  const checkedPaths = new Set<string>();
  const done = () =>
    processed >= options.maxStates ||
    processed - lastNovelty >= options.plateau ||
    (processed >= options.minStates && options.covered(reachedStates, takenTransitions));
  while (queued > 0 && !done()) {
    const node = take() as Node;
    processed++;
    const context = contextOf(node.case);
    const policy = runtime.policyOf(context);
    const accepted = graph.acceptedEvents(node.case.snapshot.value);
    const at = new Date(node.case.now).toISOString();
    const actors = caseActors(context);
    const pathKey = escalationPathKey(node.case);
    if (!checkedPaths.has(pathKey)) {
      checkedPaths.add(pathKey);
      try {
        const violation = escalationPathViolation(simulator, policy, node.case);
        if (violation) problem(violations, `${violation.code}:${pathKey}`, violation, node, 'left alone');
      } catch (error) {
        problem(errors, `left alone:${messageOf(error)}`, messageOf(error), node, 'left alone');
      }
    }
    for (const variant of variants) {
      if (!accepted.has(variant.type)) continue;
      if (STILL.includes(variant.type) && node.parent !== undefined) continue;
      for (const role of rolesFor(policy, variant.type)) {
        const candidates = actors[role] ?? [];
        const actor = candidates.find((a) => a.id !== context.rectifiedBy) ?? candidates[0];
        if (!actor) continue;
        const label = `${role}:${describeCommand(variant)}`;
        try {
          const outcome = simulator.send(node.case, withEvidence(policy, context, variant, actor, at), actor);
          if (outcome.ok) arrive(outcome.step, node, label, policy, false);
        } catch (error) {
          problem(errors, `${label}:${messageOf(error)}`, messageOf(error), node, label);
        }
      }
    }
    const timer = simulator.nextTimer(node.case);
    if (timer) {
      const label = `timer:${timer.event.type}${'level' in timer.event ? ` ${String(timer.event.level)}` : ''}`;
      try {
        const step = simulator.fireNextTimer(node.case);
        if (step) arrive(step, node, label, policy, true);
      } catch (error) {
        problem(errors, `${label}:${messageOf(error)}`, messageOf(error), node, label);
      }
    }
  }

  return {
    starts,
    reachedStates,
    takenTransitions,
    explored: processed,
    bounded: queued > 0 && !options.covered(reachedStates, takenTransitions),
    violations,
    errors,
  };
}

/** What distinguishes two cases for coverage; instants are left out so the search ends. */
function abstractKey(start: number, simulated: SimulatedCase): string {
  const ctx = contextOf(simulated);
  const timers = [...simulated.timers.values()]
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.timerId.localeCompare(b.timerId))
    .map((t) => t.timerId);
  return JSON.stringify([
    start,
    simulated.snapshot.value,
    ctx.severity,
    ctx.imminentDanger,
    ctx.escalationLevel,
    Math.min(ctx.interimControls.length, 2),
    ctx.extensionCount,
    Math.min(ctx.verificationFailures, 3),
    ctx.plan === null ? 'none' : ctx.plan.approvedAt === undefined ? 'submitted' : 'approved',
    Math.min(ctx.reopenedCount, 1),
    ctx.remindersSent,
    ctx.deadline?.step ?? null,
    ctx.rectifiedBy !== null,
    ctx.acknowledgedAt !== null,
    ctx.paused !== null,
    ctx.closedAt !== null,
    ctx.listing == null ? 'unlisted' : ctx.listing.delistedAt === undefined ? 'listed' : 'delisted',
    timers,
  ]);
}

function traceOf(node: Node | undefined): string[] {
  const labels: string[] = [];
  for (let n = node; n; n = n.parent) labels.push(n.label);
  return labels.reverse();
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** What decides whether a case left alone climbs: its states, the step watched and how far both ladders are. */
function escalationPathKey(simulated: SimulatedCase): string {
  const ctx = contextOf(simulated);
  return [
    JSON.stringify(simulated.snapshot.value),
    ctx.severity,
    ctx.deadline?.step,
    ctx.escalationLevel,
    ctx.stepEscalation?.dueAt === ctx.deadline?.dueAt ? (ctx.stepEscalation?.level ?? 0) : 0,
  ].join('|');
}
