import { defineConfig } from 'tsup';

/** Only the tiny server-side entry is built by tsup; the SPA itself is Vite's (dist/app). */
export default defineConfig({
  entry: ['src/assets.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: false,
  shims: true,
  target: 'node20',
});
