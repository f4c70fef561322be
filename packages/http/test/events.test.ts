import type { HttpEngine } from '@hazardflow/http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dataOf, openEventStream } from './sse-client';
import { ebikeReport, evidence, type Service, startService, tokenOf } from './support';

let service: Service;
afterEach(async () => {
  await service.close();
});

/** The engine served through a wrapper that counts listeners, to see the stream let go of them. */
function counting() {
  const count = { listeners: 0 };
  const wrap = (engine: HttpEngine): HttpEngine => ({
    ...engine,
    on: (event, listener) => {
      count.listeners++;
      return engine.on(event, listener);
    },
    off: (event, listener) => {
      count.listeners--;
      return engine.off(event, listener);
    },
  });
  return { count, wrap };
}

describe('the event stream', () => {
  it('shows an escalation, moved by the test clock, to the street that owns the case and not to another', async () => {
    service = await startService();
    const { call, engine, clock, base } = service;
    const east = await openEventStream(`${base}/events`, tokenOf('gridWorker'));
    const west = await openEventStream(`${base}/events`, tokenOf('otherStreet'));
    expect(east.status).toBe(200);
    expect(east.contentType).toContain('text/event-stream');

    const id = (await call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() })).json.case.id;
    await call('POST', `/cases/${id}/commands`, { as: 'leadInspector', body: { type: 'TRIAGE' } });
    await call('POST', `/cases/${id}/commands`, {
      as: 'leadInspector',
      body: {
        type: 'ISSUE_NOTICE',
        clauses: ['消防法 Art. 28'],
        evidence: [evidence('notice-service-proof', 'inspector-1')],
      },
    });
    const timers = (await call('GET', `/cases/${id}/timers`, { as: 'gridWorker' })).json.timers as { dueAt: string }[];
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.map((t) => t.dueAt)).toEqual(timers.map((t) => t.dueAt).sort());
    // Nobody acknowledges or rectifies: let ten days pass, firing each timer at its instant.
    const until = Date.parse('2026-06-11T01:00:00.000Z');
    for (let next = await engine.store.nextTimerDueAt(); next !== null && Date.parse(next) <= until; ) {
      if (Date.parse(next) > clock.now().getTime()) clock.set(next);
      await engine.runDueTimers();
      next = await engine.store.nextTimerDueAt();
    }

    const escalated = await east.next((e) => e.event === 'case.escalated');
    expect(dataOf(escalated).case.id).toBe(id);
    expect(dataOf(escalated).notification.level).toBeGreaterThanOrEqual(1);
    const view = (await call('GET', `/cases/${id}`, { as: 'gridWorker' })).json;
    expect(view.escalationLevel).toBeGreaterThanOrEqual(1);
    expect(east.seen.some((e) => e.event === 'case.reported' && dataOf(e).case.id === id)).toBe(true);

    // West sees its own street's case, and (events arriving in order) nothing of east's before it.
    const westId = (await call('POST', '/cases', { as: 'otherStreet', body: ebikeReport('street-west') })).json.case.id;
    const westReported = await west.next((e) => e.event === 'case.reported');
    expect(dataOf(westReported).case.id).toBe(westId);
    expect(west.seen.filter((e) => e.data !== undefined).map((e) => dataOf(e).case.id)).toEqual([westId]);
    await east.close();
    await west.close();
  });

  it('sends heartbeat comments and lets go of the engine when the client disconnects', async () => {
    const { count, wrap } = counting();
    service = await startService({ wrap });
    const stream = await openEventStream(`${service.base}/events`, tokenOf('command'));
    await stream.next((e) => e.comment === 'heartbeat');
    expect(count.listeners).toBeGreaterThan(0);
    await stream.close();
    await vi.waitFor(() => expect(count.listeners).toBe(0), { timeout: 5_000 });
  });

  it("shows a reporter the events of the cases they reported, and no one else's", async () => {
    service = await startService();
    const { call, base } = service;
    const citizen = await openEventStream(`${base}/events`, tokenOf('citizen'));
    const others = (await call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() })).json.case.id;
    const complaint = { ...ebikeReport(), evidence: [evidence('photo', 'citizen-1')] };
    const own = (await call('POST', '/cases', { as: 'citizen', body: complaint })).json.case.id;
    await call('POST', `/cases/${own}/commands`, { as: 'leadInspector', body: { type: 'TRIAGE' } });
    const triaged = await citizen.next((e) => e.event === 'case.transitioned');
    expect(dataOf(triaged)).toMatchObject({ case: { id: own }, from: 'reported', to: 'triaged' });
    const ids = citizen.seen.filter((e) => e.data !== undefined).map((e) => dataOf(e).case.id);
    expect(ids).toContain(own);
    expect(ids).not.toContain(others);
    await citizen.close();
  });

  it('refuses a stream without credentials', async () => {
    service = await startService();
    const answer = await service.call('GET', '/events');
    expect(answer.status).toBe(401);
    expect(answer.type).toBe('application/problem+json');
  });
});
