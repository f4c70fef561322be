import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@hazardflow/source'] },
  ssr: { resolve: { conditions: ['@hazardflow/source'] } },
  test: {
    name: 'example-district-simulation',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
