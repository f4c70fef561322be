import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { createHazardModel } from '../machine/hazard-model';
import type { PolicyPack } from '../pack/schema';

/**
 * Renders a machine (or the machine of a pack) as a Mermaid `stateDiagram-v2`: compound
 * states nest, parallel regions are separated by `--`, transitions are labelled with their
 * event and guard, timers show as `TIMER.*` events and `always` routes as `[guard]` only.
 */
export function toMermaid(machineOrPack: AnyStateMachine | PolicyPack): string {
  const machine: AnyStateMachine = isMachine(machineOrPack) ? machineOrPack : createHazardModel(machineOrPack).machine;
  const root = machine.root as AnyStateNode;
  const edges = edgesByContainer(root);
  const lines: string[] = ['stateDiagram-v2'];
  lines.push(`  state "${root.key}" as ${idOf(root)} {`);
  renderChildren(root, edges, lines, 2);
  lines.push('  }');
  return `${lines.join('\n')}\n`;
}

function isMachine(value: unknown): value is AnyStateMachine {
  return typeof value === 'object' && value !== null && 'root' in value && 'transition' in value;
}

function idOf(node: AnyStateNode): string {
  return node.id.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Mermaid cannot draw an edge declared outside the composite states that hold both ends, so
 * each edge is written inside the innermost state containing its source and its target.
 */
function edgesByContainer(root: AnyStateNode): Map<AnyStateNode, string[]> {
  const byContainer = new Map<AnyStateNode, string[]>();
  const seen = new Set<string>();
  const add = (source: AnyStateNode, targets: readonly AnyStateNode[], label: string) => {
    for (const target of targets) {
      const container = commonAncestor(source, target);
      const edge = `${idOf(source)} --> ${idOf(target)}${label ? ` : ${label}` : ''}`;
      if (seen.has(edge)) continue;
      seen.add(edge);
      const list = byContainer.get(container) ?? [];
      list.push(edge);
      byContainer.set(container, list);
    }
  };
  const visit = (source: AnyStateNode) => {
    for (const [eventType, transitions] of source.transitions) {
      if (eventType.startsWith('hazard.') || eventType.startsWith('xstate.')) continue;
      for (const t of transitions) add(source, t.target ?? [], labelOf(eventType, t.guard));
    }
    for (const t of source.always ?? []) add(source, t.target ?? [], labelOf('', t.guard));
    for (const child of Object.values(source.states) as AnyStateNode[]) visit(child);
  };
  visit(root);
  return byContainer;
}

function commonAncestor(a: AnyStateNode, b: AnyStateNode): AnyStateNode {
  const ancestors = new Set<AnyStateNode>();
  for (let n: AnyStateNode | undefined = a.parent; n; n = n.parent) ancestors.add(n);
  for (let n: AnyStateNode | undefined = b.parent; n; n = n.parent) if (ancestors.has(n)) return n;
  return a.machine.root as AnyStateNode;
}

function renderChildren(node: AnyStateNode, edges: Map<AnyStateNode, string[]>, lines: string[], depth: number): void {
  const children = Object.values(node.states) as AnyStateNode[];
  children.forEach((child, index) => {
    if (node.type === 'parallel' && index > 0) lines.push(`${indent(depth)}--`);
    const id = idOf(child);
    lines.push(`${indent(depth)}state "${child.key}" as ${id}`);
    if (Object.keys(child.states).length > 0) {
      lines.push(`${indent(depth)}state ${id} {`);
      renderChildren(child, edges, lines, depth + 1);
      lines.push(`${indent(depth)}}`);
    }
    if (node.type !== 'parallel' && node.initial?.target[0] === child) lines.push(`${indent(depth)}[*] --> ${id}`);
    if (child.type === 'final') lines.push(`${indent(depth)}${id} --> [*]`);
  });
  for (const edge of edges.get(node) ?? []) lines.push(`${indent(depth)}${edge}`);
}

function labelOf(eventType: string, guard: unknown): string {
  const guardName = typeof guard === 'string' ? guard : ((guard as { type?: string } | undefined)?.type ?? undefined);
  const params = (guard as { params?: { level?: number } } | undefined)?.params;
  const guardText = guardName ? `[${guardName}${params?.level !== undefined ? ` ${params.level}` : ''}]` : '';
  return [eventType, guardText].filter(Boolean).join(' ');
}

function indent(depth: number): string {
  return '  '.repeat(depth);
}
