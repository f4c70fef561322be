import { COMMAND_TYPES, type HazardMachine, TIMER_EVENT_TYPES } from '@hazardflow/core';
import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { getStateNodes } from 'xstate/graph';

/** What set a transition off. */
export type TransitionKind = 'command' | 'timer' | 'internal' | 'always';

/** A transition of the machine, named so a pack author can find it in the diagram. */
export interface TransitionInfo {
  /** e.g. `hazard.lifecycle.triaged on ISSUE_NOTICE [mayIssueNoticeForPlan] → hazard.lifecycle.planPending`. */
  readonly id: string;
  readonly source: string;
  /** The event type, or `always` for an eventless transition. */
  readonly event: string;
  readonly kind: TransitionKind;
  readonly guard: string | undefined;
  /** Target state ids; empty for a transition that stays (actions only). */
  readonly targets: readonly string[];
}

/** Every state node and every transition of a machine, with a lookup from XState's definitions. */
export interface MachineGraph {
  readonly states: readonly string[];
  readonly transitions: readonly TransitionInfo[];
  /** The info of a transition definition returned by XState (the same objects the machine holds). */
  infoOf(definition: AnyTransitionDefinition): TransitionInfo | undefined;
  /** A state id and its ancestors, e.g. `hazard.lifecycle.closed.followUp` → [..., `hazard.lifecycle`, `hazard`]. */
  withAncestors(stateId: string): string[];
  /** The ids of the active state nodes of a state value, ancestors included. */
  activeStates(value: unknown): string[];
  /** Event types some active state node of a state value has transitions for. */
  acceptedEvents(value: unknown): Set<string>;
}

const commands = new Set<string>(COMMAND_TYPES);
const timers = new Set<string>(TIMER_EVENT_TYPES);
const graphs = new WeakMap<HazardMachine, MachineGraph>();

/** The state nodes (`getStateNodes` from `xstate/graph`) and transitions of a hazard machine. */
export function machineGraph(machine: HazardMachine): MachineGraph {
  const cached = graphs.get(machine);
  if (cached) return cached;
  const nodes = getStateNodes(machine.root as AnyStateNode);
  const states = [machine.root.id, ...nodes.map((node) => node.id).filter((id) => id !== machine.root.id)];
  const byDefinition = new Map<AnyTransitionDefinition, TransitionInfo>();
  const transitions: TransitionInfo[] = [];
  for (const node of [machine.root as AnyStateNode, ...nodes]) {
    if (node !== machine.root && node.id === machine.root.id) continue;
    const lists: [string, readonly AnyTransitionDefinition[]][] = [...node.transitions.entries()];
    if (node.always) lists.push(['always', node.always]);
    for (const [event, list] of lists) {
      list.forEach((definition, index) => {
        if (byDefinition.has(definition)) return;
        const info = describe(node, event, definition, index, list.length);
        byDefinition.set(definition, info);
        transitions.push(info);
      });
    }
  }
  const ownEvents = new Map<string, readonly string[]>();
  for (const node of [machine.root as AnyStateNode, ...nodes]) ownEvents.set(node.id, [...node.transitions.keys()]);
  const activeStates = (value: unknown) => activeStateIds(machine.root.id, value);
  const graph: MachineGraph = {
    states,
    transitions,
    activeStates,
    acceptedEvents: (value) => {
      const accepted = new Set<string>();
      for (const id of activeStates(value)) for (const type of ownEvents.get(id) ?? []) accepted.add(type);
      return accepted;
    },
    infoOf: (definition) => byDefinition.get(definition),
    withAncestors: (stateId) => {
      const parts = stateId.split('.');
      return parts.map((_, i) => parts.slice(0, parts.length - i).join('.'));
    },
  };
  graphs.set(machine, graph);
  return graph;
}

function describe(
  node: AnyStateNode,
  event: string,
  definition: AnyTransitionDefinition,
  index: number,
  count: number,
): TransitionInfo {
  const guard = guardName(definition.guard);
  const targets = (definition.target ?? []).map((target) => target.id);
  const kind: TransitionKind =
    event === 'always' ? 'always' : commands.has(event) ? 'command' : timers.has(event) ? 'timer' : 'internal';
  const branch = count > 1 && guard === undefined ? ` #${index + 1}` : '';
  const label = guard !== undefined ? ` [${guard}]` : branch;
  const to = targets.length > 0 ? targets.join(', ') : '(stays)';
  const reenter = definition.reenter && targets.length > 0 ? ' (re-enter)' : '';
  return {
    id: `${node.id} on ${event}${label} → ${to}${reenter}`,
    source: node.id,
    event,
    kind,
    guard,
    targets,
  };
}

function guardName(guard: unknown): string | undefined {
  if (guard === undefined) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) {
    const { type, params } = guard as { type: unknown; params?: unknown };
    if (typeof type !== 'string') return 'guard';
    return params !== undefined ? `${type} ${JSON.stringify(params)}` : type;
  }
  return typeof guard === 'function' ? guard.name || 'inline guard' : 'guard';
}

function activeStateIds(rootId: string, value: unknown): string[] {
  const ids = [rootId];
  const walk = (prefix: string, v: unknown) => {
    if (typeof v === 'string') {
      ids.push(`${prefix}.${v}`);
      return;
    }
    if (v === null || typeof v !== 'object') return;
    for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
      ids.push(`${prefix}.${key}`);
      walk(`${prefix}.${key}`, child);
    }
  };
  walk(rootId, value);
  return ids;
}
