import { fileURLToPath } from 'node:url';

/**
 * Where the desk's built files are, for a server that serves them (the SPA itself has no
 * server code). `createHttpApp(engine, { desk: true })` of `@hazardflow/http` serves this folder
 * under `/desk`, with `index.html` for any path that is not a file; another server can do the same:
 *
 * ```ts
 * import { deskAssetsDir } from '@hazardflow/desk/assets';
 * app.use('/desk/*', serveStatic({ root: deskAssetsDir(), rewriteRequestPath: (p) => p.replace(/^\/desk/, '') }));
 * ```
 */
export function deskAssetsDir(): string {
  return fileURLToPath(deskAssetsUrl());
}

/** The same folder as a `file:` URL (ends with a slash). */
export function deskAssetsUrl(): URL {
  // src/assets.ts and dist/assets.js are both one level below the package root.
  return new URL('../dist/app/', import.meta.url);
}

/** The file served for the desk's root and for any path that is not an asset. */
export const DESK_INDEX_FILE = 'index.html';
