import { toDot } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { PACKS } from '../src/district';
import { renderDotToSvg } from '../src/statechart-svg';

describe('renderDotToSvg', () => {
  it("renders core's DOT of a pack's statechart with Graphviz (WebAssembly), one node per state", async () => {
    const svg = await renderDotToSvg(toDot(PACKS.traffic));
    expect(svg).toContain('<svg');
    // traffic's ladder has four levels (1.1.0): level_0 … level_4 are all drawn
    for (let level = 0; level <= 4; level++) expect(svg).toContain(`>level_${level}</text>`);
    expect(svg).not.toContain('>level_5</text>');
  });
});
