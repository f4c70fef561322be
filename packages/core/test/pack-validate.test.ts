import { readFileSync } from 'node:fs';
import {
  COMMAND_TYPES,
  DEFAULT_PERMISSIONS,
  definePolicyPack,
  type PolicyPack,
  policyPackJsonSchema,
  policyPackSchema,
  validatePolicyPack,
} from '@hazardflow/core';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { examplePack } from './fixtures/example-pack';
import { referencePack } from './fixtures/reference-pack';
import { withChanges } from './fixtures/set-path';

const trafficJson = readFileSync(new URL('./fixtures/traffic-pack.json', import.meta.url), 'utf8');

function validOrThrow(input: unknown): PolicyPack {
  const result = validatePolicyPack(input);
  if (!result.success) throw new Error(result.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
  return result.pack;
}

function isDeeplyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}

describe('a valid pack', () => {
  const pack = definePolicyPack(referencePack);

  it('has its defaults filled in', () => {
    expect(pack.steps).toEqual({
      acknowledgement: true,
      fixOnSpot: true,
      majorPlan: true,
      interimControls: ['evacuate', 'suspend', 'seal'],
      followUp: { days: 90 },
      maxExtensions: 1,
      transfer: true,
    });
    expect(pack.categories[0]?.imminentDanger).toBe(false);
    expect(pack.categories[0]?.placeTypes).toEqual([]);
    expect(pack.evidence.report).toEqual([{ kind: 'photo', min: 1, distinctBy: false, roles: [] }]);
    expect(pack.severityRules[1]?.categories).toEqual(['ebike_corridor']);
  });

  it('fills the step defaults when steps is left out altogether', () => {
    const { steps: _steps, ...withoutSteps } = referencePack;
    expect(validOrThrow(withoutSteps).steps).toEqual({ ...pack.steps, maxExtensions: 2 });
  });

  it('has every command in permissions but those added since packs were first hashed: the pack entry replaces the default, the rest are the defaults', () => {
    const later = ['ASSIGN', 'CHANGE_RESPONSIBLE', 'ENFORCE', 'LIFT_ENFORCEMENT', 'INTERVIEW', 'HOLD_ACCOUNTABLE'];
    expect(Object.keys(pack.permissions).sort()).toEqual(COMMAND_TYPES.filter((c) => !later.includes(c)).sort());
    expect(pack.permissions.DISMISS).toEqual(['regulator']);
    for (const command of COMMAND_TYPES.filter((c) => c !== 'DISMISS' && !later.includes(c))) {
      expect(pack.permissions[command]).toEqual(DEFAULT_PERMISSIONS[command]);
    }
    // Named by a pack, a later command is kept like any other.
    const named = validatePolicyPack({ ...referencePack, permissions: { ASSIGN: ['command'] } });
    expect(named.success && named.pack.permissions.ASSIGN).toEqual(['command']);
  });

  it('is deeply frozen and shares no object with its input', () => {
    expect(isDeeplyFrozen(pack)).toBe(true);
    expect(Object.isFrozen(referencePack.overrides[0]?.patch)).toBe(false);
    expect(pack.overrides[0]?.patch).toEqual(referencePack.overrides[0]?.patch);
    expect(pack.overrides[0]?.patch).not.toBe(referencePack.overrides[0]?.patch);
    expect(() => {
      (pack.escalation.ladder as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('round-trips through JSON unchanged', () => {
    for (const original of [pack, examplePack, validOrThrow(JSON.parse(trafficJson))]) {
      const again = validOrThrow(JSON.parse(JSON.stringify(original)));
      expect(again).toEqual(original);
    }
  });

  it('does not care whether it comes from TypeScript or from parsed JSON', () => {
    expect(validOrThrow(JSON.parse(JSON.stringify(referencePack)))).toEqual(pack);
  });
});

describe('a pack written as a JSON file', () => {
  const json: unknown = JSON.parse(trafficJson);
  const schema = policyPackJsonSchema();
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  const matchesJsonSchema = ajv.compile(schema);

  it('validates with zod and the cross-field checks', () => {
    const pack = validOrThrow(json);
    expect(pack.id).toBe('example-traffic');
    expect(pack.$schema).toBe('../../../../docs/policy-pack.schema.json');
    expect(pack.timeZone).toBe('Asia/Shanghai');
  });

  it('matches the exported JSON Schema, which rejects shape mistakes', () => {
    expect(matchesJsonSchema(json), JSON.stringify(matchesJsonSchema.errors)).toBe(true);
    expect(matchesJsonSchema(JSON.parse(JSON.stringify(referencePack)))).toBe(true);
    expect(matchesJsonSchema(withChanges(json, { 'deadlines.notice': { weeks: 1 } }))).toBe(false);
    expect(matchesJsonSchema(withChanges(json, { 'categories[0].colour': 'red' }))).toBe(false);
    expect(matchesJsonSchema(withChanges(json, { 'overrides[0].patch': { categories: [] } }))).toBe(false);
    expect(matchesJsonSchema(withChanges(json, { 'overrides[0].match': {} }))).toBe(false);
    expect(matchesJsonSchema(withChanges(json, { 'severityRules[0].outcome': {} }))).toBe(false);
  });

  it('agrees with zod on what the JSON Schema can express', () => {
    const variants: Record<string, unknown>[] = [
      { version: 'one' },
      { 'escalation.ladder[0].notify': ['grid_worker'] },
      { 'deadlines.rectify.general': { days: 0 } },
      { 'deadlines.rectify.general': { days: 3_651 } },
      { 'deadlines.rectify.major': { workingDays: 2_500 } },
      { 'escalation.ladder[0].after': { hours: 1e12 } },
      { permissions: { VERIFYY: ['regulator'] } },
      { 'steps.followUp': null },
    ];
    for (const changes of variants) {
      const input = withChanges(json, changes);
      expect(matchesJsonSchema(input), JSON.stringify(changes)).toBe(policyPackSchema.safeParse(input).success);
    }
  });

  it('is published as docs/policy-pack.schema.json, kept up to date', async () => {
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('../../../docs/policy-pack.schema.json');
  });

  it('returns a fresh JSON Schema object on every call', () => {
    const first = policyPackJsonSchema();
    first.title = 'changed';
    expect(policyPackJsonSchema().title).toBe('hazardflow policy pack');
  });
});
