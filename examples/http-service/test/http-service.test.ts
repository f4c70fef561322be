import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKENS } from '../src/demo-tokens';
import { type RunningService, startService } from '../src/start-service';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The curl lines of the README's lifecycle block, as method, path, token and body. */
function lifecycleRequests() {
  const block = /## A whole lifecycle with curl[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.includes('curl '))
    .map((line) => {
      const method = /-X (\w+)/.exec(line)?.[1] ?? 'GET';
      const path = /\$HF(\S+)/.exec(line)?.[1] ?? '';
      const token = /Bearer ([\w-]+)/.exec(line)?.[1] ?? '';
      const body = /-d '([^']*)'/.exec(line)?.[1];
      return { method, path, token, body, capturesCase: line.startsWith('CASE=') };
    });
}

let folder: string;
let service: RunningService;
beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'hazardflow-http-service-'));
  service = await startService({ filename: join(folder, 'hazards.db'), port: 0, pollMs: 60_000 });
});
afterAll(async () => {
  await service.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('examples/http-service', () => {
  it("runs the README's lifecycle, line by line, over loopback HTTP to a closed case", async () => {
    const requests = lifecycleRequests();
    expect(requests.length).toBe(7);
    let caseId = '';
    type Answer = { status: number; body: { status?: string; case?: { id: string; status: string } } };
    let last: Answer | undefined;
    for (const request of requests) {
      const response = await fetch(`${service.url}${request.path.replace('$CASE', caseId)}`, {
        method: request.method,
        headers: {
          authorization: `Bearer ${request.token}`,
          ...(request.body ? { 'content-type': 'application/json' } : {}),
        },
        ...(request.body ? { body: request.body } : {}),
      });
      const answer: Answer = { status: response.status, body: (await response.json()) as Answer['body'] };
      expect(answer.status, JSON.stringify(answer.body)).toBeLessThan(300);
      if (request.capturesCase) caseId = answer.body.case?.id ?? '';
      last = answer;
    }
    expect(last?.body.status).toBe('closed');

    const history = await fetch(`${service.url}/cases/${caseId}/history/verification`, {
      headers: { authorization: 'Bearer demo-command' },
    });
    expect(await history.json()).toEqual({ ok: true, length: 6 });
    const west = await fetch(`${service.url}/cases/${caseId}`, { headers: { authorization: 'Bearer demo-grid-west' } });
    expect(west.status).toBe(404);
    expect(west.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves the three packs, the contract and the reference page', async () => {
    const packs = await fetch(`${service.url}/packs`, { headers: { authorization: 'Bearer demo-command' } });
    expect(((await packs.json()) as { packs: { id: string }[] }).packs.map((p) => p.id)).toEqual([
      'fire',
      'building',
      'traffic',
    ]);
    expect((await fetch(`${service.url}/openapi.json`)).status).toBe(200);
    expect((await fetch(`${service.url}/reference`)).status).toBe(200);
    expect((await fetch(`${service.url}/cases`)).status).toBe(401);
  });

  it('documents every demo token', () => {
    for (const token of Object.keys(DEMO_TOKENS)) expect(readme).toContain(`\`${token}\``);
  });
});
