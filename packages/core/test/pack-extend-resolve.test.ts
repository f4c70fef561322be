import {
  definePolicyPack,
  extendPolicyPack,
  PolicyPackError,
  type PolicyPackPatch,
  resolvePolicy,
  validatePolicyPack,
} from '@hazardflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { referencePack } from './fixtures/reference-pack';

const pack = definePolicyPack(referencePack);

function errorOf(run: () => unknown): PolicyPackError {
  try {
    run();
  } catch (error) {
    if (error instanceof PolicyPackError) return error;
    throw error;
  }
  throw new Error('expected a PolicyPackError');
}

function isDeeplyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen);
}

afterEach(() => {
  // Any pollution would show on every object; fail loudly and clean up so other tests stay meaningful.
  const polluted = ({} as Record<string, unknown>).polluted;
  delete (Object.prototype as Record<string, unknown>).polluted;
  expect(polluted).toBeUndefined();
});

describe('extendPolicyPack', () => {
  it('changes identity and merges objects deeply', () => {
    const district = extendPolicyPack(pack, {
      id: 'district-fire',
      version: '2.0.0',
      name: { en: 'District fire pack' },
      deadlines: { rectify: { general: { days: 10 } } },
      steps: { fixOnSpot: false },
    });
    expect(district.id).toBe('district-fire');
    expect(district.version).toBe('2.0.0');
    expect(district.name).toEqual({ zh: '参考消防隐患政策包', en: 'District fire pack' });
    expect(district.deadlines.rectify).toEqual({ general: { days: 10 }, major: { days: 60 } });
    expect(district.steps.fixOnSpot).toBe(false);
    expect(district.steps.maxExtensions).toBe(1);
    expect(district.deadlines.notice).toEqual({ workingDays: 3 });
  });

  it('merges lists of id’d objects by id and appends new ids', () => {
    const district = extendPolicyPack(pack, {
      categories: [
        { id: 'exits_blocked', deadlines: { triage: { hours: 12 } } },
        { id: 'fire_lane', name: { zh: '消防车道堵塞', en: 'Fire lane blocked' }, defaultSeverity: 'general' },
      ],
    });
    expect(district.categories.map((category) => category.id)).toEqual([
      'exits_blocked',
      'ebike_corridor',
      'three_in_one',
      'fire_lane',
    ]);
    expect(district.categories[0]?.deadlines?.triage).toEqual({ hours: 12 });
    expect(district.categories[0]?.deadlines?.rectify).toEqual({ general: { days: 3 }, major: { days: 15 } });
    expect(district.categories[0]?.name.en).toBe('Exits or escape routes blocked or locked');
  });

  it('replaces other lists and durations whole', () => {
    const district = extendPolicyPack(pack, {
      placeTypes: ['public_assembly', 'residential', 'workshop', 'shop', 'warehouse'],
      deadlines: { triage: { days: 2 } },
      escalation: {
        ladder: [
          {
            level: 1,
            name: { zh: '属地', en: 'Territory' },
            notify: ['territory'],
            action: { zh: '督促', en: 'Urge' },
            after: { days: 1 },
          },
        ],
        startLevel: { major: 1 },
      },
    });
    expect(district.placeTypes).toHaveLength(5);
    expect(district.deadlines.triage).toEqual({ days: 2 });
    expect(district.escalation.ladder).toHaveLength(1);
    expect(district.escalation.startLevel).toEqual({ general: 0, major: 1 });
  });

  it('returns a new validated, frozen pack and leaves the base alone', () => {
    const before = JSON.stringify(pack);
    const district = extendPolicyPack(pack, { version: '1.1.0' });
    expect(isDeeplyFrozen(district)).toBe(true);
    expect(JSON.stringify(pack)).toBe(before);
    expect(district).not.toBe(pack);
  });

  it('validates the result like any pack', () => {
    const error = errorOf(() =>
      extendPolicyPack(pack, {
        version: '1.1.0',
        escalation: { startLevel: { major: 9 } },
        severityRules: [{ id: 'ebike_highrise', categories: ['ebikes'] }],
      }),
    );
    expect(error.message).toBe(
      [
        'Invalid policy pack "reference-fire@1.1.0" extending reference-fire@1.0.0 (2 problems):',
        '- severityRules[1].categories[0]: unknown category "ebikes"; the pack declares exits_blocked, ebike_corridor, three_in_one',
        '- escalation.startLevel.major: must be at most 4 (the ladder has 4 levels), got 9',
      ].join('\n'),
    );
  });

  it.each([
    ['__proto__ at the top', '{"__proto__": {"polluted": true}}', '__proto__', '__proto__'],
    [
      '__proto__ in a category',
      '{"categories": [{"id": "exits_blocked", "__proto__": {"polluted": true}}]}',
      'categories[0].__proto__',
      '__proto__',
    ],
    [
      'constructor.prototype',
      '{"steps": {"constructor": {"prototype": {"polluted": true}}}}',
      'steps.constructor',
      'constructor',
    ],
    ['prototype', '{"deadlines": {"prototype": {"polluted": true}}}', 'deadlines.prototype', 'prototype'],
  ])('rejects a patch with %s, never merging it', (_, json, path, key) => {
    const patch = JSON.parse(json) as PolicyPackPatch;
    const error = errorOf(() => extendPolicyPack(pack, patch));
    expect(error.issues).toEqual([
      {
        path,
        code: 'dangerous_key',
        message: `"${key}" is not allowed as a key: it could change the prototype of every object`,
      },
    ]);
    expect(error.message.startsWith('Invalid patch for policy pack "reference-fire@1.0.0" (1 problem):')).toBe(true);
  });

  it('reports a sparse list in a patch as issues, not as a crash', () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point of the test
    const error = errorOf(() => extendPolicyPack(pack, { categories: [, { id: 'x' }] } as PolicyPackPatch));
    // Not every item has an id, so the list replaces the base's, hole and all.
    expect(error.issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      'categories[0]: is required',
      'categories[1].name: is required',
      'categories[1].defaultSeverity: is required',
    ]);
  });

  it('rejects a patch that is not an object', () => {
    expect(errorOf(() => extendPolicyPack(pack, [] as PolicyPackPatch)).issues).toEqual([
      { path: '', code: 'invalid_type', message: 'must be an object' },
    ]);
  });
});

describe('resolvePolicy', () => {
  const hospital = { id: 'site-17', territory: 'new-town', attributes: { use: 'hospital', storeys: 12 } };

  it('applies the overrides that match the site and records them', () => {
    const effective = resolvePolicy(pack, { site: hospital });
    expect(effective.appliedOverrides).toEqual(['hospitals']);
    expect(effective.packRef).toBe('reference-fire@1.0.0');
    expect(effective.deadlines.rectify).toEqual({ general: { days: 7 }, major: { days: 60 } });
    expect(effective.escalation.startLevel).toEqual({ general: 1, major: 3 });
    expect(effective.escalation.warnBefore).toEqual({ workingDays: 1 });
    expect(effective.overrides).toEqual([]);
  });

  it('matches territories, from the site or given apart', () => {
    expect(resolvePolicy(pack, { site: { ...hospital, territory: 'old-town' } }).appliedOverrides).toEqual([
      'hospitals',
      'old_town',
    ]);
    expect(resolvePolicy(pack, { territory: 'old-town' }).appliedOverrides).toEqual(['old_town']);
    expect(resolvePolicy(pack, { site: hospital, territory: 'old-town' }).appliedOverrides).toEqual([
      'hospitals',
      'old_town',
    ]);
  });

  it('applies nothing when nothing matches', () => {
    const effective = resolvePolicy(pack, { site: { id: 'x', territory: 'new-town', attributes: { use: 'shop' } } });
    expect(effective.appliedOverrides).toEqual([]);
    expect({ ...effective, appliedOverrides: undefined, packRef: undefined, overrides: pack.overrides }).toEqual({
      ...pack,
      appliedOverrides: undefined,
      packRef: undefined,
    });
    expect(resolvePolicy(pack).appliedOverrides).toEqual([]);
  });

  it('applies overrides in the pack’s order, so a later one wins, and needs every criterion to hold', () => {
    const layered = definePolicyPack({
      ...referencePack,
      overrides: [
        { id: 'street', match: { territories: ['t1'] }, patch: { deadlines: { verify: { workingDays: 5 } } } },
        {
          id: 'site',
          match: { sites: ['s1'], territories: ['t1'] },
          patch: { deadlines: { verify: { hours: 48 } }, steps: { interimControls: ['evacuate'] } },
        },
      ],
    });
    const both = resolvePolicy(layered, { site: { id: 's1', territory: 't1' } });
    expect(both.appliedOverrides).toEqual(['street', 'site']);
    expect(both.deadlines.verify).toEqual({ hours: 48 });
    expect(both.steps.interimControls).toEqual(['evacuate']);
    const elsewhere = resolvePolicy(layered, { site: { id: 's1', territory: 't2' } });
    expect(elsewhere.appliedOverrides).toEqual([]);
  });

  it('compares site attributes exactly and only as own properties', () => {
    expect(resolvePolicy(pack, { site: { id: 'a', attributes: { use: 'Hospital' } } }).appliedOverrides).toEqual([]);
    const byConstructor = definePolicyPack({
      ...referencePack,
      overrides: [{ id: 'odd', match: { siteAttributes: { toString: 'x' } }, patch: { steps: { transfer: false } } }],
    });
    expect(resolvePolicy(byConstructor, { site: { id: 'a', attributes: {} } }).appliedOverrides).toEqual([]);
  });

  it('returns a frozen policy and can be resolved again without change', () => {
    const effective = resolvePolicy(pack, { site: hospital, territory: 'old-town' });
    expect(isDeeplyFrozen(effective)).toBe(true);
    const again = resolvePolicy(effective, { site: hospital, territory: 'old-town' });
    expect(again).toEqual(effective);
    expect(validatePolicyPack({ ...effective, appliedOverrides: undefined, packRef: undefined }).success).toBe(false);
  });

  it('reports overrides that are valid alone but not together', () => {
    const clashing = definePolicyPack({
      ...referencePack,
      overrides: [
        {
          id: 'short_ladder',
          match: { territories: ['t1'] },
          patch: { escalation: { ladder: [referencePack.escalation.ladder[0]], startLevel: { major: 1 } } },
        },
        { id: 'late_start', match: { sites: ['s1'] }, patch: { escalation: { startLevel: { general: 3 } } } },
      ],
    });
    const error = errorOf(() => resolvePolicy(clashing, { site: { id: 's1', territory: 't1' } }));
    expect(error.message).toBe(
      [
        'Invalid effective policy pack "reference-fire@1.0.0" with overrides short_ladder, late_start (1 problem):',
        '- escalation.startLevel.general: must be at most 1 (the ladder has 1 level), got 3',
      ].join('\n'),
    );
  });

  it('never lets an override pollute prototypes, even when the pack comes from JSON', () => {
    const json = JSON.stringify({
      ...referencePack,
      overrides: [{ id: 'evil', match: { sites: ['s1'] }, patch: { steps: { transfer: false } } }],
    }).replace('"transfer":false', '"transfer":false,"__proto__":{"polluted":true}');
    const result = validatePolicyPack(JSON.parse(json));
    expect(result.success ? [] : result.issues).toEqual([
      {
        path: 'overrides[0].patch.steps.__proto__',
        code: 'dangerous_key',
        message: '"__proto__" is not allowed as a key: it could change the prototype of every object',
      },
    ]);
  });
});
