import type { PolicyPack } from '@hazardflow/core';
import { type CaseSimulator, contextOf, type SimulatedCase } from './case-simulator';
import type { InvariantViolation } from './lifecycle-invariants';

/** Notifications that show a late deadline still moving: a rung climbed or a reminder sent. */
const CLIMBS = new Set(['escalated', 'reminder', 'step_escalated', 'step_reminder']);

/** Timers fired at most while looking for a climb: more than any ladder has rungs and reminders. */
const MAX_TIMERS = 40;

/**
 * Every running deadline has an escalation path: left alone (nobody acts, only the clock
 * runs), a case whose deadline is watched and whose ladder (the responsible party's
 * `escalation.ladder` or, for a step the regulator owns, `escalation.regulatorLadder`) is
 * not yet at its top must sooner or later climb a rung or send a reminder. A deadline that
 * can pass with nobody chased is the "not fixed, nobody chasing" failure DOMAIN.md names.
 * A paused clock, an ended case and a ladder at its top are exempt.
 */
export function escalationPathViolation(
  simulator: CaseSimulator,
  policy: PolicyPack,
  start: SimulatedCase,
): InvariantViolation | undefined {
  const ctx = contextOf(start);
  const region = (start.snapshot.value as Record<string, unknown>).escalation;
  if (ctx.deadline === null || typeof region !== 'object' || region === null || !('watching' in region)) {
    return undefined;
  }
  const { deadline } = ctx;
  const climb = ctx.stepEscalation ?? null;
  const atTop =
    deadline.owner === 'responsible'
      ? ctx.escalationLevel >= policy.escalation.ladder.length
      : climb !== null &&
        climb.dueAt === deadline.dueAt &&
        climb.step === deadline.step &&
        climb.level >= policy.escalation.regulatorLadder.length;
  if (atTop) return undefined;
  let current = start;
  for (let fired = 0; fired < MAX_TIMERS; fired++) {
    const step = simulator.fireNextTimer(current);
    if (!step) break;
    if (step.notifications.some((n) => CLIMBS.has(n.reason))) return undefined;
    current = step.after;
  }
  return {
    code: 'deadline_without_escalation',
    message:
      `the ${deadline.step} deadline (${deadline.owner}'s, due ${deadline.dueAt}) runs with no timer that ` +
      `ever climbs a rung or sends a reminder: left alone, nobody is chased`,
  };
}
