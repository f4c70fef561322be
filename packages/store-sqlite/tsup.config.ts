import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // A native addon: it is loaded from the application's node_modules, never bundled.
  external: ['better-sqlite3'],
});
