import { defineConfig } from 'vitest/config';

/**
 * One vitest project per package and example. Workspace packages resolve to their
 * TypeScript sources through the `@hazardflow/source` export condition, so tests run
 * straight after `pnpm install` with no build step.
 */
const sourceCondition = ['@hazardflow/source'];

export default defineConfig({
  resolve: { conditions: sourceCondition },
  ssr: { resolve: { conditions: sourceCondition } },
  test: {
    projects: ['packages/*', 'examples/*'],
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      reportsDirectory: 'coverage',
    },
  },
});
