import { readFileSync, writeFileSync } from 'node:fs';
import { type PolicyPack, toMermaid } from '@hazardflow/core';
import { expect } from 'vitest';

/**
 * Asserts that a README shows the pack's current statechart: a ```mermaid block right after
 * the marker line (default `<!-- mermaid:<pack domain> -->`). Run with `UPDATE_DIAGRAMS=1`
 * to rewrite the block in place instead. Call it inside a vitest test.
 */
export function expectReadmeDiagramCurrent(
  pack: PolicyPack,
  readme: string | URL,
  marker = `<!-- mermaid:${pack.domain} -->`,
): void {
  const expected = `${marker}\n\n\`\`\`mermaid\n${toMermaid(pack)}\`\`\`\n`;
  const text = readFileSync(readme, 'utf8');
  if (process.env.UPDATE_DIAGRAMS === '1') {
    const start = text.indexOf(marker);
    if (start < 0) throw new Error(`${String(readme)} has no ${marker} line to put the diagram after`);
    const rest = text.slice(start + marker.length);
    const end = rest.startsWith('\n\n```mermaid') ? rest.indexOf('```\n', 6) + 4 : 0;
    writeFileSync(readme, `${text.slice(0, start)}${expected}\n${rest.slice(end).replace(/^\n+/, '')}`);
    return;
  }
  expect(text).toContain(expected);
}
