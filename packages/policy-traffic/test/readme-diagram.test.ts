import { trafficPack } from '@hazardflow/policy-traffic';
import { expectReadmeDiagramCurrent } from '@hazardflow/testing/vitest';
import { it } from 'vitest';

it('the README shows the current statechart of the pack', () => {
  expectReadmeDiagramCurrent(trafficPack, new URL('../README.md', import.meta.url));
});
