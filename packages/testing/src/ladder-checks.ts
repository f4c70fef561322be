import {
  type BusinessCalendar,
  COMMAND_TYPES,
  DEFAULT_PERMISSIONS,
  type Duration,
  type Escalation,
  formatDuration,
  type Permissions,
  type RoleRef,
} from '@hazardflow/core';
import type { ConformanceProblem } from './conformance-report';

const DAY_MS = 86_400_000;

/**
 * Escalation triggers are increasing: levels numbered 1..n, each level's `after` reached
 * strictly later than the level below it on the pack's calendar, for a deadline on any day
 * of `year` (`{ workingDays: 3 }` then `{ days: 4 }` looks ordered, yet over a holiday the
 * fourth calendar day comes before the third working day); the same for the
 * `unacknowledgedAfter` triggers, counted from a notice issued at any time; and more failed
 * verifications for each higher level that counts them.
 */
export function ladderOrderProblems(
  escalation: Pick<Escalation, 'ladder'>,
  calendar: BusinessCalendar,
  year: number,
): ConformanceProblem[] {
  const problems: ConformanceProblem[] = [];
  const { ladder } = escalation;
  ladder.forEach((rung, index) => {
    if (rung.level !== index + 1) {
      problems.push({
        code: 'ladder_numbering',
        path: `escalation.ladder[${index}].level`,
        message: `must be ${index + 1}: levels are numbered 1, 2, 3 … in ladder order, got ${rung.level}`,
      });
    }
  });

  const deadlines = sampleInstants(calendar, year);
  const chain = (field: 'after' | 'unacknowledgedAfter', from: string) => {
    let previous: { index: number; level: number; duration: Duration } | undefined;
    ladder.forEach((rung, index) => {
      const duration = rung[field];
      if (duration === undefined) return;
      if (previous) {
        const problem = firstInversion(calendar, deadlines, previous.duration, duration);
        if (problem) {
          const day = calendar.localDate(problem.at);
          problems.push({
            code: 'ladder_order',
            path: `escalation.ladder[${index}].${field}`,
            message:
              `level ${rung.level} (${formatDuration(duration)}) is reached ${problem.same ? 'together with' : 'before'} ` +
              `level ${previous.level} (${formatDuration(previous.duration)}) ${from} ${day}: ` +
              `level ${previous.level} at ${calendar.localDate(problem.lower)}, level ${rung.level} at ${calendar.localDate(problem.higher)}`,
          });
        }
      }
      previous = { index, level: rung.level, duration };
    });
  };
  chain('after', 'for a deadline on');
  chain('unacknowledgedAfter', 'for a notice issued on');

  let failures: { level: number; count: number } | undefined;
  ladder.forEach((rung, index) => {
    if (rung.verificationFailures === undefined) return;
    if (failures && rung.verificationFailures <= failures.count) {
      problems.push({
        code: 'ladder_order',
        path: `escalation.ladder[${index}].verificationFailures`,
        message: `level ${rung.level} needs ${rung.verificationFailures} failed verifications, not more than level ${failures.level}'s ${failures.count}, so it is reached first`,
      });
    }
    failures = { level: rung.level, count: rung.verificationFailures };
  });
  return problems;
}

/**
 * Every role the ladder (and the notice, `baseNotify`) tells exists in the pack's
 * permission matrix, or is `command`: a role that may issue no command at all has nobody
 * who can act on what they are told. `system` is the engine's timers and is never told.
 */
export function ladderRoleProblems(pack: {
  escalation: Pick<Escalation, 'ladder' | 'baseNotify'>;
  permissions: Permissions;
}): ConformanceProblem[] {
  const granted = new Set<RoleRef>();
  for (const command of COMMAND_TYPES) {
    for (const role of pack.permissions[command] ?? DEFAULT_PERMISSIONS[command]) granted.add(role);
  }
  const problems: ConformanceProblem[] = [];
  const check = (roles: readonly RoleRef[], path: string, who: string) => {
    roles.forEach((role, index) => {
      if (role === 'command' || granted.has(role)) return;
      problems.push({
        code: 'unknown_role',
        path: `${path}[${index}]`,
        message:
          role === 'system'
            ? `${who} notifies "system", the engine's own timers: nobody reads it; name a role of people`
            : `${who} notifies "${role}", but the permission matrix gives "${role}" no command, so nobody in that role can act on it`,
      });
    });
  };
  check(pack.escalation.baseNotify, 'escalation.baseNotify', 'the notice');
  pack.escalation.ladder.forEach((rung, index) => {
    check(rung.notify, `escalation.ladder[${index}].notify`, `level ${rung.level}`);
  });
  return problems;
}

/**
 * Where deadlines land on the days of a year: first the end of each working day (where
 * working-day and calendar-day deadlines fall), then each morning (hour deadlines).
 */
function sampleInstants(calendar: BusinessCalendar, year: number): Date[] {
  const ends = new Map<number, Date>();
  const mornings: Date[] = [];
  for (let ms = Date.UTC(year, 0, 1, 2); ms <= Date.UTC(year, 11, 31, 2); ms += DAY_MS) {
    const morning = new Date(ms);
    const end = calendar.addDuration(morning, { workingDays: 0 });
    ends.set(end.getTime(), end);
    mornings.push(morning);
  }
  return [...ends.values(), ...mornings];
}

function firstInversion(
  calendar: BusinessCalendar,
  instants: readonly Date[],
  lower: Duration,
  higher: Duration,
): { at: Date; lower: Date; higher: Date; same: boolean } | undefined {
  let tie: { at: Date; lower: Date; higher: Date; same: boolean } | undefined;
  for (const at of instants) {
    const a = calendar.addDuration(at, lower);
    const b = calendar.addDuration(at, higher);
    // A strict inversion is the clearer example; a tie is reported only when there is none.
    if (b.getTime() < a.getTime()) return { at, lower: a, higher: b, same: false };
    if (b.getTime() === a.getTime()) tie ??= { at, lower: a, higher: b, same: true };
  }
  return tie;
}
