import { type PolicyPack, PolicyPackError, validatePolicyPack } from '@hazardflow/core';
import published from './published/special-equipment-1.0.0.json';

/**
 * Special-equipment pack 1.0.0 exactly as it was published, read from its JSON
 * (`published/special-equipment-1.0.0.json`, the validated pack written out by `JSON.stringify`),
 * so its content and its `policyHash` never drift with later edits of the pack's sources. Cases
 * reported on 1.0.0 pin that hash: an engine that should still run them, or migrate them with
 * `planMigration({ packId: 'special-equipment', from: '1.0.0', to: specialEquipmentPack.version })`,
 * registers this pack beside `specialEquipmentPack`. Not for new cases: 1.0.0 listed a case for
 * supervision (挂牌督办) by the fact of its grade or its lateness, and took general hazards to the
 * district leaders and to enforcement by lateness alone.
 */
export const specialEquipmentPackV1_0: PolicyPack = load(published);

function load(input: unknown): PolicyPack {
  const result = validatePolicyPack(input);
  if (!result.success) throw new PolicyPackError(result.issues, 'policy pack "special-equipment@1.0.0"');
  return result.pack;
}
