import { hazardReportSchema } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { type AuditDraft, appendAuditEntry, caseGenesisHash, hashAuditEntry } from '../src/audit-chain';
import { ev, notice, people, reportInput, testEngine } from './support';

/**
 * To save memory and time the engine rebuilds some objects as literals and shares values many
 * cases repeat (see NOTES.md of the benchmarks). None of that may change what is recorded:
 * the JSON of an entry, its key order, or its hash.
 */
describe('values the engine rebuilds or shares keep their JSON and hashes', () => {
  const base: Pick<AuditDraft, 'caseId' | 'at' | 'actor' | 'command'> = {
    caseId: 'case-1',
    at: '2026-09-07T02:00:00.000Z',
    actor: { id: 'inspector-1', role: 'regulator', org: 'fire-brigade' },
    command: 'TRIAGE',
  };
  const tail: Pick<AuditDraft, 'fromStatus' | 'toStatus' | 'reasons' | 'evidence'> = {
    fromStatus: 'reported',
    toStatus: 'triaged',
    reasons: ['r'],
    evidence: [ev('photo')],
  };

  /** The entry as a spread builds it: the draft's keys in order, then seq, prevHash and hash. */
  function spreadEntry(draft: AuditDraft) {
    const body = { ...draft, seq: 1, prevHash: caseGenesisHash(draft.caseId) };
    return { ...body, hash: hashAuditEntry(body) };
  }

  const drafts: Record<string, AuditDraft> = {
    command: { ...base, payload: { type: 'TRIAGE' }, ...tail },
    'command with id': { ...base, commandId: 'c-1', payload: { type: 'TRIAGE' }, ...tail },
    'fired timer': {
      ...base,
      command: 'TIMER.DUE',
      ...tail,
      firedTimer: { timerId: 't-1', dueAt: '2026-09-07T02:00:00.000Z', lateByMs: 5 },
    },
    'command with undefined payload': { ...base, payload: undefined, ...tail },
    'command with state hash': { ...base, payload: { type: 'TRIAGE' }, ...tail, stateHash: 'a'.repeat(64) },
    'command with id and state hash': {
      ...base,
      commandId: 'c-1',
      payload: { type: 'TRIAGE' },
      ...tail,
      stateHash: 'a'.repeat(64),
    },
    'fired timer with state hash': {
      ...base,
      command: 'TIMER.DUE',
      ...tail,
      firedTimer: { timerId: 't-1', dueAt: '2026-09-07T02:00:00.000Z', lateByMs: 5 },
      stateHash: 'a'.repeat(64),
    },
    'keys in another order': { ...tail, ...base },
    'an extra key': { ...base, ...tail, note: 'kept' } as unknown as AuditDraft,
  };

  for (const [shape, draft] of Object.entries(drafts)) {
    it(`appendAuditEntry, ${shape}: same keys in the same order and the same hash as a spread`, () => {
      const entry = appendAuditEntry(undefined, draft);
      const expected = spreadEntry(draft);
      expect(JSON.stringify(entry)).toBe(JSON.stringify(expected));
      expect(Object.keys(entry)).toEqual(Object.keys(expected));
      expect(entry.hash).toBe(expected.hash);
    });
  }

  it('a report is recorded exactly as zod parsed it, with or without placeType and regulator', async () => {
    const { engine } = testEngine();
    const plain = reportInput();
    const { placeType: _, ...siteWithoutPlaceType } = plain.site;
    const inputs = [
      plain,
      { ...plain, regulator: 'fire-brigade' },
      { ...plain, site: siteWithoutPlaceType },
      { ...plain, findings: { exits_blocked: 2 } },
    ];
    for (const input of inputs) {
      const r = await engine.report(input, { actor: people.gridWorker });
      if (!r.ok) throw new Error(r.error.message);
      const [first] = await engine.history(r.case.id);
      expect(JSON.stringify(first?.payload)).toBe(JSON.stringify(hazardReportSchema.parse(input)));
      expect(first?.hash).toBe(hashAuditEntry({ ...(first as NonNullable<typeof first>), hash: undefined } as never));
    }
  });

  it('cases sharing actors, parties and deadlines do not see each other’s changes', async () => {
    const { engine } = testEngine();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await engine.report(reportInput(), { actor: people.gridWorker });
      if (!r.ok) throw new Error(r.error.message);
      ids.push(r.case.id);
      await engine.send(r.case.id, { type: 'TRIAGE' }, { actor: people.inspector });
      await engine.send(r.case.id, notice, { actor: people.inspector });
    }
    const [a, b] = ids as [string, string];
    const before = JSON.stringify(await engine.get(b));
    const asked = await engine.send(
      a,
      { type: 'REQUEST_EXTENSION', reason: 'parts on order', extendBy: { workingDays: 5 } },
      { actor: people.owner },
    );
    expect(asked.ok, JSON.stringify(asked)).toBe(true);
    const granted = await engine.send(a, { type: 'DECIDE_EXTENSION', granted: true }, { actor: people.inspector });
    expect(granted.ok, JSON.stringify(granted)).toBe(true);
    expect(JSON.stringify(await engine.get(a))).not.toBe(before.replaceAll(b, a));
    expect(JSON.stringify(await engine.get(b))).toBe(before);
    const shared = (await engine.history(b)).map((e) => e.actor);
    expect(Object.isFrozen(shared[0])).toBe(true);
  });
});
