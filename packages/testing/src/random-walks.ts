import type { Actor, BusinessCalendar, CommandEvent, HazardContext, HazardModel, PolicyPack } from '@hazardflow/core';
import fc from 'fast-check';
import { CaseSimulator, contextOf, type SimulatedCase, statusOfCase } from './case-simulator';
import type { ConformanceStart } from './conformance-starts';
import { type InvariantViolation, invariantViolations } from './lifecycle-invariants';
import { machineGraph } from './machine-graph';
import {
  type CommandInput,
  caseActors,
  commandVariants,
  describeCommand,
  outsiders,
  rolesFor,
  withEvidence,
} from './pack-commands';

export interface RandomWalkOptions {
  readonly calendar: BusinessCalendar;
  readonly numRuns: number;
  /** Commands (and clock moves) per case. */
  readonly maxSteps: number;
  readonly seed: number;
  /** Stop (shrinking included) after this long; the runs done so far count. */
  readonly timeLimitMs: number;
  /** Cases are reported on a day between `from` and `from + spreadDays`. */
  readonly from: string;
  readonly spreadDays: number;
}

/** The first random case that broke an invariant, shrunk by fast-check to a short one. */
export interface RandomWalkFailure {
  readonly violation: InvariantViolation;
  /** The events from the report on, e.g. `2026-03-02T02:00:00.000Z regulator-1 (regulator): TRIAGE → triaged`. */
  readonly trace: readonly string[];
  /** fast-check's path to replay exactly this case (with the same seed). */
  readonly path: string;
}

export interface RandomWalkResult {
  readonly seed: number;
  readonly numRuns: number;
  /** How the random cases ended (status → count) and the highest escalation level any reached. */
  readonly ended: Readonly<Record<string, number>>;
  readonly maxLevel: number;
  readonly failure?: RandomWalkFailure;
  /** Something other than an invariant broke (the machine threw). */
  readonly error?: string;
}

const ENDING: readonly string[] = ['DISMISS', 'TRANSFER'];

class InvariantBroken extends Error {
  constructor(
    readonly violation: InvariantViolation,
    readonly trace: readonly string[],
  ) {
    super(`${violation.code}: ${violation.message}\n  after: ${trace.join('\n         ')}`);
  }
}

/**
 * Random command sequences by random actors (the case's own people, people of other orgs,
 * the engine's system actor, one person holding two roles), with evidence given or left out,
 * and the clock moved on by random hours or to the next timer, all on the engine's
 * semantics. After every event the lifecycle invariants must hold. fast-check shrinks a
 * failure to a short sequence; the seed replays it.
 */
export function randomWalks(
  model: HazardModel,
  starts: readonly ConformanceStart[],
  options: RandomWalkOptions,
): RandomWalkResult {
  const runtime = model;
  const simulator = new CaseSimulator(model, 'json');
  const variants = commandVariants(model.pack);
  const fromMs = Date.parse(options.from);
  const ended: Record<string, number> = {};
  let maxLevel = 0;
  const graph = machineGraph(model.machine);
  const step = fc.record({
    // Mostly a command the case's state accepts, by someone whose role may issue it (so
    // cases travel far); sometimes anything by anyone (so rejections are exercised too).
    lawful: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    // Unbiased: fast-check favours small numbers, which would pick the first option too often.
    command: fc.noBias(fc.nat({ max: 10_079 })),
    actor: fc.noBias(fc.nat({ max: 10_079 })),
    evidence: fc.oneof({ weight: 6, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    clock: fc.oneof(
      { weight: 3, arbitrary: fc.constant<number | 'next-timer'>(0) },
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 96 }) },
      { weight: 2, arbitrary: fc.constant<number | 'next-timer'>('next-timer') },
    ),
  });
  const property = fc.property(
    fc.nat({ max: Math.max(0, starts.length - 1) }),
    fc.nat({ max: options.spreadDays }),
    fc.array(step, { minLength: Math.min(5, options.maxSteps), maxLength: options.maxSteps, size: 'max' }),
    (startIndex, day, steps) => {
      const start = starts[startIndex];
      if (!start) return;
      const at = new Date(fromMs + day * 86_400_000).toISOString();
      const started = simulator.start({ ...start.input, at });
      let current: SimulatedCase = started.case;
      const trace = [`${at} report ${start.label} → ${statusLabel(current)}`];
      const check = (before: SimulatedCase | undefined, after: SimulatedCase) => {
        const policy = runtime.policyOf(contextOf(after));
        const [violation] = invariantViolations(policy, options.calendar, before, after);
        if (violation) throw new InvariantBroken(violation, trace);
      };
      check(undefined, current);
      const finish = () => {
        const status = statusOfCase(current);
        ended[status] = (ended[status] ?? 0) + 1;
        maxLevel = Math.max(maxLevel, contextOf(current).maxEscalationLevel);
      };
      for (const s of steps) {
        if (s.clock === 'next-timer') {
          const fired = simulator.fireNextTimer(current);
          if (fired) {
            trace.push(`${fired.event.at} timer ${fired.event.type} → ${statusLabel(fired.after)}`);
            check(current, fired.after);
            current = fired.after;
          }
        } else if (s.clock > 0) {
          const moved = simulator.advanceTo(current, current.now + s.clock * 3_600_000);
          for (const fired of moved.steps) {
            trace.push(`${fired.event.at} timer ${fired.event.type} → ${statusLabel(fired.after)}`);
            check(fired.before, fired.after);
          }
          current = moved.case;
        }
        const context = contextOf(current);
        const policy = runtime.policyOf(context);
        const { variant, actor } = s.lawful
          ? lawfulPick(current, policy, s.command, s.actor)
          : anyPick(context, s.command, s.actor);
        const nowIso = new Date(current.now).toISOString();
        const command = s.evidence
          ? withEvidence(policy, context, variant, actor, nowIso)
          : variant.type === 'ADD_EVIDENCE'
            ? { ...variant, evidence: [{ kind: 'note', uri: 'conformance://note', by: actor.id, at: nowIso }] }
            : variant;
        const outcome = simulator.send(current, command, actor);
        const who = `${actor.id} (${actor.role}${actor.org !== undefined ? ` of ${actor.org}` : ''})`;
        if (!outcome.ok) {
          trace.push(`${nowIso} ${who}: ${variant.type} rejected (${outcome.rejection.code})`);
          continue;
        }
        trace.push(`${nowIso} ${who}: ${describeCommand(command)} → ${statusLabel(outcome.step.after)}`);
        check(current, outcome.step.after);
        current = outcome.step.after;
      }
      finish();
    },
  );
  /**
   * A command that would be accepted now, by a person whose role may issue it, with the
   * evidence the step asks for; anything by anyone when nothing would be.
   */
  function lawfulPick(current: SimulatedCase, policy: PolicyPack, command: number, person: number) {
    const context = contextOf(current);
    const accepted = graph.acceptedEvents(current.snapshot.value);
    const people = caseActors(context);
    const at = new Date(current.now).toISOString();
    const lawful: { variant: CommandInput; actors: Actor[] }[] = [];
    for (const variant of variants) {
      if (!accepted.has(variant.type)) continue;
      const actors = rolesFor(policy, variant.type).flatMap((role) => people[role] ?? []);
      const first = actors.find((a) => a.id !== context.rectifiedBy);
      if (!first) continue;
      const event = {
        ...withEvidence(policy, context, variant, first, at),
        at,
        actor: first,
      } as unknown as CommandEvent;
      if (model.check(current.snapshot, event) === null) lawful.push({ variant, actors });
    }
    // Ending a case early (dismissal, transfer) is one lawful pick in forty, or walks stop short.
    const ends = lawful.filter((o) => ENDING.includes(o.variant.type));
    const options =
      command % 40 === 0 && ends.length > 0 ? ends : lawful.filter((o) => !ENDING.includes(o.variant.type));
    const chosen = options[command % Math.max(1, options.length)];
    if (!chosen) return anyPick(context, command, person);
    return { variant: chosen.variant, actor: chosen.actors[person % chosen.actors.length] as Actor };
  }

  function anyPick(context: HazardContext, command: number, person: number) {
    const people = [...Object.values(caseActors(context)).flat(), ...outsiders(context)];
    return {
      variant: variants[command % variants.length] as CommandInput,
      actor: people[person % people.length] as Actor,
    };
  }

  // Shrinking a long failing case can take a while; a bounded search still returns the shortest found so far.
  const details = fc.check(property, {
    seed: options.seed,
    numRuns: options.numRuns,
    interruptAfterTimeLimit: options.timeLimitMs,
  });
  if (!details.failed) return { seed: options.seed, numRuns: details.numRuns, ended, maxLevel };
  const error = details.errorInstance;
  if (error instanceof InvariantBroken) {
    return {
      seed: options.seed,
      numRuns: details.numRuns,
      ended,
      maxLevel,
      failure: { violation: error.violation, trace: error.trace, path: details.counterexamplePath ?? '' },
    };
  }
  return {
    seed: options.seed,
    numRuns: details.numRuns,
    ended,
    maxLevel,
    error: `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} (path ${details.counterexamplePath ?? '?'})`,
  };
}

function statusLabel(simulated: SimulatedCase): string {
  const ctx = contextOf(simulated);
  const value = simulated.snapshot.value as { lifecycle: unknown };
  const lifecycle = typeof value.lifecycle === 'string' ? value.lifecycle : JSON.stringify(value.lifecycle);
  return `${lifecycle} (level ${ctx.escalationLevel})`;
}
