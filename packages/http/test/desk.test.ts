import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deskAssetsDir, deskAssetsUrl } from '@hazardflow/desk/assets';
import { createEngine, createMemoryStore } from '@hazardflow/engine';
import { createHttpApp } from '@hazardflow/http';
import { firePack } from '@hazardflow/policy-fire';
import { beforeAll, describe, expect, it } from 'vitest';
import { people } from './support';

/** The desk's files come from its build; a fresh checkout builds it once (CI builds first). */
function ensureDeskBuilt(): void {
  if (existsSync(`${deskAssetsDir()}/index.html`)) return;
  const deskPackage = fileURLToPath(new URL('../../', deskAssetsUrl()));
  execFileSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], { cwd: deskPackage, stdio: 'inherit' });
}

const engine = createEngine({ packs: [firePack], store: createMemoryStore() });
const authenticate = (request: Request) =>
  request.headers.get('authorization') === 'Bearer t' ? people.command : null;
const login = { token: 't', actor: people.command, label: { zh: '值班员', en: 'Duty officer' } };

describe('createHttpApp(engine, { desk: true })', () => {
  beforeAll(() => ensureDeskBuilt(), 240_000);

  it('serves index.html under /desk, for the root and for any route of the app', async () => {
    const app = createHttpApp(engine, { authenticate, desk: true });
    const redirect = await app.request('/desk');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/desk/');
    for (const path of ['/desk/', '/desk/cases/01ABC', '/desk/some/deep/route']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(await response.text(), path).toContain('<div id="root"></div>');
    }
  });

  it('serves the scripts and styles the page loads, with their content types, and 404 for a missing file', async () => {
    const app = createHttpApp(engine, { authenticate, desk: true });
    const html = await (await app.request('/desk/')).text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    const style = /href="\.\/(assets\/[^"]+\.css)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const js = await app.request(`/desk/${script}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript; charset=utf-8$|^application\/javascript/);
    expect(js.headers.get('cache-control')).toContain('immutable');
    if (style) expect((await app.request(`/desk/${style}`)).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await app.request('/desk/assets/nothing-here.js')).status).toBe(404);
  });

  it('never serves a file outside the desk, and needs no credentials for the desk while the API still does', async () => {
    const app = createHttpApp(engine, { authenticate, desk: true });
    for (const path of [
      '/desk/../package.json',
      '/desk/%2e%2e/package.json',
      '/desk/assets/%2e%2e%2f..%2fpackage.json',
    ]) {
      const response = await app.request(path);
      expect(await response.text(), path).not.toContain('"name": "@hazardflow/desk"');
    }
    expect((await app.request('/cases')).status).toBe(401);
    expect((await app.request('/cases', { headers: { authorization: 'Bearer t' } })).status).toBe(200);
  });

  it('publishes demo logins only when given, and has no /desk at all without the option', async () => {
    const demo = createHttpApp(engine, { authenticate, desk: { demoLogins: [login] } });
    expect(await (await demo.request('/desk/demo-logins.json')).json()).toEqual({ logins: [login] });
    const plain = createHttpApp(engine, { authenticate, desk: true });
    expect((await plain.request('/desk/demo-logins.json')).status).toBe(404);
    const without = createHttpApp(engine, { authenticate });
    for (const path of ['/desk', '/desk/', '/desk/index.html']) {
      const response = await without.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toMatch(/problem\+json/);
    }
  });
});
