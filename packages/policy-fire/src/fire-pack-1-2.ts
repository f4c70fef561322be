import { type PolicyPack, PolicyPackError, validatePolicyPack } from '@hazardflow/core';
import published from './published/fire-1.2.0.json';

/**
 * Fire pack 1.2.0 exactly as it was published, read from its JSON (`published/fire-1.2.0.json`,
 * the validated pack written out by `JSON.stringify`), so its content and its `policyHash` can
 * never drift with later edits of the pack's sources. Cases reported on 1.2.0 pin that hash: an
 * engine that should still run them, or migrate them onto the current version with
 * `planMigration({ packId: 'fire', from: '1.2.0', to: firePack.version })`, registers this pack
 * beside `firePack`. Not for new cases: 1.2.0 listed a major fire hazard for supervision
 * (挂牌督办) by the fact of its grade, and any late case by its lateness, and took general
 * hazards to the district leaders and to enforcement by lateness alone.
 */
export const firePackV1_2: PolicyPack = load(published);

function load(input: unknown): PolicyPack {
  const result = validatePolicyPack(input);
  if (!result.success) throw new PolicyPackError(result.issues, 'policy pack "fire@1.2.0"');
  return result.pack;
}
