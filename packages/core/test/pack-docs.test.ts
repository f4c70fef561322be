import { readFileSync } from 'node:fs';
import { classify, definePolicyPack, effectiveDeadline, resolvePolicy } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { examplePack } from './fixtures/example-pack';
import { referencePack } from './fixtures/reference-pack';

const doc = readFileSync(new URL('../../../docs/policy-packs.md', import.meta.url), 'utf8');
const exampleFile = readFileSync(new URL('./fixtures/example-pack.ts', import.meta.url), 'utf8');

describe('docs/policy-packs.md', () => {
  it('shows example-pack.ts exactly as it is', () => {
    const block = /<!-- example-pack:start -->\n```ts\n([\s\S]*?)```\n<!-- example-pack:end -->/.exec(doc)?.[1];
    expect(block).toBe(exampleFile);
  });

  it('describes what the example pack does', () => {
    expect(classify(examplePack, { category: 'd_grade' })).toMatchObject({ severity: 'major', imminentDanger: true });
    expect(effectiveDeadline(examplePack, 'plan', { category: 'd_grade', severity: 'major' })).toEqual({ days: 3 });
    expect(examplePack.escalation.startLevel.major).toBe(2);

    const house = { category: 'self_built_unappraised', placeType: 'self_built_house' };
    expect(classify(examplePack, { ...house, site: { attributes: { storeys: 2, occupants: 4 } } }).severity).toBe(
      'general',
    );
    expect(classify(examplePack, { ...house, site: { attributes: { storeys: 3 } } }).severity).toBe('major');
    expect(classify(examplePack, { ...house, site: { attributes: { occupants: 12 } } }).severity).toBe('major');

    const cGrade = { category: 'c_grade', severity: 'general' } as const;
    expect(effectiveDeadline(examplePack, 'rectify', { ...cGrade, at: '2026-07-01T09:00:00+08:00' })).toEqual({
      days: 8,
    });
    expect(effectiveDeadline(examplePack, 'rectify', { ...cGrade, at: '2026-10-01T09:00:00+08:00' })).toEqual({
      days: 15,
    });
    const school = resolvePolicy(examplePack, { site: { id: 'no-3-middle-school', attributes: { use: 'school' } } });
    expect(effectiveDeadline(school, 'rectify', { category: 'd_grade', severity: 'general' })).toEqual({ days: 7 });

    expect(examplePack.permissions.VERIFY).toEqual(['regulator']);
    expect(examplePack.permissions.FIX_ON_SPOT).toEqual(['regulator', 'territory']);
  });

  it('shows what classify really returns for the composite rule', () => {
    const result = classify(definePolicyPack(referencePack), {
      category: 'exits_blocked',
      placeType: 'public_assembly',
      findings: { exits_insufficient: true, evacuation_distance_exceeded: true, emergency_lighting_failed: true },
      at: '2026-01-10T09:00:00+08:00',
    });
    const [reason] = result.reasons;
    expect(doc).toContain(`text: '${reason?.text}'`);
    expect(doc).toContain(`source: '${reason?.source}'`);
  });
});
