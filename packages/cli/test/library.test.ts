import { checkScenario, formatTimeline, runCli, runScenario, type Terminal } from '@hazardflow/cli';
import { firePack } from '@hazardflow/policy-fire';
import picocolors from 'picocolors';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './support/run-hazardflow';

const plain = picocolors.createColors(false);

/** A terminal that keeps what the program writes. */
function recordingTerminal(): Terminal & { written: { out: string; err: string } } {
  const written = { out: '', err: '' };
  return {
    written,
    out: (text) => {
      written.out += text;
    },
    err: (text) => {
      written.err += text;
    },
    outStyle: plain,
    errStyle: plain,
    cwd: FIXTURES,
  };
}

/** The functions behind the commands, as the example at the top of src/index.ts uses them (keep the two alike). */
describe('@hazardflow/cli as a library', () => {
  it('checks and runs a scenario given as data: the untriaged e-bike case goes overdue', async () => {
    const checked = checkScenario({
      start: '2025-09-26T10:00:00+08:00',
      actors: { grid: { id: 'grid-7', role: 'territory', org: 'street-east' } },
      report: {
        as: 'grid',
        hazard: {
          category: 'ebike-corridor',
          site: { id: 'b3', name: 'Building 3', placeType: 'high-rise-residential', territory: 'street-east' },
          responsible: { id: 'greenview-property' },
          description: 'E-bikes charging on a stair landing',
          evidence: [{ kind: 'photo' }],
        },
      },
      steps: [{ advance: { workingDays: 4 } }, { expect: { status: 'reported', overdue: true } }],
    });
    if (!checked.success) throw new Error(JSON.stringify(checked.issues));
    const result = await runScenario(firePack, checked.scenario);
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(formatTimeline(result, plain)).toMatch(/✓ 场景通过：\d+ 次变更，1 项预期/);
    expect(formatTimeline(result, plain, undefined, 'en')).toContain('✓ scenario passed');
  });

  it('moves the clock by the units a pack accepts, to the minute, and refuses fractions alike', async () => {
    const report = {
      as: 'grid',
      hazard: {
        category: 'ebike-corridor',
        site: { id: 'b3', name: 'Building 3', placeType: 'high-rise-residential', territory: 'street-east' },
        responsible: { id: 'greenview-property' },
        description: 'E-bikes charging on a stair landing',
        evidence: [{ kind: 'photo' }],
      },
    };
    const actors = { grid: { id: 'grid-7', role: 'territory', org: 'street-east' } };
    const checked = checkScenario({
      start: '2025-09-26T23:45:00+08:00',
      actors,
      report,
      steps: [{ advance: { minutes: 30 } }, { expect: { status: 'reported', overdue: false } }],
    });
    if (!checked.success) throw new Error(JSON.stringify(checked.issues));
    const result = await runScenario(firePack, checked.scenario);
    expect(result.ok).toBe(true);
    const advanced = result.entries.find((entry) => entry.kind === 'advance');
    expect(advanced && 'to' in advanced ? advanced.to : undefined).toBe('2025-09-26T16:15:00.000Z');
    expect(formatTimeline(result, plain, undefined, 'en')).toContain('30 minutes');
    expect(formatTimeline(result, plain)).toContain('30 分钟');

    const fractional = checkScenario({
      start: '2025-09-26T10:00:00+08:00',
      actors,
      report,
      steps: [{ advance: { hours: 1.5 } }],
    });
    expect(fractional).toEqual({
      success: false,
      issues: [
        { path: 'steps[0].advance.hours', message: 'must be a whole number of hours, got 1.5 (write { minutes: 90 })' },
      ],
    });
  });

  it('lists every problem of a scenario, with its path', () => {
    const checked = checkScenario({ start: 'Friday', report: { as: 'nobody', hazard: {} }, steps: [{ wait: 1 }] });
    expect(checked).toEqual({
      success: false,
      issues: [
        { path: 'start', message: 'must be an ISO 8601 instant with an offset, e.g. 2025-09-26T10:00:00+08:00' },
        { path: 'report.as', message: 'no actor "nobody" under actors' },
        { path: 'steps[0]', message: 'must be a step: { as, send }, { advance } or { expect }' },
      ],
    });
  });

  it('runCli returns the exit code instead of exiting, and writes to the terminal it is given', async () => {
    const terminal = recordingTerminal();
    expect(await runCli(['validate', 'packs/gas-catering.yaml', '--lang', 'en'], terminal)).toBe(0);
    expect(terminal.written.out).toMatch(/^✓ packs\/gas-catering\.yaml: valid policy pack gas-catering@1\.0\.0/);
    expect(await runCli(['--lang', 'en', 'validate'], terminal)).toBe(2);
    expect(terminal.written.err).toContain("error: missing required argument 'pack'");
  });
});
