import {
  type Actor,
  type CommandEvent,
  type CommandType,
  createHazardModel,
  definePolicyPack,
  type HazardSnapshot,
  parseCommand,
} from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { referencePack } from './fixtures/reference-pack';
import { actors, evidence, referenceReport } from './support/actors';
import { commandTemplates, randomActors } from './support/command-templates';

const MAX_NODES = 3000;
const model = createHazardModel(definePolicyPack(referencePack));

/** Someone with no say over any case: a grid worker of a street that is not the case's. */
const stranger: Actor = { id: 'stranger-1', role: 'territory', org: 'street-nowhere' };

/** Every command, with a valid payload and no evidence the steps ask for. */
const bare = {
  TRIAGE: {},
  CONFIRM_GRADE: { severity: 'major', decision: { kind: 'expert', reference: 'EP-1' }, reason: 'appraised' },
  FIX_ON_SPOT: {},
  DISMISS: { reason: 'invalid' },
  TRANSFER: { to: 'housing-bureau' },
  ASSIGN: { officer: 'inspector-9' },
  CHANGE_RESPONSIBLE: { responsible: { id: 'new-owner' }, reason: 'the site was sold' },
  ISSUE_NOTICE: { clauses: ['Art. 28'] },
  ACKNOWLEDGE: {},
  SUBMIT_PLAN: { plan: { responsibility: 'r', measures: 'm', funds: 'f', deadline: 'd', emergencyPlan: 'e' } },
  APPROVE_PLAN: {},
  REJECT_PLAN: { reason: 'incomplete' },
  START_INTERIM_CONTROL: { measure: 'seal' },
  LIFT_INTERIM_CONTROL: { measure: 'seal' },
  SUBMIT_RECTIFICATION: {},
  VERIFY: { result: 'pass' },
  REQUEST_EXTENSION: { extendBy: { workingDays: 5 }, reason: 'parts' },
  DECIDE_EXTENSION: { granted: true },
  PAUSE_CLOCK: { reason: 'appraisal' },
  RESUME_CLOCK: {},
  REOPEN: { reason: 'found again' },
  ADD_EVIDENCE: { evidence: [evidence('photo')] },
  LIST: { documentNo: 'D-1', supervisingUnit: 'committee', until: '2026-12-31' },
  DELIST: {},
  ENFORCE: { measure: { kind: 'forced_removal', documentNo: 'F-1' } },
  LIFT_ENFORCEMENT: { recordId: 'E1', reason: 'removed' },
  INTERVIEW: { date: '2026-01-06', participants: ['principal'], minutesRef: 'M-1' },
  HOLD_ACCOUNTABLE: { official: 'officer', finding: 'late', documentNo: 'Q-1' },
  COMMENT: { text: 'note' },
} satisfies Record<CommandType, Record<string, unknown>>;

/**
 * Which commands each state takes at all, written from docs/lifecycle.md rather than read
 * from the machine: the oracle the check is held to.
 */
function commandsTakenIn(value: HazardSnapshot['value']): Set<CommandType> {
  const v = value as Record<string, unknown>;
  const lifecycle = typeof v.lifecycle === 'string' ? v.lifecycle : JSON.stringify(v.lifecycle);
  const taken = new Set<CommandType>([
    'ADD_EVIDENCE',
    'COMMENT',
    'LIST',
    'DELIST',
    'ENFORCE',
    'LIFT_ENFORCEMENT',
    'INTERVIEW',
    'HOLD_ACCOUNTABLE',
  ]);
  const add = (...types: CommandType[]) => {
    for (const type of types) taken.add(type);
  };
  // ASSIGN on every open case; CHANGE_RESPONSIBLE on every open case past `reported`.
  const who: CommandType[] = ['ASSIGN', 'CHANGE_RESPONSIBLE'];
  const byLifecycle: Record<string, CommandType[]> = {
    reported: ['TRIAGE', 'DISMISS', 'TRANSFER', 'ASSIGN'],
    triaged: ['CONFIRM_GRADE', 'FIX_ON_SPOT', 'ISSUE_NOTICE', 'DISMISS', 'TRANSFER', ...who],
    noticeIssued: ['ACKNOWLEDGE', 'SUBMIT_RECTIFICATION', ...who],
    rectifying: ['SUBMIT_RECTIFICATION', ...who],
    '{"planPending":"drafting"}': ['SUBMIT_PLAN', ...who],
    '{"planPending":"underReview"}': ['APPROVE_PLAN', 'REJECT_PLAN', ...who],
    supervised: ['SUBMIT_RECTIFICATION', ...who],
    verifying: ['VERIFY', ...who],
    '{"closed":"followUp"}': ['REOPEN'],
  };
  add(...(byLifecycle[lifecycle] ?? []));
  if (v.extension === 'none') add('REQUEST_EXTENSION');
  if (v.extension === 'requested') add('DECIDE_EXTENSION');
  add('START_INTERIM_CONTROL');
  if (v.interimControl === 'active') add('LIFT_INTERIM_CONTROL');
  if (v.escalation === 'paused') add('RESUME_CLOCK');
  if (typeof v.escalation === 'object' && v.escalation !== null && 'watching' in v.escalation) add('PAUSE_CLOCK');
  return taken;
}

interface Timer {
  dueAt: number;
  event: { type: string; at: string };
}
interface Node {
  snapshot: HazardSnapshot;
  timers: ReadonlyMap<string, Timer>;
  now: number;
}

function withActions(
  node: Node,
  next: HazardSnapshot,
  actions: readonly { type: string; params?: unknown }[],
  at: string,
): Node {
  const timers = new Map(node.timers);
  for (const action of actions) {
    if (action.type === 'xstate.raise') {
      const params = action.params as { id: string; delay?: number; event: Timer['event'] };
      if (params.delay !== undefined)
        timers.set(params.id, { dueAt: Date.parse(at) + params.delay, event: params.event });
    } else if (action.type === 'xstate.cancel') {
      timers.delete((action.params as { sendId: string }).sendId);
    }
  }
  return { snapshot: next, timers, now: Date.parse(at) };
}

function keyOf({ snapshot }: Node): string {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    c.severity,
    c.interimControls,
    c.pendingExtension !== null,
    c.extensionCount,
    c.escalationLevel,
    c.closedAt !== null,
    c.plan !== null,
    Math.min(c.verificationFailures, 2),
  ]);
}

/** Breadth-first over what lawful people and the clock can do to cases of the pack. */
function reachableNodes(maxNodes: number): Node[] {
  const queue: Node[] = [];
  for (const category of ['exits_blocked', 'three_in_one']) {
    const input = referenceReport(category);
    const [snapshot, actions] = initialTransition(model.machine, input);
    queue.push(withActions({ snapshot, timers: new Map(), now: Date.parse(input.at) }, snapshot, actions, input.at));
  }
  const seen = new Map<string, Node>();
  while (queue.length > 0 && seen.size < maxNodes) {
    const node = queue.shift() as Node;
    const key = keyOf(node);
    if (seen.has(key)) continue;
    seen.set(key, node);
    const at = new Date(node.now + 3_600_000).toISOString();
    for (const template of commandTemplates) {
      const parsed = parseCommand(template());
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
      for (const actor of randomActors) {
        const event = { ...parsed.command, at, actor } as CommandEvent;
        if (model.check(node.snapshot, event) !== null) continue;
        const [next, actions] = transition(model.machine, node.snapshot, event);
        queue.push(withActions(node, next, actions, at));
      }
    }
    const [id, timer] = [...node.timers].sort((a, b) => a[1].dueAt - b[1].dueAt)[0] ?? [];
    if (id !== undefined && timer !== undefined) {
      const timers = new Map(node.timers);
      timers.delete(id);
      const [next, actions] = transition(model.machine, node.snapshot, timer.event as never);
      queue.push(withActions({ ...node, timers }, next, actions, timer.event.at));
    }
  }
  return [...seen.values()];
}

describe('why a command is refused: the order', () => {
  const nodes = reachableNodes(MAX_NODES);

  it('reaches every lifecycle state and the side regions of the fire pack', () => {
    const values = new Set(nodes.map((n) => JSON.stringify(n.snapshot.value.lifecycle)));
    expect([...values].sort()).toEqual(
      [
        '"reported"',
        '"triaged"',
        '"noticeIssued"',
        '"rectifying"',
        '{"planPending":"drafting"}',
        '{"planPending":"underReview"}',
        '"supervised"',
        '"verifying"',
        '{"closed":"followUp"}',
        '{"closed":"archived"}',
        '"dismissed"',
        '"transferred"',
      ].sort(),
    );
    expect(nodes.length, 'the search ended before its bound').toBeLessThan(MAX_NODES);
    expect(nodes.some((n) => n.snapshot.value.escalation === 'paused')).toBe(true);
    expect(nodes.some((n) => n.snapshot.value.extension === 'requested')).toBe(true);
    expect(nodes.some((n) => n.snapshot.value.interimControl === 'active')).toBe(true);
  });

  it('answers NOT_ALLOWED_IN_STATE before FORBIDDEN and EVIDENCE_REQUIRED, for every command in every state', () => {
    let checked = 0;
    for (const node of nodes) {
      const taken = commandsTakenIn(node.snapshot.value);
      const at = new Date(node.now + 3_600_000).toISOString();
      for (const [type, payload] of Object.entries(bare)) {
        const parsed = parseCommand({ type, ...payload });
        if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
        const refusal = model.check(node.snapshot, { ...parsed.command, at, actor: stranger } as CommandEvent);
        const expected = taken.has(type as CommandType) ? 'FORBIDDEN' : 'NOT_ALLOWED_IN_STATE';
        expect(refusal?.code, `${type} in ${JSON.stringify(node.snapshot.value)}`).toBe(expected);
        checked += 1;
      }
    }
    expect(checked).toBe(nodes.length * Object.keys(bare).length);
  }, 120_000);

  it('VERIFY on a case just reported is not allowed in that state, even by the inspector without evidence', () => {
    const input = referenceReport();
    const [snapshot] = initialTransition(model.machine, input);
    const refusal = model.check(snapshot, {
      type: 'VERIFY',
      result: 'pass',
      evidence: [],
      at: input.at,
      actor: actors.inspector,
    });
    expect(refusal).toMatchObject({
      code: 'NOT_ALLOWED_IN_STATE',
      details: { status: 'reported', command: 'VERIFY' },
    });
  });
});

describe('an evidence refusal', () => {
  it('names each missing piece as an issue on `evidence`, with the step in its details', () => {
    const input = referenceReport();
    const [reported] = initialTransition(model.machine, input);
    const [triaged] = transition(model.machine, reported, {
      type: 'TRIAGE',
      evidence: [],
      at: input.at,
      actor: actors.inspector,
    });
    const refusal = model.check(triaged, {
      type: 'ISSUE_NOTICE',
      clauses: ['Art. 28'],
      evidence: [],
      at: input.at,
      actor: actors.inspector,
    });
    expect(refusal?.code).toBe('EVIDENCE_REQUIRED');
    expect(refusal?.details).toMatchObject({ step: 'notice' });
    expect(refusal?.issues.length).toBeGreaterThan(0);
    expect(refusal?.issues.every((issue) => issue.path === 'evidence' && issue.code === 'evidence_required')).toBe(
      true,
    );
  });
});
