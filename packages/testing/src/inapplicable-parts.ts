import type { PolicyPack } from '@hazardflow/core';
import type { MachineGraph, TransitionInfo } from './machine-graph';

/** Parts of the machine a pack switches off on purpose, each with the setting that does it. */
export interface InapplicableParts {
  readonly states: ReadonlyMap<string, string>;
  readonly transitions: ReadonlyMap<string, string>;
}

const L = 'hazard.lifecycle';
const E = 'hazard.escalation';

/**
 * The states and transitions no case can reach under these policies, by design: the machine
 * is the same for every pack, and a pack's steps choose which paths exist (no transfers, no
 * acknowledgement, no follow-up window …). A part counts as switched off only when it is off
 * in every policy given (the pack and the effective policy of each site override), so an
 * override that turns a step back on makes its states count again.
 *
 * Anything not listed here must be reached; permissions that give a step the pack asks for
 * to nobody are not a reason, they are the mistake the conformance run exists to find.
 */
export function inapplicableParts(graph: MachineGraph, policies: readonly PolicyPack[]): InapplicableParts {
  const perPolicy = policies.map((policy) => offIn(graph, policy));
  const states = intersect(perPolicy.map((p) => p.states));
  const transitions = intersect(perPolicy.map((p) => p.transitions));
  return { states, transitions };
}

function offIn(
  graph: MachineGraph,
  policy: PolicyPack,
): { states: Map<string, string>; transitions: Map<string, string> } {
  const states = new Map<string, string>();
  const transitions = new Map<string, string>();
  const offState = (prefix: string, reason: string) => {
    for (const id of graph.states) if (id === prefix || id.startsWith(`${prefix}.`)) states.set(id, reason);
    for (const t of graph.transitions) {
      if (t.source === prefix || t.source.startsWith(`${prefix}.`)) transitions.set(t.id, reason);
      if (t.targets.length > 0 && t.targets.every((target) => target === prefix || target.startsWith(`${prefix}.`))) {
        transitions.set(t.id, reason);
      }
    }
  };
  const off = (match: (t: TransitionInfo) => boolean, reason: string) => {
    for (const t of graph.transitions) if (match(t)) transitions.set(t.id, reason);
  };
  const { steps, escalation } = policy;

  if (!steps.transfer) offState(`${L}.transferred`, 'steps.transfer is false');
  if (!steps.fixOnSpot) off((t) => t.event === 'FIX_ON_SPOT', 'steps.fixOnSpot is false');
  if (steps.acknowledgement) {
    off((t) => t.guard === 'mayIssueNotice', 'steps.acknowledgement is true: every notice waits for acknowledgement');
  } else {
    offState(`${L}.noticeIssued`, 'steps.acknowledgement is false');
  }
  if (steps.majorPlan) {
    off((t) => t.guard === 'mayIssueNoticeMajor', 'steps.majorPlan is true: a major hazard goes through plan review');
  } else {
    offState(`${L}.planPending`, 'steps.majorPlan is false');
  }
  if (steps.followUp === null) {
    offState(`${L}.closed.followUp`, 'steps.followUp is null');
  } else {
    off(
      (t) => t.source === `${L}.closed.routing` && t.guard === undefined,
      'steps.followUp is set: a closed case always has a follow-up window',
    );
  }
  if (steps.interimControls.length === 0) {
    offState('hazard.interimControl.active', 'steps.interimControls is empty');
  } else if (steps.interimControls.length === 1) {
    const reason = 'steps.interimControls allows one measure, so two are never active at once';
    off((t) => t.source === 'hazard.interimControl.active' && t.targets.length === 0, reason);
  }
  if (steps.maxExtensions === 0) offState('hazard.extension.requested', 'steps.maxExtensions is 0');
  // A deadline on track may reach TIMER.DUE unwarned even when warnings are set: a warning
  // whose instant is at or before the deadline's start is skipped (a 2-hour triage, or one
  // reported on a day off), so only "no warnings at all" switches a part off.
  const stepWarnings = Object.values(escalation.warnBeforeByStep ?? {});
  if (escalation.warnBefore === null && stepWarnings.every((warnBefore) => warnBefore === null)) {
    offState(`${E}.watching.dueSoon`, 'escalation.warnBefore is null and no step sets its own (warnBeforeByStep)');
  }
  const unacknowledged = escalation.ladder.some((rung) => rung.unacknowledgedAfter !== undefined);
  if (!unacknowledged || !steps.acknowledgement) {
    const reason = !steps.acknowledgement
      ? 'steps.acknowledgement is false'
      : 'no ladder level sets unacknowledgedAfter';
    off((t) => t.event === 'TIMER.UNACKNOWLEDGED', reason);
    // Only an unacknowledged notice escalates while the clock is paused (the region is not watching).
    off((t) => t.source === E && t.event === 'hazard.escalate', `${reason}, so nothing escalates a paused clock`);
    if (!escalation.ladder.some((rung) => rung.verificationFailures !== undefined)) {
      off(
        (t) => t.event === 'hazard.escalate',
        `${reason} and no level sets verificationFailures, so nothing escalates ahead of the clock`,
      );
    }
  }
  if ((policy.unregulatedPlaceTypes ?? []).length === 0) {
    off((t) => t.event === 'ASSIGN_DEPARTMENT', 'unregulatedPlaceTypes is empty: every case has its regulator');
  }
  return { states, transitions };
}

function intersect(maps: readonly Map<string, string>[]): Map<string, string> {
  const [first, ...rest] = maps;
  const result = new Map<string, string>();
  if (!first) return result;
  for (const [id, reason] of first) if (rest.every((map) => map.has(id))) result.set(id, reason);
  return result;
}
