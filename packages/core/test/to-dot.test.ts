import { createHazardMachine, definePolicyPack, toDot, toMermaid } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { type AnyStateMachine, type AnyStateNode, createMachine } from 'xstate';
import { referencePack } from './fixtures/reference-pack';

const pack = definePolicyPack(referencePack);

/** `source -> target : label` for every transition edge (top level of the digraph), anchors resolved to their state. */
function dotTransitions(dot: string): string[] {
  const edge = /^ {2}"((?:[^"\\]|\\.)*)" -> "((?:[^"\\]|\\.)*)"(?: \[(.*)\])?;$/;
  return dot
    .split('\n')
    .map((line) => edge.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, source, target, attributes]) => {
      const label = /label="((?:[^"\\]|\\.)*)"/.exec(attributes ?? '')?.[1] ?? '';
      const state = (id: string) => id.replace(/#(initial|anchor)$/, '').replace(/[^A-Za-z0-9_]/g, '_');
      return `${state(source as string)} -> ${state(target as string)} : ${label}`;
    });
}

function mermaidTransitions(mermaid: string): string[] {
  return mermaid
    .split('\n')
    .map((line) => /^\s*(\w+) --> (\w+)(?: : (.*))?$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, source, target, label]) => `${source} -> ${target} : ${label ?? ''}`);
}

function statesOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states as Record<string, AnyStateNode>).flatMap((child) => [child, ...statesOf(child)]);
}

function braceBalance(text: string): number {
  let depth = 0;
  for (const line of text.split('\n')) {
    if (line.trimEnd().endsWith('{')) depth++;
    if (line.trim() === '}') depth--;
    if (depth < 0) return depth;
  }
  return depth;
}

describe('toDot', () => {
  const dot = toDot(pack);
  const machine = createHazardMachine(pack) as unknown as AnyStateMachine;

  it('is one digraph with compound edges, balanced clusters and a final newline', () => {
    expect(dot.startsWith('digraph "hazard" {\n  graph [compound=true')).toBe(true);
    expect(dot.endsWith('}\n')).toBe(true);
    expect(braceBalance(dot)).toBe(0);
  });

  it('draws a cluster for every compound state and a node for every atomic one, each once', () => {
    for (const state of statesOf(machine.root as AnyStateNode)) {
      const compound = Object.keys(state.states).length > 0;
      const declaration = compound ? `subgraph "cluster_${state.id}" {` : `"${state.id}" [label="${state.key}"`;
      expect(dot.split(declaration).length - 1, state.id).toBe(1);
    }
    expect(dot.match(/style="dashed,rounded"/g)?.length).toBe(4); // the four parallel regions
    expect(dot).toContain('"hazard.lifecycle.dismissed" [label="dismissed", peripheries=2];');
  });

  it('draws exactly the transitions toMermaid draws, labelled alike', () => {
    const fromDot = dotTransitions(dot);
    expect(fromDot.length).toBeGreaterThan(40);
    expect(new Set(fromDot).size).toBe(fromDot.length);
    expect(new Set(fromDot)).toEqual(new Set(mermaidTransitions(toMermaid(pack))));
  });

  it('attaches edges of compound states to their cluster border, and the ladder comes from the pack', () => {
    expect(dot).toContain(
      '  "hazard.escalation.paused" -> "hazard.escalation.watching#initial" [label="RESUME_CLOCK [mayAct]", lhead="cluster_hazard.escalation.watching"];',
    );
    expect(dot).toContain(
      '  "hazard.escalation.watching#initial" -> "hazard.escalation.paused" [label="PAUSE_CLOCK [mayPauseClock]", ltail="cluster_hazard.escalation.watching"];',
    );
    for (let level = 0; level <= pack.escalation.ladder.length; level++) {
      expect(dot).toContain(`"hazard.escalation.watching.overdue.level_${level}" [label="level_${level}"]`);
    }
  });

  it('accepts a machine as well as a pack and prints the same text every time', () => {
    expect(toDot(machine)).toBe(dot);
    expect(toDot(pack)).toBe(dot);
  });

  it('handles any machine: quotes in names, edges into, out of and within compound and parallel states', () => {
    const custom = createMachine({
      id: 'door "A"',
      initial: 'closed',
      states: {
        closed: { on: { OPEN: 'open', LOCK: 'locked' } },
        locked: {
          initial: 'latched',
          states: { latched: { on: { TURN: 'bolted' } }, bolted: { type: 'final' } },
          on: { UNLOCK: 'closed', RESET: '.latched' },
        },
        open: {
          type: 'parallel',
          states: {
            hinge: { initial: 'swinging', states: { swinging: {} } },
            alarm: { initial: 'armed', states: { armed: {} } },
          },
          on: { SLAM: 'locked' },
        },
      },
    });
    const text = toDot(custom);
    expect(text.startsWith('digraph "door \\"A\\"" {')).toBe(true);
    expect(braceBalance(text)).toBe(0);
    expect(text).toContain(
      '"door \\"A\\".closed" -> "door \\"A\\".locked#initial" [label="LOCK", lhead="cluster_door \\"A\\".locked"];',
    );
    // out of a compound state to its sibling: clipped at the tail cluster
    expect(text).toContain(
      '"door \\"A\\".locked#initial" -> "door \\"A\\".closed" [label="UNLOCK", ltail="cluster_door \\"A\\".locked"];',
    );
    // into its own child: no clipping, the child lies inside the cluster
    expect(text).toContain('"door \\"A\\".locked#initial" -> "door \\"A\\".locked.latched" [label="RESET"];');
    // a parallel state has no initial marker; edges use an invisible anchor instead
    expect(text).toContain('"door \\"A\\".open#anchor" [shape=point, style=invis');
    expect(text).toContain(
      '"door \\"A\\".open#anchor" -> "door \\"A\\".locked#initial" [label="SLAM", ltail="cluster_door \\"A\\".open", lhead="cluster_door \\"A\\".locked"];',
    );
    expect(text).toContain('"door \\"A\\".locked.bolted" [label="bolted", peripheries=2];');
    expect(text).not.toContain('"door \\"A\\".open#initial"');
  });
});
