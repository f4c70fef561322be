import { DEFAULT_PERMISSIONS, type PolicyPack } from '@hazardflow/core';
import type { ConformanceProblem, CoverageSummary } from './conformance-report';
import type { Exploration } from './explore-pack';
import type { InapplicableParts } from './inapplicable-parts';
import type { MachineGraph, TransitionInfo } from './machine-graph';

/** What must be covered, and how to judge an exploration against it. */
export interface CoverageChecks {
  /**
   * True once every state and transition that must be covered is, leaving out those that
   * are certainly dead (a command nobody may issue, and what only it leads to): the
   * exploration may stop, they are reported all the same.
   */
  isComplete(states: ReadonlySet<string>, transitions: ReadonlyMap<string, number>): boolean;
  summarise(exploration: Exploration): {
    summary: CoverageSummary;
    stateProblems: ConformanceProblem[];
    transitionProblems: ConformanceProblem[];
    notes: string[];
  };
}

/**
 * Every state node and transition of the machine must be reached, except those the pack's
 * steps switch off (`inapplicableParts`) and those the caller accepts. Transitions are
 * counted in every microstep: the one an event selects, the eventless (`always`) routing
 * that follows, and those of events the machine raises to itself.
 */
export function coverageChecks(
  graph: MachineGraph,
  inapplicable: InapplicableParts,
  policies: readonly PolicyPack[],
  accept: readonly string[],
): CoverageChecks {
  const accepted = (id: string) =>
    accept.some((pattern) => (pattern.endsWith('*') ? id.startsWith(pattern.slice(0, -1)) : id === pattern));
  const mustStates = graph.states.filter((id) => !inapplicable.states.has(id) && !accepted(id));
  const mustTransitions = graph.transitions.filter((t) => !inapplicable.transitions.has(t.id) && !accepted(t.id));
  const dead = deadParts(graph, policies);
  const liveStates = mustStates.filter((id) => !dead.states.has(id));
  const liveTransitions = mustTransitions.filter((t) => !dead.transitions.has(t.id));

  return {
    isComplete: (states, transitions) =>
      liveStates.every((id) => states.has(id)) && liveTransitions.every((t) => transitions.has(t.id)),

    summarise(exploration) {
      const notes = [
        `${exploration.explored} abstract states explored from ${exploration.starts.length} cases (${exploration.starts.map((s) => s.label).join('; ')})`,
        'transitions counted: command, timer, internal (raised by the machine) and always (eventless routing)',
      ];
      if (exploration.bounded) {
        notes.push(
          'the exploration gave up (maxStates, or a long run of states with nothing new) before covering everything: raise options.maxStates or options.plateau to look further',
        );
      }
      const unreached = mustStates.filter((id) => !exploration.reachedStates.has(id));
      const untaken = mustTransitions.filter((t) => !exploration.takenTransitions.has(t.id));
      const bounded = exploration.bounded ? '; the exploration gave up before covering everything' : '';

      const stateProblems = unreached.map((id): ConformanceProblem => {
        const why = dead.states.get(id);
        if (why !== undefined) return { code: 'unreached_state', path: id, message: `state is never reached: ${why}` };
        const incoming = incomingOf(graph, id);
        const into =
          incoming.length > 0
            ? `no explored case took a transition into it (${incoming.map((t) => `${t.source} on ${t.event}`).join(', ')})`
            : 'no transition leads to it';
        return { code: 'unreached_state', path: id, message: `state is never reached: ${into}${bounded}` };
      });
      const transitionProblems = untaken.map((t): ConformanceProblem => {
        const why = dead.transitions.get(t.id);
        if (why !== undefined) {
          return { code: 'untaken_transition', path: t.id, message: `transition is never taken: ${why}` };
        }
        const guard = t.guard !== undefined ? ` ${t.guard}` : '';
        const reason = exploration.reachedStates.has(t.source)
          ? `its guard${guard} never held when ${t.event} came`
          : `its source state ${t.source} is never reached`;
        return { code: 'untaken_transition', path: t.id, message: `transition is never taken: ${reason}${bounded}` };
      });

      const describeOff = (map: ReadonlyMap<string, string>) => [...map].map(([id, reason]) => ({ id, reason }));
      const summary: CoverageSummary = {
        states: {
          total: graph.states.length,
          reached: graph.states.filter((id) => exploration.reachedStates.has(id)).length,
          unreached,
          inapplicable: describeOff(inapplicable.states),
          accepted: graph.states.filter((id) => accepted(id) && !exploration.reachedStates.has(id)),
        },
        transitions: {
          total: graph.transitions.length,
          taken: graph.transitions.filter((t) => exploration.takenTransitions.has(t.id)).length,
          untaken: untaken.map((t) => t.id),
          inapplicable: describeOff(inapplicable.transitions),
          accepted: graph.transitions
            .filter((t) => accepted(t.id) && !exploration.takenTransitions.has(t.id))
            .map((t) => t.id),
          counted: ['command', 'timer', 'internal', 'always'],
        },
        explored: exploration.explored,
        bounded: exploration.bounded,
      };
      return { summary, stateProblems, transitionProblems, notes };
    },
  };
}

/**
 * Parts no case can reach whatever happens, with the reason: transitions on a command that
 * no role may issue under any of the policies, states whose every way in is such a
 * transition, and the transitions out of those states, to a fixpoint.
 */
function deadParts(
  graph: MachineGraph,
  policies: readonly PolicyPack[],
): { states: Map<string, string>; transitions: Map<string, string> } {
  const transitions = new Map<string, string>();
  const states = new Map<string, string>();
  for (const t of graph.transitions) {
    if (t.kind !== 'command') continue;
    const command = t.event as keyof PolicyPack['permissions'];
    if (policies.every((policy) => (policy.permissions[command] ?? DEFAULT_PERMISSIONS[command]).length === 0)) {
      const step = policies[0] ? stepAsking(policies[0], command) : undefined;
      const yet = step !== undefined ? `, yet ${step}: switch the step off or name a role` : '';
      transitions.set(t.id, `nobody may ${t.event} (permissions.${t.event} is empty)${yet}`);
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of graph.states) {
      if (states.has(id)) continue;
      const incoming = incomingOf(graph, id);
      if (incoming.length === 0 || !incoming.every((t) => transitions.has(t.id))) continue;
      const reasons = [...new Set(incoming.map((t) => transitions.get(t.id) as string))];
      states.set(id, `every way into it is dead: ${reasons.join('; ')}`);
      changed = true;
    }
    for (const t of graph.transitions) {
      if (transitions.has(t.id) || !states.has(t.source)) continue;
      transitions.set(t.id, `its source state ${t.source} is never reached`);
      changed = true;
    }
  }
  return { states, transitions };
}

/** The pack setting that says a command's step exists, in words, if one does. */
function stepAsking(policy: PolicyPack, command: string): string | undefined {
  const { steps } = policy;
  switch (command) {
    case 'TRANSFER':
      return steps.transfer ? 'steps.transfer is true' : undefined;
    case 'FIX_ON_SPOT':
      return steps.fixOnSpot ? 'steps.fixOnSpot is true' : undefined;
    case 'ACKNOWLEDGE':
      return steps.acknowledgement ? 'steps.acknowledgement is true' : undefined;
    case 'SUBMIT_PLAN':
    case 'APPROVE_PLAN':
    case 'REJECT_PLAN':
      return steps.majorPlan ? 'steps.majorPlan is true' : undefined;
    case 'START_INTERIM_CONTROL':
    case 'LIFT_INTERIM_CONTROL':
      return steps.interimControls.length > 0
        ? `steps.interimControls allows ${steps.interimControls.join(', ')}`
        : undefined;
    case 'REQUEST_EXTENSION':
    case 'DECIDE_EXTENSION':
      return steps.maxExtensions > 0 ? `steps.maxExtensions is ${steps.maxExtensions}` : undefined;
    case 'REOPEN':
      return steps.followUp !== null ? 'steps.followUp opens a follow-up window' : undefined;
    default:
      return undefined;
  }
}

/** Transitions that may enter a state: those targeting it, a state inside it, or a state around it. */
function incomingOf(graph: MachineGraph, id: string): TransitionInfo[] {
  return graph.transitions.filter((t) =>
    t.targets.some((target) => target === id || target.startsWith(`${id}.`) || id.startsWith(`${target}.`)),
  );
}
