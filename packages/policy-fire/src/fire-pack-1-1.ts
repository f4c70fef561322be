import { type PolicyPack, PolicyPackError, validatePolicyPack } from '@hazardflow/core';
import published from './published/fire-1.1.0.json';

/**
 * Fire pack 1.1.0 exactly as it was published, read from its JSON (`published/fire-1.1.0.json`,
 * the validated pack written out by `JSON.stringify`), so its content and its `policyHash` can
 * never drift with later edits of the pack's sources. Cases reported on 1.1.0 pin that hash: an
 * engine that should still run them, or migrate them onto the current version with
 * `planMigration({ packId: 'fire', from: '1.1.0', to: firePack.version })`, registers this pack
 * beside `firePack`. Not for new cases: 1.1.0 let a grid worker re-inspect a fire authority's
 * order and marked imminent danger by other rules than 《消防监督检查规定》 Art. 22.
 */
export const firePackV1_1: PolicyPack = load(published);

function load(input: unknown): PolicyPack {
  const result = validatePolicyPack(input);
  if (!result.success) throw new PolicyPackError(result.issues, 'policy pack "fire@1.1.0"');
  return result.pack;
}
