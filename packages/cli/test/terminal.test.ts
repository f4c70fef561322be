import { wantsColour } from '@hazardflow/cli';
import { describe, expect, it } from 'vitest';
import { hazardflow } from './support/run-hazardflow';

const ESC = '\u001b[';

describe('colour', () => {
  it('is for a person at a terminal: NO_COLOR wins, FORCE_COLOR forces, a pipe or a dumb terminal gets none', () => {
    expect(wantsColour({ isTTY: true, env: {} })).toBe(true);
    expect(wantsColour({ isTTY: false, env: {} })).toBe(false);
    expect(wantsColour({ isTTY: undefined, env: { CI: 'true' } })).toBe(false);
    expect(wantsColour({ isTTY: true, env: { TERM: 'dumb' } })).toBe(false);
    expect(wantsColour({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(wantsColour({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
    expect(wantsColour({ isTTY: false, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(wantsColour({ isTTY: true, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(wantsColour({ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(false);
  });

  it('reaches the real binary: none into a pipe, some when forced, none again with --no-color', async () => {
    const args = ['validate', 'packs/invalid-gas-catering.yaml'];
    const [piped, forced, refused] = [
      await hazardflow(args, { env: { CI: 'true' } }),
      await hazardflow(args, { env: { FORCE_COLOR: '1' } }),
      await hazardflow(['--no-color', ...args], { env: { FORCE_COLOR: '1' } }),
    ];
    expect(piped.stdout).not.toContain(ESC);
    expect(forced.stdout).toContain(`${ESC}31m✗${ESC}39m`);
    expect(refused.stdout).toBe(piped.stdout);
    expect([piped.code, forced.code, refused.code]).toEqual([1, 1, 1]);
  });
});
