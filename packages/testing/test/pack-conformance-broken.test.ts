import { extendPolicyPack, type PolicyPackInput, validatePolicyPack } from '@hazardflow/core';
import {
  type ConformanceCheckId,
  type ConformanceReport,
  checkPackConformance,
  formatConformanceReport,
} from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { pack } from './support';

/** Small runs: these packs are broken on purpose, and the exploration stops early when it is certain. */
const quick = { seed: 20260907, numRuns: 15, maxStates: 3000, plateau: 1000 } as const;

function failing(report: ConformanceReport): ConformanceCheckId[] {
  return report.checks.filter((c) => !c.ok && c.skipped === undefined).map((c) => c.id);
}

function problemsOf(report: ConformanceReport, id: ConformanceCheckId) {
  return report.checks.find((c) => c.id === id)?.problems ?? [];
}

const rung = (level: number, after: object, notify: string[] = ['territory']) => ({
  level,
  name: { zh: `第${level}级`, en: `Level ${level}` },
  notify,
  action: { zh: '督办', en: 'Follow up' },
  after,
});

function withLadder(ladder: object[]): PolicyPackInput {
  return {
    ...referencePack,
    escalation: { ...referencePack.escalation, startLevel: { general: 0, major: ladder.length }, ladder },
  } as PolicyPackInput;
}

describe('checkPackConformance on the reference pack', { timeout: 120_000 }, () => {
  it('passes every check and reports what it covered, reproducibly from its seed', async () => {
    const report = await checkPackConformance(pack, { seed: 7, numRuns: 20 });
    expect(report.ok, formatConformanceReport(report)).toBe(true);
    expect(report.pack).toBe('reference-fire@1.0.0');
    expect(report.checks.map((c) => c.id)).toEqual([
      'validation',
      'ladder-order',
      'ladder-roles',
      'report-checks',
      'states',
      'transitions',
      'invariants',
      'random-walks',
      'working-days',
    ]);
    const coverage = report.coverage;
    expect(coverage?.states.unreached).toEqual([]);
    expect(coverage?.transitions.untaken).toEqual([]);
    // what the reference pack switches off is listed with the setting that does it
    expect(coverage?.transitions.inapplicable).toContainEqual({
      id: 'hazard.lifecycle.triaged on ISSUE_NOTICE [mayIssueNotice] → hazard.lifecycle.rectifying',
      reason: 'steps.acknowledgement is true: every notice waits for acknowledgement',
    });
    expect(coverage?.transitions.counted).toEqual(['command', 'timer', 'internal', 'always']);
    expect(coverage?.transitions.taken).toBe(
      (coverage?.transitions.total ?? 0) - (coverage?.transitions.inapplicable.length ?? 0),
    );

    const again = await checkPackConformance(pack, { seed: 7, numRuns: 20 });
    expect({ ...again, durationMs: 0 }).toEqual({ ...report, durationMs: 0 });
  });
});

describe('checkPackConformance on broken packs', { timeout: 120_000 }, () => {
  it('names a state nobody can reach: steps.transfer is on, but no role may TRANSFER', async () => {
    const broken = extendPolicyPack(pack, { permissions: { TRANSFER: [] } });
    expect(validatePolicyPack(broken).success).toBe(true);
    const report = await checkPackConformance(broken, quick);
    expect(failing(report)).toEqual(['states', 'transitions']);
    expect(problemsOf(report, 'states')).toEqual([
      {
        code: 'unreached_state',
        path: 'hazard.lifecycle.transferred',
        message:
          'state is never reached: every way into it is dead: nobody may TRANSFER (permissions.TRANSFER is empty), yet steps.transfer is true: switch the step off or name a role',
      },
    ]);
    expect(problemsOf(report, 'transitions').map((p) => p.path)).toEqual([
      'hazard.lifecycle.reported on TRANSFER [mayTransfer] → hazard.lifecycle.transferred',
      'hazard.lifecycle.triaged on TRANSFER [mayTransfer] → hazard.lifecycle.transferred',
    ]);
    expect(formatConformanceReport(report)).toContain(
      '[FAILED] every state of the machine is reached\n      - hazard.lifecycle.transferred: state is never reached',
    );
  });

  it('accepts what the caller knowingly leaves unreached', async () => {
    const broken = extendPolicyPack(pack, { permissions: { TRANSFER: [] } });
    const report = await checkPackConformance(broken, {
      ...quick,
      accept: [
        'hazard.lifecycle.transferred',
        'hazard.lifecycle.reported on TRANSFER*',
        'hazard.lifecycle.triaged on TRANSFER*',
      ],
    });
    expect(report.ok, formatConformanceReport(report)).toBe(true);
    expect(report.coverage?.states.accepted).toEqual(['hazard.lifecycle.transferred']);
  });

  it('names a transition nobody can take, and not when the pack switches the step off', async () => {
    const noFixer = extendPolicyPack(pack, { permissions: { FIX_ON_SPOT: [] } });
    const report = await checkPackConformance(noFixer, quick);
    expect(failing(report)).toEqual(['transitions']);
    expect(problemsOf(report, 'transitions')).toEqual([
      {
        code: 'untaken_transition',
        path: 'hazard.lifecycle.triaged on FIX_ON_SPOT [mayFixOnSpot] → hazard.lifecycle.closed',
        message:
          'transition is never taken: nobody may FIX_ON_SPOT (permissions.FIX_ON_SPOT is empty), yet steps.fixOnSpot is true: switch the step off or name a role',
      },
    ]);

    const switchedOff = extendPolicyPack(pack, { permissions: { FIX_ON_SPOT: [] }, steps: { fixOnSpot: false } });
    const fine = await checkPackConformance(switchedOff, quick);
    expect(fine.ok, formatConformanceReport(fine)).toBe(true);
  });

  it('names a ladder out of order, both as the validator sees it and on the calendar', async () => {
    const obvious = await checkPackConformance(
      withLadder([rung(1, { workingDays: 3 }), rung(2, { hours: 12 })]),
      quick,
    );
    expect(failing(obvious)).toEqual(['validation', 'ladder-order']);
    expect(problemsOf(obvious, 'validation')).toContainEqual({
      code: 'ladder_order',
      path: 'escalation.ladder[1].after',
      message: 'must come after level 1 (3 working days), but is 12 hours',
    });
    expect(obvious.checks.find((c) => c.id === 'states')?.skipped).toBe('the pack does not validate');

    // 3 working days then 4 calendar days looks ordered (72 h < 96 h) and validates, but a
    // deadline on a Thursday reaches level 2 on Monday and level 1 only on Tuesday
    const subtle = withLadder([rung(1, { workingDays: 3 }), rung(2, { days: 4 })]);
    expect(validatePolicyPack(subtle).success).toBe(true);
    const report = await checkPackConformance(subtle, quick);
    expect(failing(report)).toEqual(['ladder-order']);
    expect(problemsOf(report, 'ladder-order')).toEqual([
      {
        code: 'ladder_order',
        path: 'escalation.ladder[1].after',
        message:
          'level 2 (4 days) is reached before level 1 (3 working days) for a deadline on 2026-01-08: level 1 at 2026-01-13, level 2 at 2026-01-12',
      },
    ]);
  });

  it('names a role the ladder notifies that has no place in the permission matrix', async () => {
    const toSystem = await checkPackConformance(
      extendPolicyPack(pack, { escalation: { baseNotify: ['responsible', 'system'] } }),
      quick,
    );
    expect(failing(toSystem)).toEqual(['ladder-roles']);
    expect(problemsOf(toSystem, 'ladder-roles')).toEqual([
      {
        code: 'unknown_role',
        path: 'escalation.baseNotify[1]',
        message: 'the notice notifies "system", the engine\'s own timers: nobody reads it; name a role of people',
      },
    ]);

    // the street may do nothing at all in this pack, yet level 1 tells it to follow up
    const everyoneButTerritory = ['reporter', 'responsible', 'regulator', 'command'] as const;
    const noStreet = extendPolicyPack(pack, {
      permissions: {
        FIX_ON_SPOT: ['regulator'],
        VERIFY: ['regulator'],
        REOPEN: ['regulator', 'command'],
        ADD_EVIDENCE: [...everyoneButTerritory],
        COMMENT: [...everyoneButTerritory],
      },
    });
    const report = await checkPackConformance(noStreet, quick);
    expect(failing(report)).toEqual(['ladder-roles']);
    expect(problemsOf(report, 'ladder-roles').map((p) => `${p.path}: ${p.message}`)).toEqual([
      'escalation.ladder[0].notify[0]: level 1 notifies "territory", but the permission matrix gives "territory" no command, so nobody in that role can act on it',
      'escalation.ladder[1].notify[1]: level 2 notifies "territory", but the permission matrix gives "territory" no command, so nobody in that role can act on it',
      'escalation.ladder[2].notify[2]: level 3 notifies "territory", but the permission matrix gives "territory" no command, so nobody in that role can act on it',
    ]);
  });

  it('reports what is wrong with input that is not a pack at all', async () => {
    const report = await checkPackConformance({ id: 'Not A Pack' }, quick);
    expect(report.pack).toBe('Not A Pack');
    expect(report.ok).toBe(false);
    expect(problemsOf(report, 'validation').length).toBeGreaterThan(0);
    expect(report.checks.filter((c) => c.skipped !== undefined).map((c) => c.id)).toEqual([
      'ladder-order',
      'ladder-roles',
      'report-checks',
      'states',
      'transitions',
      'invariants',
      'random-walks',
      'working-days',
    ]);
  });
});
