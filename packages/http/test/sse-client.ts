/** One Server-Sent Event as a client reads it; `comment` for `: …` lines (heartbeats). */
export interface SseEvent {
  event?: string;
  id?: string;
  data?: string;
  comment?: string;
}

/**
 * Reads a `text/event-stream` over real HTTP. `next(match)` resolves with the first event
 * (seen so far or still to come) that matches, so tests wait on what arrives, not on time.
 */
export async function openEventStream(url: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (!response.body) throw new Error('no body');
  const seen: SseEvent[] = [];
  const waiters: { match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) event.comment = line.slice(1).trim();
            const [, field, text = ''] = /^(event|id|data): ?(.*)$/.exec(line) ?? [];
            if (field === 'event' || field === 'id') event[field] = text;
            if (field === 'data') event.data = event.data === undefined ? text : `${event.data}\n${text}`;
          }
          seen.push(event);
          for (const waiter of [...waiters]) {
            if (waiter.match(event)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    seen,
    next(match: (e: SseEvent) => boolean): Promise<SseEvent> {
      const found = seen.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

/** The parsed `data` of an event. */
// biome-ignore lint/suspicious/noExplicitAny: event payloads are read loosely in tests
export const dataOf = (event: SseEvent): any => JSON.parse(event.data ?? 'null');
