import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // The driver stays the application's: one copy of pg (and its pool) per process, never bundled.
  external: ['pg'],
});
