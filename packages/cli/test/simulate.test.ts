import { describe, expect, it } from 'vitest';
import { hazardflow } from './support/run-hazardflow';

interface JsonRun {
  ok: boolean;
  caseId: string;
  pack: { id: string; timeZone: string };
  entries: {
    kind: string;
    command?: string;
    status?: string;
    at: string;
    timer?: boolean;
    notifications?: { reason: string }[];
  }[];
  failures: string[];
}

describe('hazardflow simulate', () => {
  it('prints the run as JSON: every change at its own instant, timers included, in order', async () => {
    const run = await hazardflow([
      'simulate',
      'packs/gas-catering.ts',
      '--scenario',
      'scenarios/cylinder-basement.yaml',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const body = JSON.parse(run.stdout) as JsonRun;
    expect(body).toMatchObject({ ok: true, failures: [], pack: { id: 'gas-catering', timeZone: 'Asia/Shanghai' } });
    expect(body.caseId).toMatch(/^[0-9A-Z]{26}$/);
    const changes = body.entries.filter((e) => e.kind === 'change');
    expect(changes.slice(0, 4).map((e) => [e.command, e.status])).toEqual([
      ['REPORT', 'reported'],
      ['TRIAGE', 'triaged'],
      ['START_INTERIM_CONTROL', 'triaged'],
      ['ISSUE_NOTICE', 'plan_pending'],
    ]);
    // a major hazard in a basement: imminent danger is told at report, listed supervision at triage
    expect(changes[0]?.notifications?.map((n) => n.reason)).toEqual(['imminent_danger']);
    expect(changes[1]?.notifications?.map((n) => n.reason)).toEqual(['listed_supervision']);
    const timers = changes.filter((e) => e.timer);
    expect(timers.map((e) => e.command)).toContain('TIMER.DUE');
    expect(timers.find((e) => e.command === 'TIMER.DUE')?.at).toBe('2025-11-10T15:59:59.999Z');
    expect(body.entries.map((e) => e.kind)).toEqual([
      'change',
      'change',
      'expect',
      'change',
      'change',
      'expect',
      'advance',
      ...timers.map(() => 'change'),
      'expect',
    ]);
  });

  it('stops at a refused command and exits 1', async () => {
    const run = await hazardflow([
      'simulate',
      'packs/gas-catering.yaml',
      '--scenario',
      'scenarios/rejected-command.yaml',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ VERIFY by noodle-owner rejected: FORBIDDEN\n');
    expect(run.stdout).not.toContain('expect status closed');
    expect(run.stdout).toContain('✗ scenario failed (1 failure): 5 changes, 0 expectations\n');
    expect(run.stderr).toBe(
      '✗ steps[4]: VERIFY by noodle-owner rejected with FORBIDDEN: role "responsible" may not VERIFY; allowed: regulator, territory\n',
    );
  });

  it('needs a scenario, and a pack that is valid', async () => {
    const noScenario = await hazardflow(['simulate', 'fire']);
    expect(noScenario.code).toBe(2);
    expect(noScenario.stderr).toContain("error: required option '-s, --scenario <file>' not specified");
    const invalidPack = await hazardflow([
      'simulate',
      'packs/invalid-gas-catering.json',
      '-s',
      'scenarios/cylinder-basement.yaml',
    ]);
    expect(invalidPack.code).toBe(1);
    expect(invalidPack.stderr).toMatch(
      /^hazardflow: packs\/invalid-gas-catering\.json is not a valid policy pack \(4 problems\):/,
    );
  });
});
