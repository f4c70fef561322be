import { readFileSync } from 'node:fs';
import { definePolicyPack, toMermaid } from '@hazardflow/core';
import { expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';

it('docs/lifecycle.md shows the current diagram of the reference pack', () => {
  const doc = readFileSync(new URL('../../../docs/lifecycle.md', import.meta.url), 'utf8');
  const block = doc.split('```mermaid\n')[1]?.split('```')[0];
  expect(block).toBe(toMermaid(definePolicyPack(referencePack)));
});
