import { firePack } from '@hazardflow/policy-fire';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ebikeReport, evidence, type Service, startService } from './support';

let service: Service;
beforeEach(async () => {
  service = await startService();
});
afterEach(async () => {
  await service.close();
});

describe('a whole lifecycle over HTTP', () => {
  it('report → triage → notice → acknowledge → rectification → verify → closed, with ETags and an intact trail', async () => {
    const { call } = service;
    const reported = await call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() });
    expect(reported.status).toBe(201);
    const id: string = reported.json.case.id;
    expect(reported.headers.get('location')).toBe(`/cases/${id}`);
    expect(reported.headers.get('etag')).toBe('"1"');
    expect(reported.json.case.status).toBe('reported');

    const steps = [
      { as: 'leadInspector', body: { type: 'TRIAGE' }, status: 'triaged' },
      {
        as: 'leadInspector',
        body: {
          type: 'ISSUE_NOTICE',
          clauses: ['消防法 Art. 28'],
          evidence: [evidence('notice-service-proof', 'inspector-1')],
        },
        status: 'notice_issued',
      },
      { as: 'owner', body: { type: 'ACKNOWLEDGE' }, status: 'rectifying' },
      {
        as: 'owner',
        body: { type: 'SUBMIT_RECTIFICATION', evidence: [evidence('after-photo', 'manager-1')] },
        status: 'verifying',
      },
      {
        as: 'secondInspector',
        body: { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', 'inspector-2')] },
        status: 'closed',
      },
    ] as const;
    for (const [index, step] of steps.entries()) {
      // Each step is sent as a form would: with the version it was built from.
      const current = await call('GET', `/cases/${id}`, { as: step.as });
      expect(current.status).toBe(200);
      const etag = current.headers.get('etag') as string;
      expect(etag).toBe(`"${index + 1}"`);
      const sent = await call('POST', `/cases/${id}/commands`, {
        as: step.as,
        body: step.body,
        headers: { 'if-match': etag, 'idempotency-key': `step-${index}` },
      });
      expect(sent.status, sent.text).toBe(200);
      expect(sent.json.case.status).toBe(step.status);
      expect(sent.headers.get('etag')).toBe(`"${index + 2}"`);
    }

    const history = await call('GET', `/cases/${id}/history`, { as: 'command' });
    expect(history.json.entries.map((e: { command: string }) => e.command)).toEqual([
      'REPORT',
      'TRIAGE',
      'ISSUE_NOTICE',
      'ACKNOWLEDGE',
      'SUBMIT_RECTIFICATION',
      'VERIFY',
    ]);
    const verification = await call('GET', `/cases/${id}/history/verification`, { as: 'command' });
    expect(verification.json).toEqual({ ok: true, length: 6 });
    const timers = await call('GET', `/cases/${id}/timers`, { as: 'leadInspector' });
    expect(timers.status).toBe(200);
    expect(Array.isArray(timers.json.timers)).toBe(true);
  });

  it('replays a command sent again with the same Idempotency-Key, and answers 412 to a stale If-Match', async () => {
    const { call } = service;
    const id = (await call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() })).json.case.id;
    const triage = { as: 'leadInspector' as const, body: { type: 'TRIAGE' }, headers: { 'idempotency-key': 'k-1' } };
    const first = await call('POST', `/cases/${id}/commands`, triage);
    const again = await call('POST', `/cases/${id}/commands`, triage);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.json.replayed).toBe(true);
    expect(again.json.case.version).toBe(2);

    const stale = await call('POST', `/cases/${id}/commands`, {
      as: 'leadInspector',
      body: { type: 'COMMENT', text: 'seen' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.type).toBe('application/problem+json');
    expect(stale.json).toMatchObject({ status: 412, code: 'VERSION_CONFLICT' });
  });

  it('answers 422 IDEMPOTENCY_MISMATCH to an Idempotency-Key reused with another body, and 400 to a bad key', async () => {
    const { call } = service;
    const id = (await call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() })).json.case.id;
    const headers = { 'idempotency-key': 'k-reused' };
    const first = await call('POST', `/cases/${id}/commands`, {
      as: 'leadInspector',
      body: { type: 'COMMENT', text: 'fail' },
      headers,
    });
    expect(first.status).toBe(200);

    const other = await call('POST', `/cases/${id}/commands`, {
      as: 'leadInspector',
      body: { type: 'COMMENT', text: 'pass' },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.type).toBe('application/problem+json');
    expect(other.json).toMatchObject({
      status: 422,
      code: 'IDEMPOTENCY_MISMATCH',
      type: 'urn:hazardflow:problem:idempotency-mismatch',
      issues: [{ path: 'commandId', code: 'idempotency_mismatch' }],
    });
    expect(other.json.detail).toContain('commandId "k-reused"');

    const bad = await call('POST', `/cases/${id}/commands`, {
      as: 'leadInspector',
      body: { type: 'COMMENT', text: 'pass' },
      // Past the engine's bound on ids (128), which the header's schema now states.
      headers: { 'idempotency-key': 'k'.repeat(150) },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ code: 'too_big' }] });
    const spaced = await call('POST', `/cases/${id}/commands`, {
      as: 'leadInspector',
      body: { type: 'COMMENT', text: 'pass' },
      // Within the header's length, and no id the engine takes (a soft hyphen, invisible).
      headers: { 'idempotency-key': 'k\u00adk' },
    });
    expect(spaced.status).toBe(400);
    expect(spaced.json).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'commandId' }] });

    const view = await call('GET', `/cases/${id}`, { as: 'leadInspector' });
    expect(view.json.version).toBe(2);
    const history = await call('GET', `/cases/${id}/history`, { as: 'leadInspector' });
    expect(history.json.entries).toHaveLength(2);
  });

  it('lists what the caller can do now, and queries within jurisdiction with cursor paging', async () => {
    const { call } = service;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() })).json.case.id);
    await call('POST', '/cases', { as: 'otherStreet', body: ebikeReport('street-west') });

    const commands = await call('GET', `/cases/${ids[0]}/commands`, { as: 'leadInspector' });
    expect(commands.status).toBe(200);
    expect(commands.json.commands.find((c: { command: string }) => c.command === 'TRIAGE')).toEqual({
      command: 'TRIAGE',
      allowed: true,
    });
    const owner = await call('GET', `/cases/${ids[0]}/commands`, { as: 'owner' });
    expect(owner.json.commands.find((c: { command: string }) => c.command === 'TRIAGE').reason.code).toBe('FORBIDDEN');

    const first = await call('GET', '/cases?limit=2', { as: 'gridWorker' });
    expect(first.json.items).toHaveLength(2);
    const second = await call('GET', `/cases?limit=2&cursor=${encodeURIComponent(first.json.nextCursor)}`, {
      as: 'gridWorker',
    });
    expect(second.json.items).toHaveLength(1);
    expect(second.json.nextCursor).toBeNull();
    expect([...first.json.items, ...second.json.items].map((v: { id: string }) => v.id).sort()).toEqual(
      [...ids].sort(),
    );

    const everything = await call('GET', '/cases?status=reported&status=triaged', { as: 'command' });
    expect(everything.json.items).toHaveLength(4);
    const west = await call('GET', '/cases?territory=street-west', { as: 'gridWorker' });
    expect(west.json).toEqual({ items: [], nextCursor: null });
    const regulator = await call('GET', '/cases?category=ebike-corridor&overdue=false', { as: 'leadInspector' });
    expect(regulator.json.items).toHaveLength(4);
    const owners = await call('GET', '/cases', { as: 'owner' });
    expect(owners.status).toBe(403);

    const assessment = await call('GET', '/assessment?groupBy=territory', { as: 'command' });
    expect(assessment.json.rows.map((r: { group: string; found: number }) => [r.group, r.found]).sort()).toEqual([
      ['street-east', 3],
      ['street-west', 1],
    ]);
    expect((await call('GET', '/assessment?groupBy=territory', { as: 'gridWorker' })).status).toBe(403);

    const packs = await call('GET', '/packs', { as: 'citizen' });
    expect(packs.json.packs[0]).toMatchObject({ id: 'fire', version: firePack.version });
    expect(packs.json.packs[0].mermaid).toMatch(/^stateDiagram-v2/);
    expect(packs.json.packFormat.title).toBe('hazardflow policy pack');
  });

  it('lets a reporter read the cases they reported, and no other', async () => {
    const { call } = service;
    const complaint = { ...ebikeReport(), evidence: [evidence('photo', 'citizen-1')] };
    const own = await call('POST', '/cases', { as: 'citizen', body: complaint });
    expect(own.status, own.text).toBe(201);
    const other = (await call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() })).json.case.id;
    expect((await call('GET', `/cases/${own.json.case.id}`, { as: 'citizen' })).status).toBe(200);
    expect((await call('GET', `/cases/${own.json.case.id}/history`, { as: 'citizen' })).status).toBe(200);
    expect((await call('GET', `/cases/${other}`, { as: 'citizen' })).status).toBe(404);
    const comment = await call('POST', `/cases/${own.json.case.id}/commands`, {
      as: 'citizen',
      body: { type: 'COMMENT', text: 'it is still there this morning' },
    });
    expect(comment.status, comment.text).toBe(200);
  });
});
