import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeskServer, startDeskServer } from '../scripts/desk-server';
import { ensureDeskBuilt } from '../scripts/ensure-built';
import { loadHttpModules } from '../scripts/load-http';

/** `createHttpApp(engine, { desk: { demoLogins } })` on a real Node server: what `pnpm desk` and the browser tests run. */
describe('the desk served by @hazardflow/http', () => {
  let server: DeskServer;
  const login = { token: 't', actor: { id: 'a', role: 'command' }, label: { zh: '甲', en: 'A' } };
  beforeAll(async () => {
    ensureDeskBuilt();
    const modules = await loadHttpModules();
    if ('missing' in modules) throw new Error(modules.missing);
    const engine = modules.createEngine({ packs: modules.packs, store: modules.createMemoryStore() });
    const app = modules.createHttpApp(engine, {
      packs: modules.packs,
      authenticate: () => null,
      desk: { demoLogins: [login] },
    });
    server = await startDeskServer({ app });
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

  it('publishes the demo logins and leaves every other path to the API', async () => {
    expect(await (await fetch(`${server.base}/desk/demo-logins.json`)).json()).toEqual({ logins: [login] });
    expect((await fetch(`${server.base}/cases?limit=1`)).status).toBe(401);
    expect((await fetch(`${server.base}/elsewhere`)).status).toBe(404);
  });
});
