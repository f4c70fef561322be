import { definePolicyPack, extendPolicyPack, type HazardCommand } from '@hazardflow/core';
import { createEngine } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { ev, notice, pack, people, reportInput, testEngine } from './support';

async function caseAt(stage: 'reported' | 'triaged' | 'noticed' | 'verifying') {
  const t = testEngine();
  const reported = await t.engine.report(reportInput(), { actor: people.gridWorker });
  if (!reported.ok) throw new Error(reported.error.message);
  const id = reported.case.id;
  if (stage !== 'reported') await t.engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
  if (stage === 'noticed' || stage === 'verifying') await t.engine.send(id, notice, { actor: people.inspector });
  if (stage === 'verifying') {
    await t.engine.send(
      id,
      { type: 'SUBMIT_RECTIFICATION', evidence: [ev('after_photo', 'owner-1')] },
      {
        actor: { id: 'inspector-1', role: 'responsible', org: 'party-1' },
      },
    );
  }
  return { ...t, id };
}

/** Everything the store holds about a case, to prove a rejected command changed nothing. */
async function storeState(t: Awaited<ReturnType<typeof caseAt>>) {
  return JSON.stringify([await t.store.getCase(t.id), await t.store.history(t.id), await t.store.timersOf(t.id)]);
}

const table = [
  {
    name: 'unknown case',
    stage: 'triaged',
    id: 'no-such-case',
    command: { type: 'COMMENT', text: 'x' },
    actor: people.inspector,
    code: 'UNKNOWN_CASE',
  },
  {
    name: 'malformed payload',
    stage: 'triaged',
    command: { type: 'ISSUE_NOTICE', clauses: [] },
    actor: people.inspector,
    code: 'VALIDATION_FAILED',
    message: 'clauses',
  },
  {
    name: 'unknown command',
    stage: 'triaged',
    command: { type: 'LAUNCH' },
    actor: people.inspector,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'malformed actor',
    stage: 'triaged',
    command: { type: 'COMMENT', text: 'x' },
    actor: { id: '', role: 'boss' },
    code: 'VALIDATION_FAILED',
    message: 'actor',
  },
  {
    name: 'wrong role',
    stage: 'reported',
    command: { type: 'TRIAGE' },
    actor: people.owner,
    code: 'FORBIDDEN',
    message: 'role "responsible"',
  },
  {
    name: 'wrong org',
    stage: 'reported',
    command: { type: 'TRIAGE' },
    actor: people.otherRegulator,
    code: 'FORBIDDEN',
    message: 'jurisdiction',
  },
  {
    name: 'wrong street',
    stage: 'triaged',
    command: { type: 'FIX_ON_SPOT', evidence: [ev('after_photo')] },
    actor: people.otherStreet,
    code: 'FORBIDDEN',
  },
  {
    name: 'separation of duties',
    stage: 'verifying',
    command: { type: 'VERIFY', result: 'pass', evidence: [ev('inspection_record', 'a'), ev('inspection_record', 'b')] },
    actor: people.inspector,
    code: 'SEPARATION_OF_DUTIES',
  },
  {
    name: 'missing evidence',
    stage: 'triaged',
    command: { type: 'ISSUE_NOTICE', clauses: ['Art. 28'] },
    actor: people.inspector,
    code: 'EVIDENCE_REQUIRED',
    message: 'notice_document',
  },
  {
    name: 'not allowed in state',
    stage: 'reported',
    command: { type: 'ACKNOWLEDGE' },
    actor: people.owner,
    code: 'NOT_ALLOWED_IN_STATE',
    message: 'reported',
  },
  {
    name: 'stale version',
    stage: 'triaged',
    command: { type: 'COMMENT', text: 'x' },
    actor: people.inspector,
    expectedVersion: 1,
    code: 'VERSION_CONFLICT',
  },
] as const;

describe('bad input gets a precise error and leaves the store unchanged', () => {
  for (const row of table) {
    it(`${row.name} → ${row.code}`, async () => {
      const t = await caseAt(row.stage);
      const before = await storeState(t);
      // Some rows are invalid on purpose: send validates at run time what the type cannot see.
      const result = await t.engine.send('id' in row ? row.id : t.id, row.command as HazardCommand, {
        actor: row.actor as never,
        ...('expectedVersion' in row ? { expectedVersion: row.expectedVersion } : {}),
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(row.code);
      if ('message' in row) expect(result.error.message).toContain(row.message);
      expect(await storeState(t)).toBe(before);
    });
  }

  it('unknown pack on report', async () => {
    const t = testEngine();
    const result = await t.engine.report({ ...reportInput(), packId: 'gas' }, { actor: people.gridWorker });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PACK' } });
    expect((await t.store.query({})).items).toEqual([]);
  });

  it('report without the evidence the pack needs', async () => {
    const t = testEngine();
    const result = await t.engine.report({ ...reportInput(), evidence: [] }, { actor: people.gridWorker });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_REQUIRED', message: expect.stringContaining('photo') },
    });
  });

  it('report with an unknown category names the pack categories', async () => {
    const t = testEngine();
    const result = await t.engine.report(reportInput({ category: 'gas_leak' }), { actor: people.gridWorker });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('exits_blocked') },
    });
  });
});

describe('evidence that depends on who reports', () => {
  it('asks an inspector for what a citizen need not bring', async () => {
    const { definePolicyPack } = await import('@hazardflow/core');
    const { createEngine, createManualClock } = await import('@hazardflow/engine');
    const { referencePack } = await import('../../core/test/fixtures/reference-pack');
    const strict = definePolicyPack({
      ...referencePack,
      id: 'reference-strict',
      evidence: {
        ...referencePack.evidence,
        report: [{ kind: 'photo' }, { kind: 'inspection_record', min: 2, distinctBy: true, roles: ['regulator'] }],
      },
    });
    const engine = createEngine({ packs: [strict], clock: createManualClock('2026-09-07T02:00:00.000Z') });
    const input = { ...reportInput(), packId: 'reference-strict' };
    expect(await engine.report(input, { actor: people.inspector })).toMatchObject({
      ok: false,
      error: { code: 'EVIDENCE_REQUIRED', message: expect.stringContaining('by different people') },
    });
    expect(await engine.report(input, { actor: people.reporter })).toMatchObject({ ok: true });
  });
});

describe('packs given to createEngine', () => {
  it('refuse two different packs under one id@version: cases find their pack again by it', () => {
    const changed = extendPolicyPack(pack, { steps: { maxExtensions: pack.steps.maxExtensions + 1 } });
    expect(changed.version).toBe(pack.version);
    expect(() => createEngine({ packs: [pack, changed] })).toThrow(
      `packs[1]: ${pack.id}@${pack.version} is already registered with different content; publish a changed pack under a new version`,
    );
    // The same pack twice, or an equal copy, is no conflict.
    const copy = definePolicyPack(JSON.parse(JSON.stringify(pack)));
    expect(() => createEngine({ packs: [pack, pack, copy] })).not.toThrow();
  });
});
