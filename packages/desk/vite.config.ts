import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The desk builds to `dist/app` with relative asset paths (`base: './'`), so the same files
 * work wherever @hazardflow/http mounts them (`/desk`, `/api/desk`, …). In development
 * (`pnpm --filter @hazardflow/desk dev`) API calls go to HAZARDFLOW_API (default
 * http://127.0.0.1:3000) through Vite's proxy.
 */
const api = process.env.HAZARDFLOW_API ?? 'http://127.0.0.1:3000';
const apiPaths = ['/cases', '/packs', '/assessment', '/events', '/openapi.json', '/me'];

export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: { proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: api, changeOrigin: true }])) },
});
