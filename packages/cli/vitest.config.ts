import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@hazardflow/source'] },
  ssr: { resolve: { conditions: ['@hazardflow/source'] } },
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    // Builds the binary the tests run, once per run (no `pnpm build` needed).
    globalSetup: ['test/support/build-hazardflow.ts'],
    // The tests start the real binary as child processes; give them time on a loaded machine.
    testTimeout: 60_000,
  },
});
