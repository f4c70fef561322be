import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // The official holiday table from chinese-days is inlined at build time, so the
  // published package carries its calendar data and nothing else from that package.
  noExternal: ['chinese-days'],
});
