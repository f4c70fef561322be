import { readFileSync } from 'node:fs';
import { definePolicyPack, toDot, toMermaid } from '@hazardflow/core';
import { specialEquipmentPack } from '@hazardflow/policy-special-equipment';
import { afterAll, describe, expect, it } from 'vitest';
import gasCateringInput from './fixtures/packs/gas-catering';
import { hazardflowInEnglish } from './support/run-hazardflow';
import { tempDirectory } from './support/temp-directory';

const gasPack = definePolicyPack(gasCateringInput);

describe('hazardflow diagram', () => {
  const out = tempDirectory();
  afterAll(() => out.remove());

  it('prints the Mermaid and DOT text of the pack, exactly what core draws', async () => {
    const mermaid = await hazardflowInEnglish(['diagram', 'packs/gas-catering.json']);
    expect(mermaid).toEqual({ code: 0, stdout: toMermaid(gasPack), stderr: '' });
    const dot = await hazardflowInEnglish(['diagram', 'packs/gas-catering.ts', '--format', 'dot']);
    expect(dot).toEqual({ code: 0, stdout: toDot(gasPack), stderr: '' });
  });

  it('draws the shipped special-equipment pack by name, with its four-level ladder', async () => {
    const run = await hazardflowInEnglish(['diagram', 'special-equipment']);
    expect(run).toEqual({ code: 0, stdout: toMermaid(specialEquipmentPack), stderr: '' });
    expect(run.stdout).toContain('level_4');
    expect(run.stdout).not.toContain('level_5');
  });

  it('renders an SVG without a browser, choosing the format from the file name', async () => {
    const file = out.file('fire.svg');
    const run = await hazardflowInEnglish(['diagram', 'fire', '--out', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^wrote svg diagram of fire@1\.3\.0 to .*fire\.svg \(\d+ bytes\)\n$/);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<\?xml version="1\.0" encoding="UTF-8" standalone="no"\?>/);
    expect(svg).toContain('<svg');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // every lifecycle state and the whole fire ladder are drawn
    for (const label of ['reported', 'noticeIssued', 'supervised', 'verifying', 'level_4', 'planPending']) {
      expect(svg).toContain(`>${label}</text>`);
    }
    expect(svg).toContain('TIMER.ESCALATE');
  });

  it('refuses an invalid pack with its problems, and a file it cannot write', async () => {
    const invalid = await hazardflowInEnglish(['diagram', 'packs/invalid-gas-catering.yaml']);
    expect(invalid).toMatchObject({ code: 1, stdout: '' });
    expect(invalid.stderr.split('\n').slice(0, 2)).toEqual([
      'hazardflow: packs/invalid-gas-catering.yaml is not a valid policy pack (3 problems):',
      '- timeZone: "Asia/Shangai" is not a known IANA time zone (such as "Asia/Shanghai")',
    ]);
    const unwritable = await hazardflowInEnglish(['diagram', 'fire', '--out', out.file('no/such/dir/fire.mmd')]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toMatch(/^hazardflow: .*fire\.mmd: cannot write the diagram: ENOENT/);
  });
});
