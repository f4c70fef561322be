import { defineProject } from 'vitest/config';

/**
 * The browser tests drive Chromium over a real HTTP server: one file at a time, with room
 * for a loaded 2-core machine (every wait is on a selector or a condition, never a sleep).
 */
export default defineProject({
  resolve: { conditions: ['@hazardflow/source'] },
  ssr: { resolve: { conditions: ['@hazardflow/source'] } },
  test: {
    name: 'desk',
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
