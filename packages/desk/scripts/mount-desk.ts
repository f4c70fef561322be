import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { deskAssetsDir } from '../src/assets';

/** A demo login published beside the desk (`/desk/demo-logins.json`): for demos and tests only. */
export interface DemoLogin {
  token: string;
  actor: { id: string; role: string; org?: string | undefined };
  label: { zh: string; en: string };
}

/**
 * Mounts the built desk on a Hono app (an @hazardflow/http app included) under `/desk`:
 * the files of `deskAssetsDir()`, and `index.html` for any other path under it. These are the
 * lines @hazardflow/http's `desk` option is to run; `logins`, when given, are published as
 * `/desk/demo-logins.json` for the login screen's demo buttons.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its environment type
export function mountDesk(app: Hono<any, any, any>, options: { logins?: readonly DemoLogin[] } = {}): void {
  const logins = options.logins;
  if (logins) app.get('/desk/demo-logins.json', (c) => c.json({ logins }));
  const root = deskAssetsDir();
  app.get('/desk', (c) => c.redirect('/desk/'));
  app.use('/desk/*', serveStatic({ root, rewriteRequestPath: (path) => path.replace(/^\/desk/, '') }));
  app.get('/desk/*', serveStatic({ root, path: 'index.html' }));
}
