import type { CaseView } from '../api/types';

/**
 * The Mermaid state ids (core's `toMermaid`: the machine's state ids with `.` as `_`) the
 * case is in, derived from its view: the lifecycle state from `status`, the escalation
 * region from `paused`, `overdue` and the level, the interim-control region from the
 * measures in force. A view does not say which child of a compound state is active, so the
 * compound state itself is marked.
 */
export function currentStateIds(view: CaseView): string[] {
  const camel = view.status.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const ids = [`hazard_lifecycle_${camel}`];
  const ended = view.status === 'closed' || view.status === 'dismissed' || view.status === 'transferred';
  if (!ended) {
    if (view.paused) ids.push('hazard_escalation_paused');
    else if (view.overdue) ids.push(`hazard_escalation_watching_overdue_level_${view.escalationLevel}`);
    else if (view.dueAt) ids.push('hazard_escalation_watching');
  }
  ids.push(view.interimControls.length > 0 ? 'hazard_interimControl_active' : 'hazard_interimControl_none');
  return ids;
}

export interface MermaidState {
  id: string;
  name: string;
  /** Events leaving this state (`EVENT [guard]` labels without the guard). */
  events: string[];
}

/** The lifecycle region's top-level states of a Mermaid `stateDiagram-v2`, for the state list. */
export function lifecycleStates(mermaid: string): MermaidState[] {
  const states = new Map<string, MermaidState>();
  const named = /^\s*state "([^"]+)" as (hazard_lifecycle_[A-Za-z0-9]+)\s*$/;
  const edge = /^\s*(hazard_lifecycle_[A-Za-z0-9_]+) --> \S+(?: : (.*))?$/;
  for (const line of mermaid.split('\n')) {
    const n = named.exec(line);
    if (n?.[1] && n[2]) states.set(n[2], { id: n[2], name: n[1], events: [] });
  }
  for (const line of mermaid.split('\n')) {
    const e = edge.exec(line);
    if (!e?.[1]) continue;
    const owner = [...states.keys()].find((id) => e[1] === id || e[1]?.startsWith(`${id}_`));
    const event = (e[2] ?? '').replace(/\[[^\]]*\]/, '').trim();
    const state = owner ? states.get(owner) : undefined;
    if (state && event && !event.startsWith('TIMER.') && !state.events.includes(event)) state.events.push(event);
  }
  return [...states.values()];
}

/** The diagram source with the current states styled (Mermaid `classDef` / `class`). */
export function highlighted(mermaid: string, ids: readonly string[]): string {
  const present = ids.filter((id) => mermaid.includes(` as ${id}\n`) || mermaid.includes(` as ${id}`));
  if (present.length === 0) return mermaid;
  return `${mermaid.trimEnd()}\n  classDef current fill:#ffd54f,stroke:#b71c1c,stroke-width:3px,color:#000\n  class ${present.join(',')} current\n`;
}
