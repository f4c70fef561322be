import { type PolicyPack, PolicyPackError, validatePolicyPack } from '@hazardflow/core';
import gasPackJson from '../gas-pack.json';

/**
 * The town-gas pack (城镇燃气安全), written as plain JSON in `gas-pack.json` so that the
 * district's gas division can edit it with nothing but an editor that reads its `$schema`.
 * Validated once, when this module loads: a broken file fails at startup with every problem
 * listed, never when the first hazard arrives.
 */
export const gasPack: PolicyPack = loadPack(gasPackJson, 'gas-pack.json');

function loadPack(json: unknown, file: string): PolicyPack {
  const result = validatePolicyPack(json);
  if (!result.success) throw new PolicyPackError(result.issues, `policy pack in ${file}`);
  return result.pack;
}
