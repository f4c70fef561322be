/** Compiled only once `engine.send` takes `HazardCommand`: every directive below must be an error. */
import type { Actor } from '@hazardflow/core';
import { createEngine } from '@hazardflow/engine';
import { firePack } from '@hazardflow/policy-fire';

const engine = createEngine({ packs: [firePack] });
declare const actor: Actor;
export async function typos(): Promise<void> {
  // @ts-expect-error: misspelt type and field
  await engine.send('case-1', { type: 'TRIAGEE', severty: 'major' }, { actor });
  // @ts-expect-error: misspelt field
  await engine.send('case-1', { type: 'TRIAGE', severty: 'major' }, { actor });
}
