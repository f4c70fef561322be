import type { Actor, HazardCommand } from '@hazardflow/core';
import { type CommandResult, createEngine, type Engine, type HazardStore, type ManualClock } from '@hazardflow/engine';
import { ev, notice, pack, people, reportInput } from '../../../engine/test/support';

/**
 * The command stream of the crash test, shared by the child (which runs it on SQLite and is
 * killed) and the parent (which replays the acknowledged commands on the memory store).
 *
 * Step `i` happens at `instantOf(i)`: first every due timer fires, one claim at a time (so
 * a run cut short anywhere resumes exactly where it stopped), then one command is chosen
 * from the seed, the step and the current state, and sent with commandId `step-i`.
 */
export const START = '2026-03-02T02:00:00.000Z';
const STEP_MS = 90 * 60_000;
const MAX_CASES = 40;

export const instantOf = (step: number) => new Date(Date.parse(START) + step * STEP_MS).toISOString();
export const commandIdOf = (step: number) => `step-${step}`;

/** What the child prints, one JSON line per acknowledged command. */
export interface Ack {
  step: number;
  caseIndex: number;
  kind: 'report' | 'send';
  actor: Actor;
  command: { type: string; [key: string]: unknown };
  ok: boolean;
  version: number | null;
  code: string | null;
  replayed: boolean;
}

/** The engine both sides use: same pack, a lease of 0 ms so a dead run's claims lapse at once. */
export function crashEngine(store: HazardStore, clock: ManualClock): Engine {
  return createEngine({ packs: [pack], store, clock, workerId: 'crash-child', timerLeaseMs: 0 });
}

/** Fires every due timer, earliest first, claiming one at a time. */
export async function fireDueTimers(engine: Engine): Promise<void> {
  while ((await engine.runDueTimers({ limit: 1 })) > 0) {
    // each round claims the earliest due timer afresh, including ones a firing just armed
  }
}

/** mulberry32: small, seedable, the same in every process. */
function random(seed: number, step: number): () => number {
  let a = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(step, 0xc2b2ae35)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** A command of the stream, before it is sent. */
export type Planned = Pick<Ack, 'kind' | 'caseIndex' | 'actor' | 'command'>;

const inspections = [ev('inspection_record', 'inspector-1'), ev('inspection_record', 'inspector-2')];

/** Mostly what the case needs next; sometimes something out of turn or by the wrong person. */
const nextCommands: Record<string, (rng: () => number) => [Planned['command'], Actor]> = {
  reported: (rng) => [rng() < 0.2 ? { type: 'TRIAGE', severity: 'major' } : { type: 'TRIAGE' }, people.inspector],
  triaged: () => [{ ...notice, evidence: [...notice.evidence], clauses: [...notice.clauses] }, people.inspector],
  notice_issued: (rng) => [{ type: 'ACKNOWLEDGE' }, rng() < 0.9 ? people.owner : people.otherStreet],
  rectifying: (rng) =>
    pick(rng, [
      [{ type: 'SUBMIT_RECTIFICATION', evidence: [ev('after_photo', 'owner-1')] }, people.owner],
      [{ type: 'REQUEST_EXTENSION', extendBy: { workingDays: 3 }, reason: 'parts on order' }, people.owner],
      [{ type: 'DECIDE_EXTENSION', granted: true }, people.inspector],
      [{ type: 'COMMENT', text: 'visited' }, people.inspector],
    ]),
  verifying: (rng) => [
    { type: 'VERIFY', result: rng() < 0.75 ? 'pass' : 'fail', evidence: inspections },
    people.inspector,
  ],
  closed: (rng) =>
    rng() < 0.3
      ? [{ type: 'REOPEN', reason: 'found again', evidence: [ev('photo')] }, people.inspector]
      : [{ type: 'COMMENT', text: 'follow-up visit' }, people.inspector],
};

const outOfTurn: [Planned['command'], Actor][] = [
  [{ type: 'PAUSE_CLOCK', reason: 'appraisal' }, people.inspector],
  [{ type: 'RESUME_CLOCK' }, people.inspector],
  [{ type: 'VERIFY', result: 'pass', evidence: [] }, people.owner],
  [{ type: 'COMMENT', text: 'note' }, people.reporter],
  [{ type: 'DISMISS', reason: 'invalid' }, people.inspector],
  [{ type: 'ACKNOWLEDGE' }, people.owner],
];

/** The command of `step`, from the seed and the state the step starts in. */
export async function planStep(
  seed: number,
  step: number,
  engine: Engine,
  caseIds: readonly string[],
): Promise<Planned> {
  const rng = random(seed, step);
  if (caseIds.length === 0 || (caseIds.length < MAX_CASES && rng() < 0.2)) {
    const report = reportInput({ territory: pick(rng, ['street-a', 'street-b']) });
    return {
      kind: 'report',
      caseIndex: caseIds.length,
      actor: people.gridWorker,
      command: { type: 'REPORT', ...report },
    };
  }
  // Recent cases get most of the attention, old ones some.
  const caseIndex =
    rng() < 0.7
      ? caseIds.length - 1 - Math.floor(rng() * Math.min(8, caseIds.length))
      : Math.floor(rng() * caseIds.length);
  const view = await engine.get(caseIds[caseIndex] as string);
  const next = view ? nextCommands[view.status] : undefined;
  const [command, actor] = next && rng() < 0.85 ? next(rng) : pick(rng, outOfTurn);
  return { kind: 'send', caseIndex, actor, command };
}

/** Sends a planned (or recovered) command the way both sides do. */
export async function sendPlanned(
  engine: Engine,
  planned: Planned,
  step: number,
  caseIds: readonly string[],
): Promise<CommandResult> {
  const options = { actor: planned.actor, commandId: commandIdOf(step) };
  if (planned.kind === 'report') {
    const { type: _type, ...report } = planned.command;
    return engine.report(report as Parameters<Engine['report']>[0], options);
  }
  return engine.send(caseIds[planned.caseIndex] as string, planned.command as HazardCommand, options);
}
