import { defineConfig } from 'tsup';

/** ESM only: the CLI's own dependencies (Graphviz wasm, commander 14, tsx's import API) are ESM. */
export default defineConfig({
  entry: ['src/index.ts', 'src/bin.ts'],
  format: ['esm'],
  dts: { entry: 'src/index.ts' },
  sourcemap: true,
  clean: true,
  target: 'node20',
});
