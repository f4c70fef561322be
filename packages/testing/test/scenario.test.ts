import { createTestEngine, type ScenarioError, scenario } from '@hazardflow/testing';
import { describe, expect, it } from 'vitest';
import { blockedExit, ev, MONDAY, notice, pack, passed, people } from './support';

const rectified = { type: 'SUBMIT_RECTIFICATION', evidence: [ev('after_photo', people.owner.id)] };

async function failureOf(run: () => Promise<unknown>): Promise<ScenarioError> {
  try {
    await run();
  } catch (error) {
    return error as ScenarioError;
  }
  throw new Error('expected the story to fail');
}

describe('scenario', () => {
  it('tells a blocked exit from report to close, top to bottom', async () => {
    const t = createTestEngine({ packs: [pack], start: MONDAY });
    const s = await scenario(t).report(blockedExit(), { as: people.gridWorker });
    await s.as(people.inspector).send({ type: 'TRIAGE' });
    await s.as(people.inspector).send(notice);
    await s.expect({ status: 'notice_issued', dueAt: new Date('2026-09-10T15:59:59.999Z'), escalationLevel: 0 });

    await s.advance({ workingDays: 1 });
    await s.expect({ escalationLevel: 1, overdue: false });
    expect(s.notifications('escalated').map((n) => n.level)).toEqual([1]);

    await s.as(people.owner).send({ type: 'ACKNOWLEDGE' });
    await s.as(people.owner).send(rectified);
    // an owner may not verify; nor may anyone verify what they submitted, whatever their post
    const forbidden = await s.as(people.owner).expectError('FORBIDDEN').send(passed);
    expect(forbidden.error.message).toMatch(/may not VERIFY/);
    const ownerAsInspector = { id: people.owner.id, role: 'regulator', org: 'fire-brigade' } as const;
    await s.as(ownerAsInspector).expectError('SEPARATION_OF_DUTIES').send(passed);
    await s.as(people.inspector).send(passed);
    await s.expect({ status: 'closed', closedOnTime: true, overdue: false });
    expect(s.view.status).toBe('closed');
    expect((await s.history()).map((h) => h.command)).toEqual([
      'REPORT',
      'TRIAGE',
      'ISSUE_NOTICE',
      'TIMER.ACK_DUE',
      'TIMER.UNACKNOWLEDGED',
      'ACKNOWLEDGE',
      'SUBMIT_RECTIFICATION',
      'VERIFY',
    ]);
  });

  it('fails on a rejected command with the error and the case history', async () => {
    const t = createTestEngine({ packs: [pack], start: MONDAY });
    const s = await scenario(t).report(blockedExit(), { as: people.gridWorker });
    await s.as(people.inspector).send({ type: 'TRIAGE' });
    const error = await failureOf(() => s.as(people.otherStreet).send({ type: 'FIX_ON_SPOT' }));
    expect(error.name).toBe('ScenarioError');
    expect(error.message).toContain('FIX_ON_SPOT by grid-9 (territory of street-z) was rejected');
    expect(error.message).toContain('FORBIDDEN');
    // the history: who did what, when, and how the status moved
    expect(error.message).toMatch(
      /1\s+2026-09-07T02:00:00\.000Z\s+grid-1 \(territory of street-a\)\s+REPORT\s+— → reported/,
    );
    expect(error.message).toMatch(
      /2\s+2026-09-07T02:00:00\.000Z\s+inspector-1 \(regulator of fire-brigade\)\s+TRIAGE\s+reported → triaged/,
    );
    expect(error.history).toHaveLength(2);
  });

  it('fails when an expected error does not come, or another one does', async () => {
    const t = createTestEngine({ packs: [pack], start: MONDAY });
    const s = await scenario(t).report(blockedExit(), { as: people.gridWorker });
    const accepted = await failureOf(() => s.as(people.inspector).expectError('FORBIDDEN').send({ type: 'TRIAGE' }));
    expect(accepted.message).toContain(
      'TRIAGE by inspector-1 (regulator of fire-brigade) was expected to fail with FORBIDDEN, but it was accepted',
    );
    const other = await failureOf(() => s.as(people.owner).expectError('EVIDENCE_REQUIRED').send(notice));
    expect(other.message).toContain('expected to fail with EVIDENCE_REQUIRED, but failed with FORBIDDEN');
  });

  it('fails an expectation with every difference and the history, timers included', async () => {
    const t = createTestEngine({ packs: [pack], start: MONDAY });
    const s = await scenario(t).report(blockedExit(), { as: people.gridWorker });
    await s.as(people.inspector).send({ type: 'TRIAGE' });
    await s.as(people.inspector).send(notice);
    await s.advance({ days: 4 });
    const error = await failureOf(() => s.expect({ status: 'rectifying', escalationLevel: 1, overdue: false }));
    expect(error.message).toContain('status: expected "rectifying", got "notice_issued"');
    expect(error.message).toContain('overdue: expected false, got true');
    expect(error.message).not.toContain('escalationLevel: expected');
    expect(error.message).toMatch(/TIMER\.DUE \(timer deadline\.due\)\s+notice_issued → notice_issued/);
    expect(error.message).toMatch(/\bsystem\b/);
  });

  it('fails when the report itself is refused', async () => {
    const t = createTestEngine({ packs: [pack], start: MONDAY });
    const error = await failureOf(() =>
      scenario(t).report({ ...blockedExit(), evidence: [] }, { as: people.gridWorker }),
    );
    expect(error.message).toMatch(/REPORT by grid-1 \(territory of street-a\) was rejected: EVIDENCE_REQUIRED/);
  });
});
