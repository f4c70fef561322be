import { readFileSync, writeFileSync } from 'node:fs';
import { toMermaid } from '@hazardflow/core';
import { specialEquipmentPack } from '@hazardflow/policy-special-equipment';
import { expect, it } from 'vitest';

const readme = new URL('../README.md', import.meta.url);
const marker = '<!-- mermaid:special-equipment -->';

it('the README shows the current statechart of the pack', () => {
  const expected = `${marker}\n\n\`\`\`mermaid\n${toMermaid(specialEquipmentPack)}\`\`\`\n`;
  const text = readFileSync(readme, 'utf8');
  if (process.env.UPDATE_DIAGRAMS === '1') {
    const start = text.indexOf(marker);
    const rest = text.slice(start + marker.length);
    const end = rest.startsWith('\n\n```mermaid') ? rest.indexOf('```\n', 6) + 4 : 0;
    writeFileSync(readme, `${text.slice(0, start)}${expected}\n${rest.slice(end).replace(/^\n+/, '')}`);
    return;
  }
  expect(text).toContain(expected);
});
