import { createHazardMachine, definePolicyPack, type HazardNotification } from '@hazardflow/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { referencePack } from './fixtures/reference-pack';
import { actors, evidence, referenceReport } from './support/actors';

describe('standalone use with XState’s own clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a case in memory and fires its timers from XState’s scheduler', () => {
    vi.useFakeTimers({ now: new Date('2026-09-07T02:00:00.000Z') });
    const actor = createActor(createHazardMachine(definePolicyPack(referencePack)), { input: referenceReport() });
    const notifications: HazardNotification[] = [];
    actor.on('hazard.notification', (n) => notifications.push(n));
    actor.start();
    const at = () => new Date().toISOString();
    actor.send({ type: 'TRIAGE', at: at(), actor: actors.inspector, evidence: [] });
    actor.send({
      type: 'ISSUE_NOTICE',
      at: at(),
      actor: actors.inspector,
      clauses: ['Art. 28'],
      evidence: [evidence('notice_document'), evidence('proof_of_service')],
    });
    expect(actor.getSnapshot().value).toMatchObject({ lifecycle: 'noticeIssued' });
    // the 3-day deadline ends 2026-09-10 23:59:59.999 in Shanghai; a week later the case is overdue
    vi.advanceTimersByTime(7 * 86_400_000);
    const reasons = notifications.map((n) => n.reason);
    expect(reasons).toContain('warning');
    expect(reasons).toContain('overdue');
    expect(actor.getSnapshot().context.escalationLevel).toBeGreaterThanOrEqual(1);
    // every timer event carried its own due instant, never the wall clock
    const overdue = notifications.find((n) => n.reason === 'overdue');
    expect(overdue?.at).toBe('2026-09-10T15:59:59.999Z');
    actor.stop();
  });
});
