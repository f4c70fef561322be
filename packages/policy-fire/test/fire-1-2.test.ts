import { type Actor, classify, type EvidenceRef, type HazardCommand, policyHash, type Scalar } from '@hazardflow/core';
import { firePack, firePackV1_1, firePackV1_2 } from '@hazardflow/policy-fire';
import { createTestEngine } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';

/**
 * Fire pack 1.2.0: the fire authority re-inspects its own orders (《消防监督检查规定》 Art. 20),
 * imminent danger follows the temporary-seal list of Art. 22, and a major fire hazard reaches
 * the government through the emergency management department (消防法 Art. 55). 1.1.0 is still
 * exported, unchanged, for cases pinned to it.
 */

/** `policyHash(firePack)` of fire@1.1.0 as published (main before 1.2.0). */
const PUBLISHED_1_1_0_HASH = '1b7b4d1df04b90ea7d71105ab1293bf6a42212bda6a6b2a2b7a92e62479883ac';

const inspector: Actor = { id: 'fire-inspector-1', role: 'regulator', org: 'fire-rescue' };
const secondInspector: Actor = { id: 'fire-inspector-2', role: 'regulator', org: 'fire-rescue' };
const gridWorker: Actor = { id: 'grid-worker-7', role: 'territory', org: 'street-east' };
const owner: Actor = { id: 'property-manager', role: 'responsible', org: 'greenview-property' };
const admin: Actor = { id: 'district-admin', role: 'command', org: 'command' };

const evidence = (kind: string, by = inspector.id): EvidenceRef => ({
  kind,
  uri: `oss://hazards/${kind}-${by}.jpg`,
  by,
  at: '2026-03-02T00:00:00.000Z',
});

const inspection = [
  evidence('photo'),
  evidence('inspection-record'),
  evidence('inspection-record', secondInspector.id),
];

function report(category: string, placeType: string, findings: Record<string, Scalar> = {}) {
  return {
    packId: 'fire',
    category,
    site: { id: 'greenview-mall', name: 'Greenview Mall', placeType, territory: 'street-east', attributes: {} },
    responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
    description: `${category} at Greenview Mall`,
    findings,
    evidence: inspection,
  };
}

async function act(
  engine: ReturnType<typeof createTestEngine>,
  id: string,
  command: { type: string } & Record<string, unknown>,
  actor: Actor,
) {
  const result = await engine.send(id, command as HazardCommand, { actor });
  if (!result.ok) throw new Error(`${command.type} by ${actor.id}: ${result.error.code} ${result.error.message}`);
  return result.case;
}

/** Reports a general fire-lane case and drives it to re-inspection. */
async function toReinspection(engine: ReturnType<typeof createTestEngine>) {
  const reported = await engine.report(report('fire-lane-blocked', 'residential'), { actor: inspector });
  if (!reported.ok) throw new Error(reported.error.message);
  const id = reported.case.id;
  await act(engine, id, { type: 'TRIAGE' }, inspector);
  await act(
    engine,
    id,
    { type: 'ISSUE_NOTICE', clauses: ['消防法 Art. 28'], evidence: [evidence('notice-service-proof')] },
    inspector,
  );
  await act(engine, id, { type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after-photo', owner.id)] }, owner);
  return id;
}

describe('fire pack 1.2.0 versions', () => {
  it('1.1.0 is still exported with exactly the content cases pinned to it', () => {
    expect(firePackV1_2.version).toBe('1.2.0');
    expect(firePackV1_1.version).toBe('1.1.0');
    expect(policyHash(firePackV1_1)).toBe(PUBLISHED_1_1_0_HASH);
    expect(policyHash(firePackV1_2)).not.toBe(PUBLISHED_1_1_0_HASH);
    // The same categories: nothing to rename, so no migration map.
    expect(firePackV1_2.categories.map((c) => c.id)).toEqual(firePackV1_1.categories.map((c) => c.id));
    expect(firePackV1_2.migrations).toEqual([]);
  });

  it('migrates an open 1.1.0 case awaiting re-inspection onto 1.2.0, where only the authority re-inspects', async () => {
    const old = createTestEngine({ packs: [firePackV1_1], start: '2026-03-02T02:00:00.000Z' });
    const id = await toReinspection(old);
    // an upgraded engine on the same store knows both versions
    const both = createTestEngine({
      packs: [firePackV1_1, firePackV1_2],
      start: '2026-03-02T03:00:00.000Z',
      store: old.store,
    });
    const plan = await both.planMigration({ packId: 'fire', from: '1.1.0', to: '1.2.0' });
    expect(plan.blocked).toEqual([]);
    expect(plan.moves.map((m) => [m.caseId, m.status, m.toStatus])).toEqual([[id, 'verifying', 'verifying']]);
    expect(await both.migrate(plan, { actor: admin })).toMatchObject({ migrated: 1 });
    expect(await both.get(id)).toMatchObject({ packVersion: '1.2.0', status: 'verifying' });
    const byGrid = await both.send(
      id,
      { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', gridWorker.id)] },
      { actor: gridWorker },
    );
    expect(byGrid).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const closed = await act(
      both,
      id,
      { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', secondInspector.id)] },
      secondInspector,
    );
    expect(closed.status).toBe('closed');
    expect(await both.verifyHistory(id)).toMatchObject({ ok: true });
  });
});

describe('re-inspection is the fire authority’s act (《消防监督检查规定》 Art. 20)', () => {
  it('refuses a grid worker’s VERIFY of a general hazard, which 1.1.0 accepted', async () => {
    const current = createTestEngine({ packs: [firePack], start: '2026-03-02T02:00:00.000Z' });
    const id = await toReinspection(current);
    const byGrid = await current.send(
      id,
      { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', gridWorker.id)] },
      { actor: gridWorker },
    );
    expect(byGrid).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await current.get(id))?.status).toBe('verifying');
    const available = await current.availableCommands(id, gridWorker);
    expect(available).toMatchObject({ ok: true });
    if (available.ok) expect(available.commands).not.toContain('VERIFY');
    const closed = await act(
      current,
      id,
      { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', secondInspector.id)] },
      secondInspector,
    );
    expect(closed).toMatchObject({ status: 'closed' });

    const previous = createTestEngine({ packs: [firePackV1_1], start: '2026-03-02T02:00:00.000Z' });
    const oldId = await toReinspection(previous);
    const oldGrid = await previous.send(
      oldId,
      { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', gridWorker.id)] },
      { actor: gridWorker },
    );
    expect(oldGrid).toMatchObject({ ok: true, case: { status: 'closed' } });
  });

  it('keeps a grid worker to reporting, chasing and the follow-up check', () => {
    expect(firePack.permissions.VERIFY).toEqual(['regulator']);
    expect(firePack.permissions.REOPEN).toContain('territory');
    expect(firePack.escalation.ladder[0]?.notify).toContain('territory');
  });
});

describe('imminent danger follows the temporary-seal list (《消防监督检查规定》 Art. 22)', () => {
  const at = '2026-07-15T02:00:00.000Z';
  const grade = (category: string, placeType: string, findings: Record<string, Scalar> = {}) =>
    classify(firePack, { category, placeType, findings, at });

  it.each([
    [
      '(1) no safe way out',
      'exits-blocked',
      'shop-market',
      { noSafeEvacuation: true },
      'fire-imminent-no-safe-evacuation',
    ],
    [
      '(1) exits locked while occupied',
      'exits-blocked',
      'hotel',
      { exitsLockedWhileOccupied: true },
      'fire-imminent-exits-locked-while-occupied',
    ],
    [
      '(2) fire systems that no longer work',
      'fire-systems-disabled',
      'office',
      { fireSystemsNonFunctional: true },
      'fire-imminent-systems-nonfunctional',
    ],
    [
      '(3) flammables in a crowded place',
      'three-in-one',
      'mixed-use',
      { hazmatInCrowdedPlace: true },
      'fire-imminent-hazmat-in-crowded-place',
    ],
    [
      '(4) combustible decoration risking mass casualties',
      'combustible-decoration',
      'public-entertainment',
      { massCasualtyRisk: true },
      'fire-imminent-combustible-decoration',
    ],
    [
      '(5) the inspector’s judgement',
      'hot-work',
      'factory-warehouse',
      { seriousPublicSafetyThreat: true },
      'fire-imminent-serious-public-threat',
    ],
    [
      '(5) goods under living quarters',
      'three-in-one',
      'factory-warehouse',
      { hazmatWithLivingQuarters: true },
      'fire-imminent-hazmat-with-living',
    ],
  ] as const)('marks %s, citing its item', (_, category, placeType, findings, ruleId) => {
    const graded = grade(category, placeType, findings);
    expect(graded.imminentDanger).toBe(true);
    const reason = graded.reasons.find((r) => r.ruleId === ruleId);
    expect(reason?.source).toMatch(/^《消防监督检查规定》 Art\. 22\([1-5]\)/);
  });

  it('marks a flammables-in-a-crowded-place report imminent by its category (item 3)', () => {
    expect(firePack.categories.find((c) => c.id === 'flammables-crowded-place')).toMatchObject({
      defaultSeverity: 'major',
      imminentDanger: true,
    });
    expect(grade('flammables-crowded-place', 'hotel')).toMatchObject({ severity: 'major', imminentDanger: true });
  });

  it('marks nothing off the list: hot work, ordinary damage, decoration without the mass-casualty finding', () => {
    expect(grade('hot-work', 'factory-warehouse', { hotWorkNearCombustibles: true }).imminentDanger).toBe(false);
    expect(grade('fire-systems-disabled', 'office').imminentDanger).toBe(false);
    expect(grade('combustible-decoration', 'public-entertainment').imminentDanger).toBe(false);
    // item 4 is about decoration, not any category the finding is recorded on
    expect(grade('ebike-corridor', 'residential', { massCasualtyRisk: true }).imminentDanger).toBe(false);
    // 1.1.0 marked hot work next to combustibles imminent by itself
    const old = classify(firePackV1_1, {
      category: 'hot-work',
      placeType: 'factory-warehouse',
      findings: { hotWorkNearCombustibles: true },
      at,
    });
    expect(old.imminentDanger).toBe(true);
  });

  it('gives the GB 35181 grade and the Art. 22 mark each their own reason', () => {
    const graded = grade('three-in-one', 'mixed-use', { hazmatWithLivingQuarters: true });
    expect(graded.severity).toBe('major');
    expect(graded.reasons.map((r) => r.ruleId)).toEqual([
      'gb35181-direct-hazmat-with-living',
      'fire-imminent-hazmat-with-living',
    ]);
  });

  it('asks for the seal within 24 hours of a report of fire systems that no longer work, through the engine', async () => {
    const t = createTestEngine({ packs: [firePack], start: '2026-03-02T02:00:00.000Z' });
    const reported = await t.report(
      report('fire-systems-disabled', 'shop-market', { fireSystemsNonFunctional: true }),
      {
        actor: inspector,
      },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    expect(reported.case).toMatchObject({
      severity: null,
      imminentDanger: true,
      interimDueAt: '2026-03-03T02:00:00.000Z',
    });
    const told = t.notifications.find((n) => n.reason === 'imminent_danger');
    // 1.3.0: a shop's industry department (the commerce bureau) is told what the brigade is told.
    expect(told?.recipients.map((r) => r.role)).toEqual([
      'responsible',
      'territory',
      'regulator',
      'command',
      'commerce-bureau',
    ]);
    const id = reported.case.id;
    await t.advanceTo('2026-03-03T02:00:01.000Z');
    expect(t.notifications.map((n) => n.reason)).toContain('interim_control_overdue');
    const byGrid = await t.send(
      id,
      { type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: [evidence('interim-control-record', gridWorker.id)] },
      { actor: gridWorker },
    );
    expect(byGrid).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await act(t, id, { type: 'TRIAGE' }, inspector);
    const sealed = await act(
      t,
      id,
      { type: 'START_INTERIM_CONTROL', measure: 'seal', evidence: [evidence('interim-control-record')] },
      inspector,
    );
    expect(sealed.interimControls).toEqual(['seal']);
  });
});

describe('a major fire hazard reaches the government through the emergency management bureau (消防法 Art. 55)', () => {
  it('tells the command office (安委办, in the emergency management bureau) at once, with who reports to whom', async () => {
    const t = createTestEngine({ packs: [firePack], start: '2026-03-02T02:00:00.000Z' });
    const reported = await t.report(report('three-in-one', 'mixed-use', { hazmatWithLivingQuarters: true }), {
      actor: inspector,
    });
    if (!reported.ok) throw new Error(reported.error.message);
    const graded = await act(t, reported.case.id, { type: 'TRIAGE' }, inspector);
    // 1.3.0: the referral rung (level 4) carries the Art. 55 report; listing is the committee's decision
    expect(graded).toMatchObject({ severity: 'major', escalationLevel: 4, listedSupervision: false });
    const referral = t.notifications.find((n) => n.level === 4 && n.action !== undefined);
    expect(referral?.recipients.map((r) => r.role)).toContain('command');
    expect(referral?.action?.zh).toContain('区应急管理局书面报告区人民政府（消防法第五十五条）');
    expect(referral?.action?.en).toContain('by the district emergency management bureau (消防法 Art. 55)');
  });
});
