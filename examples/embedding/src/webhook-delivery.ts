/**
 * A real sink for the outbox: each notification is an HTTP POST of its JSON to a webhook,
 * signed with HMAC-SHA256 over the body (`X-Hazardflow-Signature: sha256=<hex>`) and carrying
 * the notification's stable id as `Idempotency-Key`, so a receiver that gets it twice (the
 * outbox delivers at least once) keeps one. docs/notifications.md walks through it.
 */
import { createHmac } from 'node:crypto';
import type { DeliverHandler } from '@hazardflow/engine';

export interface WebhookOptions {
  url: string;
  /** Shared with the receiver, which recomputes the signature. */
  secret: string;
  /** A request slower than this fails (and is retried); default 10 s. */
  timeoutMs?: number;
}

/** The header value for `body`: what the receiver compares in constant time. */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** A `deliver` handler for `createEngine`: resolves with the receiver's answer as the receipt, throws on a non-2xx. */
export function createWebhookDeliver(options: WebhookOptions): DeliverHandler {
  return async (notification, _view, { attempt }) => {
    const body = JSON.stringify(notification);
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': notification.id,
        'x-hazardflow-signature': signatureOf(body, options.secret),
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!response.ok) throw new Error(`webhook ${options.url} answered ${response.status} (attempt ${attempt})`);
    return { status: response.status, attempt, answer: await response.text() };
  };
}
