import { type Duration, formatDuration, nominalHours } from '../duration';
import { duplicateValues } from './check-helpers';
import { type PolicyPackIssue, packIssue } from './policy-pack-issue';
import type { Escalation, EscalationLevel, Steps } from './schema';

/**
 * The escalation ladder must read as a ladder: levels numbered 1..n in order, each reached
 * strictly later than the one below it (durations in different units are compared by
 * `nominalHours`), reminders that fit before the next level, start levels on the ladder.
 */
export function checkEscalation(escalation: Escalation, steps: Steps): PolicyPackIssue[] {
  const { ladder } = escalation;
  const issues: PolicyPackIssue[] = [
    ...duplicateValues(escalation.baseNotify, ['escalation', 'baseNotify']),
    ...rungIssues(ladder, 'ladder'),
    ...rungIssues(escalation.regulatorLadder ?? [], 'regulatorLadder'),
  ];

  ladder.forEach((level, index) => {
    const path = ['escalation', 'ladder', index];
    if (level.unacknowledgedAfter !== undefined && !steps.acknowledgement) {
      issues.push(
        packIssue(
          [...path, 'unacknowledgedAfter'],
          'inconsistent',
          'has no effect: the pack has no acknowledgement step (steps.acknowledgement is false)',
        ),
      );
    }
  });

  issues.push(...laterTriggers(ladder, 'unacknowledgedAfter'));
  issues.push(...moreFailures(ladder));
  issues.push(...startLevels(escalation));
  return issues;
}

/** A ladder (the responsible party's or the regulator's) numbered 1..n, climbing, reminders that fit. */
function rungIssues(
  ladder: readonly Pick<EscalationLevel, 'level' | 'notify' | 'after' | 'repeat'>[],
  key: 'ladder' | 'regulatorLadder',
): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  const firstIndexOfLevel = new Map<number, number>();
  ladder.forEach((level, index) => {
    const path = ['escalation', key, index];
    const earlier = firstIndexOfLevel.get(level.level);
    if (earlier !== undefined) {
      issues.push(
        packIssue(
          [...path, 'level'],
          'duplicate_id',
          `level ${level.level} is already defined by escalation.${key}[${earlier}]; levels are numbered 1, 2, 3 … in ladder order`,
        ),
      );
    } else if (level.level !== index + 1) {
      issues.push(
        packIssue(
          [...path, 'level'],
          'ladder_numbering',
          `must be ${index + 1}: levels are numbered 1, 2, 3 … in ladder order, got ${level.level}`,
        ),
      );
    }
    if (earlier === undefined) firstIndexOfLevel.set(level.level, index);
    issues.push(...duplicateValues(level.notify, [...path, 'notify']));

    const previous = ladder[index - 1];
    if (previous !== undefined && nominalHours(level.after) <= nominalHours(previous.after)) {
      issues.push(
        packIssue(
          [...path, 'after'],
          'ladder_order',
          `must come after level ${previous.level} (${formatDuration(previous.after)}), but is ${formatDuration(level.after)}`,
        ),
      );
    }

    const next = ladder[index + 1];
    if (level.repeat !== undefined && next !== undefined) {
      const gap = nominalHours(next.after) - nominalHours(level.after);
      if (gap > 0 && nominalHours(level.repeat.every) >= gap) {
        issues.push(
          packIssue(
            [...path, 'repeat', 'every'],
            'repeat_too_long',
            `${formatDuration(level.repeat.every)} must be shorter than the time from level ${level.level} ` +
              `(${formatDuration(level.after)}) to level ${next.level} (${formatDuration(next.after)})`,
          ),
        );
      }
    }
  });
  return issues;
}

/** Levels with an unacknowledged-notice trigger must be reached in ladder order too. */
function laterTriggers(ladder: readonly EscalationLevel[], field: 'unacknowledgedAfter'): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  let previous: { level: number; after: Duration } | undefined;
  ladder.forEach((level, index) => {
    const after = level[field];
    if (after === undefined) return;
    if (previous !== undefined && nominalHours(after) <= nominalHours(previous.after)) {
      issues.push(
        packIssue(
          ['escalation', 'ladder', index, field],
          'ladder_order',
          `must come after level ${previous.level}'s ${field} (${formatDuration(previous.after)}), but is ${formatDuration(after)}`,
        ),
      );
    }
    previous = { level: level.level, after };
  });
  return issues;
}

/** A higher level needs more failed verifications than a lower one, or it would be reached first. */
function moreFailures(ladder: readonly EscalationLevel[]): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  let previous: { level: number; failures: number } | undefined;
  ladder.forEach((level, index) => {
    if (level.verificationFailures === undefined) return;
    if (previous !== undefined && level.verificationFailures <= previous.failures) {
      issues.push(
        packIssue(
          ['escalation', 'ladder', index, 'verificationFailures'],
          'ladder_order',
          `must be more than level ${previous.level}'s (${previous.failures}), got ${level.verificationFailures}`,
        ),
      );
    }
    previous = { level: level.level, failures: level.verificationFailures };
  });
  return issues;
}

function startLevels(escalation: Escalation): PolicyPackIssue[] {
  const issues: PolicyPackIssue[] = [];
  const top = escalation.ladder.length;
  const levels = top === 1 ? '1 level' : `${top} levels`;
  for (const severity of ['general', 'major'] as const) {
    const start = escalation.startLevel[severity];
    if (start > top) {
      issues.push(
        packIssue(
          ['escalation', 'startLevel', severity],
          'start_level_out_of_range',
          `must be at most ${top} (the ladder has ${levels}), got ${start}`,
        ),
      );
    }
  }
  const { general, major } = escalation.startLevel;
  if (general > major && general <= top) {
    issues.push(
      packIssue(
        ['escalation', 'startLevel', 'general'],
        'inconsistent',
        `a general hazard would start above a major one (level ${general} > level ${major})`,
      ),
    );
  }
  return issues;
}
