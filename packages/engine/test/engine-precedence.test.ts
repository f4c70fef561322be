import type { HazardCommand } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { notice, people, reportInput, testEngine } from './support';

async function reported() {
  const t = testEngine();
  const result = await t.engine.report(reportInput(), { actor: people.gridWorker });
  if (!result.ok) throw new Error(result.error.message);
  return { ...t, id: result.case.id };
}

describe('which refusal a command gets first', () => {
  it('an unknown case answers UNKNOWN_CASE even when the payload is also bad', async () => {
    const { engine } = await reported();
    for (const command of [{ type: 'ISSUE_NOTICE', clauses: [] }, { type: 'LAUNCH' }, null, 'TRIAGE']) {
      const result = await engine.send('no-such-case', command as HazardCommand, { actor: people.inspector });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_CASE', issues: [{ path: 'caseId', code: 'unknown_case' }] },
      });
    }
  });

  it('a bad payload on a known case is VALIDATION_FAILED with one issue per problem, paths dot-joined', async () => {
    const { engine, id } = await reported();
    const result = await engine.send(id, { type: 'ISSUE_NOTICE', clauses: [] }, { actor: people.inspector });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.issues.map((i) => i.path)).toContain('clauses');
    const report = await engine.report({ ...reportInput(), site: { ...reportInput().site, name: 42 } } as never, {
      actor: people.gridWorker,
    });
    expect(report).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!report.ok) expect(report.error.issues).toContainEqual(expect.objectContaining({ path: 'site.name' }));
  });

  it('an invalid actor is refused before anything reveals whether the case exists', async () => {
    const { engine, id } = await reported();
    const actor = { id: '', role: 'boss' } as never;
    for (const caseId of ['no-such-case', id]) {
      const result = await engine.send(caseId, { type: 'COMMENT', text: 'x' }, { actor });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      if (!result.ok) expect(result.error.issues.every((i) => i.path.startsWith('actor'))).toBe(true);
    }
  });

  it('a replayed commandId still answers with the first result', async () => {
    const { engine, id } = await reported();
    const first = await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector, commandId: 'c-1' });
    expect(first.ok).toBe(true);
    expect(await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector, commandId: 'c-1' })).toEqual({
      ...first,
      replayed: true,
    });
  });

  it('every refusal carries at least one issue', async () => {
    const { engine, id } = await reported();
    const refusals = [
      await engine.send(id, notice, { actor: people.gridWorker }),
      await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector, expectedVersion: 9 }),
      await engine.report({ ...reportInput(), packId: 'nope' }, { actor: people.gridWorker }),
      await engine.report({ ...reportInput(), category: 'nope' }, { actor: people.gridWorker }),
    ];
    for (const result of refusals) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.issues.length).toBeGreaterThan(0);
    }
  });
});
