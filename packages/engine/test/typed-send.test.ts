import type { HazardCommand } from '@hazardflow/core';
import { describe, expect, it } from 'vitest';
import { people, reportInput, testEngine } from './support';

/** A command as an HTTP body or a queue message brings it: parsed JSON, typed by assertion only. */
function fromJson(text: string): HazardCommand {
  return JSON.parse(text) as HazardCommand;
}

describe('send: commands built at run time', () => {
  it('validates a command parsed from JSON with the same zod schemas, naming the field', async () => {
    const { engine } = testEngine();
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);

    const misspelt = await engine.send(reported.case.id, fromJson('{"type":"TRIAGE","severty":"major"}'), {
      actor: people.inspector,
    });
    expect(misspelt).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!misspelt.ok) expect(misspelt.error.message).toContain('severty');

    const unknownType = await engine.send(reported.case.id, fromJson('{"type":"TRIAGEE"}'), {
      actor: people.inspector,
    });
    expect(unknownType).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((await engine.store.getCase(reported.case.id))?.view.version).toBe(reported.case.version);

    const valid = await engine.send(reported.case.id, fromJson('{"type":"TRIAGE","severity":"major"}'), {
      actor: people.inspector,
    });
    expect(valid).toMatchObject({ ok: true, case: { status: 'triaged', severity: 'major' } });
  });
});
