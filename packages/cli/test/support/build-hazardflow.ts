import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `hazardflow` executable built from this checkout's sources for this test run. */
    hazardflowBin: string;
  }
}

const PACKAGE = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Left to the runtime, as in the published package: the native SQLite binding, tsx (it starts
 * loader threads from its own files) and Graphviz (a megabyte of inlined wasm, loaded on demand).
 */
const EXTERNAL = ['better-sqlite3', 'tsx', '@hpcc-js/wasm-graphviz'];
/** Everything else is bundled, whatever tsup would leave out for the package.json it finds in the cwd. */
const NOT_EXTERNAL = new RegExp(`^(?!(${EXTERNAL.join('|')})(/|$))`);

/**
 * Vitest global setup: builds `src/bin.ts` once per run with tsup, the tool that builds
 * `dist/`, so every test starts the real binary without the repository having been built.
 * The workspace packages are bundled from their sources (`@hazardflow/source`); so are the
 * other JavaScript dependencies, which the CLI's own node_modules do not all hold under pnpm.
 *
 * Why not `node --import tsx src/bin.ts`: tsx compiles and resolves every module through its
 * loader on each start, about 1.3 s of CPU per run against 0.4 s for the bundle, and the CLI
 * tests start the binary some 60 times.
 *
 * The output lives under `node_modules/.cache` inside this package, so the modules left
 * external resolve as they would from `dist/`, and is removed when the run ends.
 */
export default async function buildHazardflow(project: TestProject): Promise<() => Promise<void>> {
  const cache = join(PACKAGE, 'node_modules/.cache/hazardflow-cli-test');
  await mkdir(cache, { recursive: true });
  const outDir = await mkdtemp(join(cache, 'bin-'));
  await build({
    config: false,
    entry: { bin: join(PACKAGE, 'src/bin.ts') },
    outDir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    noExternal: [NOT_EXTERNAL],
    // CommonJS dependencies bundled into ESM still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    esbuildOptions(options) {
      options.conditions = ['@hazardflow/source'];
    },
    silent: true,
  });
  project.provide('hazardflowBin', join(outDir, 'bin.js'));
  return () => rm(outDir, { recursive: true, force: true });
}
