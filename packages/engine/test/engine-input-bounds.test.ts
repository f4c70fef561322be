import { type Actor, INPUT_LIMITS, isPolicyPackError } from '@hazardflow/core';
import { createEngine, createMemoryStore } from '@hazardflow/engine';
import { describe, expect, it } from 'vitest';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { ev, pack, people, reportInput, testEngine } from './support';

/** Reports one case and returns its id. */
async function reported(engine: ReturnType<typeof testEngine>['engine'], actor: Actor = people.gridWorker) {
  const r = await engine.report(reportInput(), { actor });
  if (!r.ok) throw new Error(r.error.message);
  return r.case.id;
}

describe('input bounds (issue 28)', () => {
  it('refuses strings and lists past INPUT_LIMITS, and nothing changes', async () => {
    const { engine } = testEngine();
    const id = await reported(engine);
    const long = (n: number) => 'x'.repeat(n + 1);
    const tooLong = [
      { ...reportInput(), site: { ...reportInput().site, name: long(INPUT_LIMITS.nameLength) } },
      { ...reportInput(), site: { ...reportInput().site, id: long(INPUT_LIMITS.idLength) } },
      { ...reportInput(), evidence: Array.from({ length: INPUT_LIMITS.evidenceCount + 1 }, () => ev('photo')) },
      { ...reportInput(), evidence: [{ ...ev('photo'), uri: `s3://${long(INPUT_LIMITS.evidenceUriLength)}` }] },
      { ...reportInput(), findings: { note: long(INPUT_LIMITS.findingTextLength) } },
      {
        ...reportInput(),
        findings: Object.fromEntries(Array.from({ length: INPUT_LIMITS.findingsCount + 1 }, (_, i) => [`k${i}`, i])),
      },
    ];
    for (const input of tooLong) {
      const r = await engine.report(input, { actor: people.gridWorker });
      expect(r.ok ? 'accepted' : r.error.code).toBe('VALIDATION_FAILED');
    }
    const comment = await engine.send(
      id,
      { type: 'COMMENT', text: long(INPUT_LIMITS.textLength) },
      { actor: people.inspector },
    );
    expect(comment.ok ? 'accepted' : comment.error.code).toBe('VALIDATION_FAILED');
    const longActor = { ...people.inspector, id: long(INPUT_LIMITS.idLength) };
    const byLongActor = await engine.send(id, { type: 'COMMENT', text: 'hi' }, { actor: longActor });
    expect(byLongActor.ok ? 'accepted' : byLongActor.error.code).toBe('VALIDATION_FAILED');
    expect((await engine.get(id))?.version).toBe(1);
    expect((await engine.query({})).items).toHaveLength(1);
  });

  it('checks the caseId of send and availableCommands as the reads check it', async () => {
    const { engine } = testEngine();
    const id = await reported(engine);
    const hostile: unknown[] = [{}, ['x'], 42, '', 'x'.repeat(INPUT_LIMITS.idLength + 1), `${id}\u0000`];
    for (const caseId of hostile) {
      const sent = await engine.send(caseId as string, { type: 'COMMENT', text: 'hi' }, { actor: people.inspector });
      expect(sent.ok ? 'accepted' : sent.error.code, JSON.stringify(caseId)).toBe('VALIDATION_FAILED');
      if (!sent.ok) {
        expect(sent.error.details).toEqual({ subject: 'caseId' });
        expect(sent.error.issues[0]?.path).toBe('caseId');
      }
      const available = await engine.availableCommands(caseId as string, people.inspector);
      expect(available.ok ? 'answered' : available.error.code, JSON.stringify(caseId)).toBe('VALIDATION_FAILED');
    }
    expect((await engine.get(id))?.version).toBe(1);
    // The id normalised as `get` normalises it names the same case.
    const padded = await engine.send(` ${id} `, { type: 'COMMENT', text: 'hi' }, { actor: people.inspector });
    expect(padded.ok && padded.case.id).toBe(id);
    expect((await engine.get(` ${id} `))?.version).toBe(2);
  });

  it('normalises ids (trimmed, NFC) and refuses control and zero-width characters', async () => {
    const { engine } = testEngine();
    const id = await reported(engine, { ...people.gridWorker, id: ' grid-1 ' });
    expect((await engine.history(id))[0]?.actor.id).toBe('grid-1');
    for (const bad of ['inspector-1\u200b', 'inspector\u0000-1', 'inspector-\ufeff1', 'inspector-1\u202e']) {
      const r = await engine.send(id, { type: 'COMMENT', text: 'hi' }, { actor: { ...people.inspector, id: bad } });
      expect(r.ok ? 'accepted' : r.error.code, JSON.stringify(bad)).toBe('VALIDATION_FAILED');
    }
    // "é" composed and decomposed are one person.
    const decomposed = await engine.send(
      id,
      { type: 'COMMENT', text: 'hi' },
      { actor: { ...people.inspector, id: 'Rene\u0301' } },
    );
    expect(decomposed.ok && (await engine.history(id)).at(-1)?.actor.id).toBe('Ren\u00e9');
  });

  it('reads only the actor’s own properties: an inherited role is no role', async () => {
    const { engine } = testEngine();
    const id = await reported(engine);
    const actor = Object.assign(Object.create({ role: 'command' }), { id: 'intruder' });
    const r = await engine.send(id, { type: 'DISMISS', reason: 'invalid' }, { actor });
    expect(r.ok ? 'accepted' : r.error.code).toBe('VALIDATION_FAILED');
    expect((await engine.get(id))?.status).toBe('reported');
  });

  it('refuses a report by the system actor', async () => {
    const { engine } = testEngine();
    const r = await engine.report(reportInput(), { actor: { id: 'system', role: 'system' } });
    expect(r.ok ? 'accepted' : r.error.code).toBe('FORBIDDEN');
    expect((await engine.query({})).items).toEqual([]);
  });

  it('takes the regulator from the pack: any other is refused as unknown_regulator', async () => {
    const { engine } = testEngine();
    const other = await engine.report({ ...reportInput(), regulator: 'housing-bureau' }, { actor: people.gridWorker });
    expect(other.ok ? 'accepted' : other.error.issues).toEqual([
      expect.objectContaining({ path: 'regulator', code: 'unknown_regulator' }),
    ]);
    const same = await engine.report({ ...reportInput(), regulator: pack.regulator.id }, { actor: people.gridWorker });
    expect(same.ok && same.case.regulator).toBe(pack.regulator.id);
  });

  it('lets a reporter comment and add evidence only on cases it reported', async () => {
    const { engine } = testEngine();
    const theirs = await reported(engine, people.reporter);
    const others = await reported(engine);
    const own = await engine.send(theirs, { type: 'COMMENT', text: 'still blocked' }, { actor: people.reporter });
    expect(own.ok).toBe(true);
    for (const command of [
      { type: 'COMMENT', text: 'spam' },
      { type: 'ADD_EVIDENCE', evidence: [ev('photo', 'citizen-1')] },
    ] as const) {
      const r = await engine.send(others, command, { actor: people.reporter });
      expect(r.ok ? 'accepted' : r.error.code, command.type).toBe('FORBIDDEN');
    }
    expect((await engine.get(others))?.version).toBe(1);
  });

  it('refuses COMMENT and ADD_EVIDENCE on an ended case (NOT_ALLOWED_IN_STATE), version unchanged', async () => {
    const { engine } = testEngine();
    const id = await reported(engine);
    const dismissed = await engine.send(id, { type: 'DISMISS', reason: 'invalid' }, { actor: people.inspector });
    expect(dismissed.ok).toBe(true);
    const version = (await engine.get(id))?.version;
    for (const command of [
      { type: 'COMMENT', text: 'late' },
      { type: 'ADD_EVIDENCE', evidence: [ev('photo')] },
    ] as const) {
      const r = await engine.send(id, command, { actor: people.inspector });
      expect(r.ok ? 'accepted' : r.error.code, command.type).toBe('NOT_ALLOWED_IN_STATE');
    }
    expect((await engine.get(id))?.version).toBe(version);
  });

  it('validates packs when the engine is created', async () => {
    const broken = { ...referencePack, categories: [] };
    let thrown: unknown;
    try {
      createEngine({ packs: [broken as never], store: createMemoryStore() });
    } catch (error) {
      thrown = error;
    }
    expect(isPolicyPackError(thrown)).toBe(true);
    // A valid pack given as plain data is validated (defaults filled in) and works.
    const engine = createEngine({ packs: [referencePack as never], store: createMemoryStore() });
    const r = await engine.report(reportInput(), { actor: people.gridWorker });
    expect(r.ok).toBe(true);
  });
});
