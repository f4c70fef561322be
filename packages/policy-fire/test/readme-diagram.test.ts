import { firePack } from '@hazardflow/policy-fire';
import { expectReadmeDiagramCurrent } from '@hazardflow/testing/vitest';
import { it } from 'vitest';

it('the README shows the current statechart of the pack', () => {
  expectReadmeDiagramCurrent(firePack, new URL('../README.md', import.meta.url));
});
