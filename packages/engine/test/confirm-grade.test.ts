import { describe, expect, it } from 'vitest';
import { notice, people, reportInput, testEngine } from './support';

describe('a grade decision through the engine', () => {
  it('is audited with its decision and reason, and sets the path the notice takes', async () => {
    const { engine } = testEngine();
    const reported = await engine.report(reportInput(), { actor: people.gridWorker });
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    const triaged = await engine.send(id, { type: 'TRIAGE' }, { actor: people.inspector });
    if (!triaged.ok) throw new Error(triaged.error.message);
    expect(triaged.case.severity).toBe('general');

    const unexplained = await engine.send(
      id,
      { type: 'CONFIRM_GRADE', severity: 'major', decision: { kind: 'expert', reference: 'EP-9' } },
      { actor: people.inspector },
    );
    expect(unexplained).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED_IN_STATE' } });
    expect((await engine.get(id))?.version).toBe(triaged.case.version);

    const decision = { kind: 'expert', reference: 'EP-9' } as const;
    const reason = 'the only exit of a dormitory';
    const raised = await engine.send(
      id,
      { type: 'CONFIRM_GRADE', severity: 'major', decision, reason },
      { actor: people.inspector },
    );
    if (!raised.ok) throw new Error(raised.error.message);
    expect(raised.case).toMatchObject({ status: 'triaged', severity: 'major', listedSupervision: true });

    const entry = (await engine.history(id)).at(-1);
    expect(entry).toMatchObject({
      command: 'CONFIRM_GRADE',
      payload: { severity: 'major', decision, reason },
      fromStatus: 'triaged',
      toStatus: 'triaged',
    });

    const noticed = await engine.send(id, notice, { actor: people.inspector });
    if (!noticed.ok) throw new Error(noticed.error.message);
    expect(noticed.case.status).toBe('plan_pending');
  });
});
