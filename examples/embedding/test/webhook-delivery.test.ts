import { timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor } from '@hazardflow/core';
import { createEngine, createManualClock, createMemoryStore } from '@hazardflow/engine';
import { firePack } from '@hazardflow/policy-fire';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookDeliver, signatureOf } from '../src/webhook-delivery';

const SECRET = 'webhook-test-secret';
const gridWorker: Actor = { id: 'grid-east-1', role: 'territory', org: 'street-east' };
const inspector: Actor = { id: 'inspector-1', role: 'regulator', org: 'fire-rescue' };

/** A receiver on 127.0.0.1, port 0: refuses the first `failFirst` requests of each key, deduplicates on Idempotency-Key. */
async function startReceiver(failFirst: number) {
  const attempts = new Map<string, number>();
  const log: { id: string; reason: string }[] = [];
  let refusedSignatures = 0;
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      const expected = Buffer.from(signatureOf(body, SECRET));
      const given = Buffer.from(String(request.headers['x-hazardflow-signature'] ?? ''));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        refusedSignatures++;
        response.writeHead(401).end();
        return;
      }
      const key = String(request.headers['idempotency-key']);
      const seen = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, seen);
      if (seen <= failFirst) {
        response.writeHead(503).end('try later');
        return;
      }
      if (!log.some((entry) => entry.id === key)) log.push({ id: key, reason: JSON.parse(body).reason });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hazards`;
  return { url, log, attempts, refused: () => refusedSignatures, close: () => server.close() };
}

let close: (() => void) | undefined;
afterEach(() => close?.());

describe('webhook delivery from the outbox', () => {
  it('a notice reaches the webhook exactly once after two failed attempts, with its receipt recorded', async () => {
    const receiver = await startReceiver(2);
    close = receiver.close;
    const clock = createManualClock('2026-06-01T01:00:00.000Z');
    const engine = createEngine({
      packs: [firePack],
      store: createMemoryStore(),
      clock,
      deliver: createWebhookDeliver({ url: receiver.url, secret: SECRET }),
      delivery: { baseDelayMs: 1_000, maxDelayMs: 60_000 },
    });
    const reported = await engine.report(
      {
        packId: 'fire',
        category: 'ebike-corridor',
        site: {
          id: 'greenview-b3',
          name: 'Greenview Garden B3',
          placeType: 'high-rise-residential',
          territory: 'street-east',
          attributes: { storeys: 28 },
        },
        responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
        description: 'Four e-bikes charging on the 12th-floor stair landing',
        evidence: [
          { kind: 'photo', uri: 'oss://hazards/photo-1.jpg', by: gridWorker.id, at: clock.now().toISOString() },
        ],
      },
      { actor: gridWorker },
    );
    if (!reported.ok) throw new Error(reported.error.message);
    const id = reported.case.id;
    await engine.send(id, { type: 'TRIAGE' }, { actor: inspector });
    const noticed = await engine.send(
      id,
      {
        type: 'ISSUE_NOTICE',
        clauses: ['消防法 Art. 28'],
        evidence: ['notice-service-proof'].map((kind) => ({
          kind,
          uri: `oss://hazards/${kind}.pdf`,
          by: inspector.id,
          at: clock.now().toISOString(),
        })),
      },
      { actor: inspector },
    );
    if (!noticed.ok) throw new Error(noticed.error.message);
    const ids = (await engine.history(id)).flatMap((entry) => entry.notifications ?? []);
    expect(ids.length).toBeGreaterThan(0);

    expect((await engine.dispatchNotifications()).retried).toBe(ids.length);
    clock.advanceBy(60_000); // past any backoff
    expect((await engine.dispatchNotifications()).retried).toBe(ids.length);
    clock.advanceBy(60_000);
    expect((await engine.dispatchNotifications()).delivered).toBe(ids.length);

    expect(receiver.log.map((entry) => entry.id)).toEqual(ids);
    expect(receiver.log.map((entry) => entry.reason)).toContain('notice_issued');
    expect([...receiver.attempts.values()]).toEqual(ids.map(() => 3));
    expect(receiver.refused()).toBe(0);
    const rows = await engine.deliveries({ caseId: id });
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(ids.map(() => ['delivered', 3]));
    expect(rows[0]?.receipt).toEqual({ status: 200, attempt: 3, answer: 'ok' });
  });
});
