import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskServer, startDeskServer } from '../scripts/desk-server';
import { ensureDeskBuilt } from '../scripts/ensure-built';

/** `mountDesk` on a Hono app: the mount `pnpm desk` and the browser tests use, and the one @hazardflow/http is to run. */
describe('serving the desk beside the API', () => {
  let server: DeskServer;
  beforeAll(async () => {
    ensureDeskBuilt();
    const api = new Hono();
    api.get('/cases', (c) => c.text(`api ${c.req.path}`));
    api.notFound((c) => c.text('no route', 404));
    server = await startDeskServer({
      app: api,
      logins: [{ token: 't', actor: { id: 'a', role: 'command' }, label: { zh: '甲', en: 'A' } }],
    });
  });
  afterAll(() => server?.close());

  it('serves index.html at /desk/ and for any path under it that is not a file', async () => {
    for (const path of ['/desk/', '/desk/cases/01ABC', '/desk/some/deep/path']) {
      const response = await fetch(`${server.base}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(/text\/html/);
      expect(await response.text(), path).toContain('<div id="root"></div>');
    }
    expect((await fetch(`${server.base}/desk`, { redirect: 'manual' })).headers.get('location')).toBe('/desk/');
  });

  it('serves the built scripts the page loads', async () => {
    const html = await (await fetch(`${server.base}/desk/`)).text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const response = await fetch(`${server.base}/desk/${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
  });

  it('publishes the demo logins and leaves every other path to the app', async () => {
    expect(await (await fetch(`${server.base}/desk/demo-logins.json`)).json()).toEqual({
      logins: [{ token: 't', actor: { id: 'a', role: 'command' }, label: { zh: '甲', en: 'A' } }],
    });
    expect(await (await fetch(`${server.base}/cases?limit=1`)).text()).toBe('api /cases');
    expect((await fetch(`${server.base}/elsewhere`)).status).toBe(404);
  });
});
