import { buildingPack } from '@hazardflow/policy-building';
import { expectReadmeDiagramCurrent } from '@hazardflow/testing/vitest';
import { it } from 'vitest';

it('the README shows the current statechart of the pack', () => {
  expectReadmeDiagramCurrent(buildingPack, new URL('../README.md', import.meta.url));
});
