import { definePolicyPack } from '@hazardflow/core';
import { createEngine, createManualClock, createMemoryStore, type HazardStore } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { people, reportInput, testEngine } from './support';

function at(placeType: string, category = 'exits_blocked', findings: Record<string, string | number | boolean> = {}) {
  const input = reportInput({ category });
  return { ...input, site: { ...input.site, placeType }, findings };
}

/** A memory store that counts its commits, to show a refused report writes nothing. */
function countingStore(): { store: HazardStore; commits: () => number } {
  const store = createMemoryStore();
  let commits = 0;
  const commit: HazardStore['commit'] = (change) => {
    commits += 1;
    return store.commit(change);
  };
  return { store: Object.assign(Object.create(store) as HazardStore, { commit }), commits: () => commits };
}

const warnPack = definePolicyPack({
  ...referencePack,
  version: '9.1.0',
  reportChecks: 'warn',
  findingKeys: ['exitsChained'],
});

describe('place types and findings are checked on report', () => {
  it('refuses an unknown place type with a "did you mean" hint on site.placeType', async () => {
    const { engine } = testEngine();
    const result = await engine.report(at('workshp'), { actor: people.gridWorker });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.message).toBe('site.placeType: unknown place type "workshp"; did you mean "workshop"?');
    expect(result.error.issues).toEqual([
      {
        path: 'site.placeType',
        code: 'unknown_place_type',
        message: 'unknown place type "workshp"; did you mean "workshop"?',
      },
    ]);
  });

  it('refuses a category at a place type it does not apply to, and unknown findings, by default', async () => {
    const strict = definePolicyPack({ ...referencePack, version: '9.2.0', findingKeys: ['exitsChained'] });
    const engine = createEngine({ packs: [strict], clock: createManualClock('2026-09-07T02:00:00.000Z') });
    const result = await engine.report(at('public_assembly', 'ebike_corridor', { exitsChaned: true }), {
      actor: people.gridWorker,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.issues).toEqual([
      {
        path: 'site.placeType',
        code: 'place_type_not_applicable',
        message: 'category "ebike_corridor" applies to residential, not to place type "public_assembly"',
      },
      {
        path: 'findings.exitsChaned',
        code: 'unknown_finding',
        message: 'unknown finding "exitsChaned"; did you mean "exitsChained"?',
      },
    ]);
    // The keys the pack names, and the ones its severity rules read, pass.
    const known = await engine.report(at('residential', 'ebike_corridor', { exitsChained: true, ebikes_charging: 4 }), {
      actor: people.gridWorker,
    });
    expect(known.ok).toBe(true);
  });

  it('a refused report changes nothing: no commit, no case, no timer, and its commandId stays free', async () => {
    const { store, commits } = countingStore();
    const engine = createEngine({ packs: [warnPack], store, clock: createManualClock('2026-09-07T02:00:00.000Z') });
    const refused = await engine.report(at('hospitel'), { actor: people.gridWorker, commandId: 'report-1' });
    expect(refused.ok).toBe(false);
    expect(commits()).toBe(0);
    expect((await engine.query({})).items).toEqual([]);
    expect(await store.nextTimerDueAt()).toBeNull();
    const corrected = await engine.report(at('public_assembly'), { actor: people.gridWorker, commandId: 'report-1' });
    if (!corrected.ok) throw new Error(corrected.error.message);
    expect(corrected.replayed).toBeUndefined();
    expect(corrected.case.reportWarnings).toBeUndefined();
    expect(commits()).toBe(1);
  });

  it("accepts with recorded warnings when the pack says reportChecks: 'warn'; unknown findings keys likewise", async () => {
    const engine = createEngine({ packs: [warnPack], clock: createManualClock('2026-09-07T02:00:00.000Z') });
    const result = await engine.report(at('public_assembly', 'ebike_corridor', { exitsChaned: true }), {
      actor: people.gridWorker,
    });
    if (!result.ok) throw new Error(result.error.message);
    const warnings = [
      {
        path: 'site.placeType',
        code: 'place_type_not_applicable',
        message: 'category "ebike_corridor" applies to residential, not to place type "public_assembly"',
      },
      {
        path: 'findings.exitsChaned',
        code: 'unknown_finding',
        message: 'unknown finding "exitsChaned"; did you mean "exitsChained"?',
      },
    ];
    expect(result.case.reportWarnings).toEqual(warnings);
    expect((await engine.get(result.case.id))?.reportWarnings).toEqual(warnings);
    const [entry] = await engine.history(result.case.id);
    expect(entry?.command).toBe('REPORT');
    expect((entry?.payload as { warnings?: unknown } | undefined)?.warnings).toEqual(warnings);
    // A later command leaves them on the case.
    const triaged = await engine.send(result.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
    if (!triaged.ok) throw new Error(triaged.error.message);
    expect(triaged.case.status).not.toBe('reported');
    expect(triaged.case.reportWarnings).toEqual(warnings);
    // An unknown place type is refused even so.
    const typo = await engine.report(at('hospitel'), { actor: people.gridWorker });
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.error.issues?.map((i) => i.code)).toEqual(['unknown_place_type']);
  });
});
