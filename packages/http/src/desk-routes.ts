import type { Actor } from '@hazardflow/core';
import type { Context, Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';

/** Where `createHttpApp(engine, { desk: true })` serves the desk. */
export const DESK_PATH = '/desk';

/** A demo login the desk's login screen offers as a button (`/desk/demo-logins.json`): for demos and tests only. */
export interface DeskDemoLogin {
  /** The bearer token the application's `authenticate` accepts for this actor. */
  token: string;
  actor: Actor;
  label: { zh: string; en: string };
}

/** What `desk: { … }` may say beyond `desk: true`. */
export interface DeskOptions {
  /**
   * Published as `/desk/demo-logins.json` for the login screen's demo buttons. Never in
   * production: whoever reads the file can log in as these actors.
   */
  demoLogins?: readonly DeskDemoLogin[];
}

/**
 * Serves the desk's built files (`@hazardflow/desk`, its `dist/app`) under `/desk`, like
 * bull-board mounts its UI: `/desk` redirects to `/desk/`, a file is served with its content
 * type, and any other path that does not name a file (`/desk/cases/…`, a route of the app) gets
 * `index.html`. The desk needs no credentials to load; it asks for them and then calls the API.
 * Files are read on demand with `node:fs` (loaded only when the desk is asked for), so the rest
 * of the app stays a plain fetch handler.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its environment type
export function registerDeskRoutes(app: Hono<any, any, any>, options: DeskOptions = {}): void {
  const logins = options.demoLogins;
  if (logins) app.get(`${DESK_PATH}/demo-logins.json`, (c) => c.json({ logins }));
  app.get(DESK_PATH, (c) => c.redirect(`${DESK_PATH}/`));
  app.get(`${DESK_PATH}/*`, (c) => serveDeskFile(c));
}

async function serveDeskFile(c: Context): Promise<Response> {
  const [{ readFile }, { resolve, sep }, { deskAssetsDir, DESK_INDEX_FILE }] = await Promise.all([
    import('node:fs/promises'),
    import('node:path'),
    import('@hazardflow/desk/assets'),
  ]);
  const root = deskAssetsDir();
  let wanted: string;
  try {
    wanted = decodeURIComponent(c.req.path.slice(DESK_PATH.length + 1));
  } catch {
    return c.text('not found', 404);
  }
  // No way out of the folder: no "..", no backslashes, no NUL; the resolved path is checked too.
  const unsafe = wanted.split('/').includes('..') || /[\\\0]/.test(wanted);
  const file = resolve(root, wanted === '' ? DESK_INDEX_FILE : wanted);
  if (unsafe || !(file === root || file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`))) {
    return c.text('not found', 404);
  }
  const body = await readFile(file).catch(() => undefined);
  if (body) return fileResponse(c, file, body, file.endsWith(DESK_INDEX_FILE) ? 'no-cache' : cacheFor(wanted));
  // A missing asset is a 404; any other path is a route of the single-page app.
  if (/\.[a-z0-9]+$/i.test(wanted)) return c.text('not found', 404);
  const index = await readFile(resolve(root, DESK_INDEX_FILE));
  return fileResponse(c, DESK_INDEX_FILE, index, 'no-cache');
}

/** Vite's `assets/` files carry a content hash in their names: cache them for good. */
function cacheFor(path: string): string {
  return path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function fileResponse(c: Context, name: string, body: Uint8Array, cacheControl: string): Response {
  const type = getMimeType(name) ?? 'application/octet-stream';
  const textual = /^text\/|javascript|json|svg/.test(type) && !type.includes('charset');
  return c.body(new Uint8Array(body), 200, {
    'content-type': textual ? `${type}; charset=utf-8` : type,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
  });
}
