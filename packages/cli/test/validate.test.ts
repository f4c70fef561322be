import { describe, expect, it } from 'vitest';
import { hazardflowInEnglish } from './support/run-hazardflow';

/** What docs/cli.md shows (a valid YAML pack, the shipped packs, problems with paths, --export) is checked by docs.test.ts. */
describe('hazardflow validate', () => {
  it('accepts the same pack written as JSON, TypeScript and JavaScript', async () => {
    for (const file of ['packs/gas-catering.json', 'packs/gas-catering.ts', 'packs/gas-catering-module.mjs']) {
      const run = await hazardflowInEnglish(['validate', file, '--json']);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({
        valid: true,
        issues: [],
        pack: { id: 'gas-catering', version: '1.0.0' },
      });
      expect(run.stderr).toBe('');
    }
  });

  it('validates every shipped pack by its name, the market supervision pack among them', async () => {
    const versions: Record<string, string> = {};
    for (const name of ['fire', 'building', 'traffic', 'special-equipment']) {
      const run = await hazardflowInEnglish(['validate', name, '--json']);
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as { valid: boolean; pack: { id: string; version: string } };
      expect(result.valid, name).toBe(true);
      versions[result.pack.id] = result.pack.version;
    }
    expect(Object.keys(versions)).toEqual(['fire', 'building', 'traffic', 'special-equipment']);
    const text = await hazardflowInEnglish(['validate', 'special-equipment']);
    expect(text.stdout).toMatch(
      /^✓ special-equipment \(shipped\): valid policy pack special-equipment@1\.1\.0 \(11 categories, 4 escalation levels, 3 seasons, 0 site overrides\)\n$/,
    );
  });

  it('reports a PolicyPackError thrown while a TypeScript module loads as an invalid pack, not a crash', async () => {
    const run = await hazardflowInEnglish(['validate', 'packs/invalid-defined-pack.ts']);
    expect(run).toEqual({
      code: 1,
      stdout:
        '✗ packs/invalid-defined-pack.ts: not a valid policy pack (1 problem)\n' +
        '- escalation.startLevel.major: must be at most 3 (the ladder has 3 levels), got 7\n',
      stderr: '',
    });
  });

  it('says so when a module exports no pack', async () => {
    const run = await hazardflowInEnglish(['validate', 'packs/no-pack.ts']);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'hazardflow: packs/no-pack.ts: exports no policy pack (exports: answer, greet); export it as default or as "pack"\n',
    });
  });

  it('gives programs the usual JSON even for a file that cannot be parsed', async () => {
    const run = await hazardflowInEnglish(['validate', 'packs/syntax-error.json', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false,
      issues: [
        {
          path: '',
          code: 'unreadable',
          message: expect.stringMatching(/^packs\/syntax-error\.json:5:3: invalid JSON: /),
        },
      ],
    });
    expect(run.stderr).toBe('');
  });

  it('exits 1 for a missing or unsupported file', async () => {
    const missing = await hazardflowInEnglish(['validate', 'packs/missing.yaml']);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'hazardflow: packs/missing.yaml: no such pack file\n' });
    const csv = await hazardflowInEnglish(['validate', 'packs/pack.csv']);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toBe(
      'hazardflow: packs/pack.csv: cannot load a pack from a ".csv" file; use .json, .yaml, .yml, .ts or .js, or one of fire, building, traffic, special-equipment\n',
    );
  });

  it('exits 2 for a wrong command line, before reading anything', async () => {
    const noArgument = await hazardflowInEnglish(['validate']);
    expect(noArgument).toMatchObject({ code: 2, stdout: '' });
    expect(noArgument.stderr).toBe("error: missing required argument 'pack'\n(run with --help for usage)\n");
    const unknownOption = await hazardflowInEnglish(['validate', 'fire', '--strict']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("error: unknown option '--strict'");
    const unknownCommand = await hazardflowInEnglish(['check', 'fire']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain("error: unknown command 'check'");
  });
});
