import { readFile } from 'node:fs/promises';
import { policyPackJsonSchema, resolvePolicy, validatePolicyPack } from '@hazardflow/core';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import gasPackJson from '../gas-pack.json';
import { gasPack } from '../src/gas-pack';
import { districtGasPack } from '../src/gas-pack-extended';

describe('the gas pack as a JSON file', () => {
  const schema = policyPackJsonSchema();

  it('matches the JSON Schema its $schema points at, which is the one the library exports', async () => {
    const published = JSON.parse(
      await readFile(new URL('../../../docs/policy-pack.schema.json', import.meta.url), 'utf8'),
    );
    expect(gasPackJson.$schema).toBe('../../docs/policy-pack.schema.json');
    expect(published).toEqual(schema);
    const matches = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    expect(matches(gasPackJson), JSON.stringify(matches.errors)).toBe(true);
    // the schema catches a typo an editor would underline
    expect(matches({ ...gasPackJson, deadlines: { ...gasPackJson.deadlines, verify: { weeks: 1 } } })).toBe(false);
  });

  it('validates with the rules the JSON Schema cannot express', () => {
    expect(validatePolicyPack(gasPackJson).success).toBe(true);
    const backwards = structuredClone(gasPackJson);
    backwards.escalation.ladder[2] = { ...backwards.escalation.ladder[2], after: { workingDays: 2 } } as never;
    const result = validatePolicyPack(backwards);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.issues).toContainEqual({
        path: 'escalation.ladder[2].after',
        code: 'ladder_order',
        message: 'must come after level 2 (3 working days), but is 2 working days',
      });
    }
  });

  it('gives the Shuxiang Hotpot chain its own policy (一企一策), and no one else', () => {
    const chainStore = { id: 'shuxiang-18', territory: 'street-riverside', attributes: { chain: 'shuxiang-hotpot' } };
    const policy = resolvePolicy(gasPack, { site: chainStore });
    expect(policy.appliedOverrides).toEqual(['shuxiang_hotpot']);
    expect(policy.deadlines.rectify.general).toEqual({ days: 2 });
    expect(policy.escalation.startLevel.general).toBe(1);
    const otherStore = { ...chainStore, id: 'noodle-bar-3', attributes: { chain: 'noodle-bar' } };
    expect(resolvePolicy(gasPack, { site: otherStore }).appliedOverrides).toEqual([]);
  });

  it('is extended in TypeScript without losing what the JSON says', () => {
    expect(districtGasPack.id).toBe('gas-district-7');
    expect(districtGasPack.categories.map((c) => c.id)).toEqual([
      'pipe_leak',
      'restaurant_cylinders',
      'missing_gas_alarm',
      'highrise_bottled_gas',
      'pipeline_encroached',
    ]);
    const leak = districtGasPack.categories[0];
    expect(leak?.deadlines).toMatchObject({ triage: { hours: 1 }, notice: { hours: 4 } });
    expect(districtGasPack.overrides.map((o) => o.id)).toEqual(['shuxiang_hotpot']);
    expect(districtGasPack.steps.maxExtensions).toBe(2);
  });
});
