import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { createHazardModel } from '../machine/hazard-model';
import type { PolicyPack } from '../pack/schema';

/**
 * Renders a machine (or the machine of a pack) as a Graphviz DOT digraph, for tools that lay
 * out graphs without a browser (`dot -Tsvg`, or Graphviz compiled to WebAssembly). It walks
 * the machine the way `toMermaid` does and draws the same transitions:
 *
 * - a compound state is a cluster holding its children, with a small dot for its initial
 *   state; a parallel state's clusters (its regions) are dashed;
 * - a final state has a double border;
 * - a transition is labelled with its event and guard (`TRIAGE [mayTriage]`, `[deadlinePassed]`
 *   for an `always` route); one that starts or ends at a compound state is drawn to or from
 *   the cluster's edge (`compound=true` with `ltail`/`lhead`).
 *
 * The output is deterministic: the same machine always prints the same text.
 */
export function toDot(machineOrPack: AnyStateMachine | PolicyPack): string {
  const machine: AnyStateMachine = isMachine(machineOrPack) ? machineOrPack : createHazardModel(machineOrPack).machine;
  const root = machine.root as AnyStateNode;
  const lines: string[] = [
    `digraph ${quote(root.key)} {`,
    '  graph [compound=true, rankdir=LR, fontname="Helvetica", fontsize=11, nodesep=0.3, ranksep=0.45];',
    '  node [shape=box, style="rounded", fontname="Helvetica", fontsize=10, height=0.3];',
    '  edge [fontname="Helvetica", fontsize=8, arrowsize=0.6];',
  ];
  const edges = edgesOf(root);
  const endpoints = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
  renderState(root, lines, 1, endpoints);
  for (const edge of edges) lines.push(`  ${renderEdge(edge)}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

interface Edge {
  readonly source: AnyStateNode;
  readonly target: AnyStateNode;
  readonly label: string;
}

function isMachine(value: unknown): value is AnyStateMachine {
  return typeof value === 'object' && value !== null && 'root' in value && 'transition' in value;
}

function childrenOf(node: AnyStateNode): AnyStateNode[] {
  return Object.values(node.states) as AnyStateNode[];
}

function isCompound(node: AnyStateNode): boolean {
  return childrenOf(node).length > 0;
}

/**
 * The point node inside a compound state's cluster that edges to and from the state attach to:
 * its initial marker, or, for a parallel state (which has none), an invisible point.
 */
function anchorOf(node: AnyStateNode): string {
  return quote(`${node.id}#${node.type === 'parallel' ? 'anchor' : 'initial'}`);
}

function clusterOf(node: AnyStateNode): string {
  return quote(`cluster_${node.id}`);
}

function renderState(node: AnyStateNode, lines: string[], depth: number, endpoints: ReadonlySet<AnyStateNode>): void {
  const pad = '  '.repeat(depth);
  if (!isCompound(node)) {
    const attributes = [`label=${quote(node.key)}`];
    if (node.type === 'final') attributes.push('peripheries=2');
    lines.push(`${pad}${quote(node.id)} [${attributes.join(', ')}];`);
    return;
  }
  const inParallel = node.parent?.type === 'parallel';
  lines.push(`${pad}subgraph ${clusterOf(node)} {`);
  lines.push(`${pad}  label=${quote(node.type === 'parallel' ? `${node.key} (parallel)` : node.key)};`);
  lines.push(`${pad}  style=${quote(inParallel ? 'dashed,rounded' : 'rounded')};`);
  if (node.type === 'parallel') {
    if (endpoints.has(node)) lines.push(`${pad}  ${anchorOf(node)} [shape=point, style=invis, width=0.01, label=""];`);
  } else {
    lines.push(`${pad}  ${anchorOf(node)} [shape=point, width=0.1, label=""];`);
  }
  for (const child of childrenOf(node)) renderState(child, lines, depth + 1, endpoints);
  const initial = node.type === 'parallel' ? undefined : (node.initial?.target[0] as AnyStateNode | undefined);
  if (initial) lines.push(`${pad}  ${anchorOf(node)} -> ${endpointOf(initial)}${attributeList(lheadOf(initial))};`);
  lines.push(`${pad}}`);
}

/** Transitions in document order, without duplicates; internal `hazard.*` and `xstate.*` events are left out. */
function edgesOf(root: AnyStateNode): Edge[] {
  const edges: Edge[] = [];
  const seen = new Set<string>();
  const add = (source: AnyStateNode, targets: readonly AnyStateNode[], label: string) => {
    for (const target of targets) {
      const key = `${source.id}\u0000${target.id}\u0000${label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edges.push({ source, target, label });
    }
  };
  const visit = (source: AnyStateNode) => {
    for (const [eventType, transitions] of source.transitions) {
      if (eventType.startsWith('hazard.') || eventType.startsWith('xstate.')) continue;
      for (const t of transitions) add(source, t.target ?? [], labelOf(eventType, t.guard));
    }
    for (const t of source.always ?? []) add(source, t.target ?? [], labelOf('', t.guard));
    for (const child of childrenOf(source)) visit(child);
  };
  visit(root);
  return edges;
}

function renderEdge({ source, target, label }: Edge): string {
  const attributes: string[] = [];
  if (label) attributes.push(`label=${quote(label)}`);
  // Graphviz clips an edge at a cluster's border only when the other end lies outside it.
  if (isCompound(source) && !isWithin(target, source)) attributes.push(`ltail=${clusterOf(source)}`);
  if (isCompound(target) && !isWithin(source, target)) attributes.push(...lheadOf(target));
  return `${endpointOf(source)} -> ${endpointOf(target)}${attributeList(attributes)};`;
}

function endpointOf(node: AnyStateNode): string {
  return isCompound(node) ? anchorOf(node) : quote(node.id);
}

function lheadOf(node: AnyStateNode): string[] {
  return isCompound(node) ? [`lhead=${clusterOf(node)}`] : [];
}

function attributeList(attributes: readonly string[]): string {
  return attributes.length > 0 ? ` [${attributes.join(', ')}]` : '';
}

/** Whether `node` is `ancestor` or lies inside it. */
function isWithin(node: AnyStateNode, ancestor: AnyStateNode): boolean {
  for (let n: AnyStateNode | undefined = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

function labelOf(eventType: string, guard: unknown): string {
  const guardName = typeof guard === 'string' ? guard : ((guard as { type?: string } | undefined)?.type ?? undefined);
  const params = (guard as { params?: { level?: number } } | undefined)?.params;
  const guardText = guardName ? `[${guardName}${params?.level !== undefined ? ` ${params.level}` : ''}]` : '';
  return [eventType, guardText].filter(Boolean).join(' ');
}

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
