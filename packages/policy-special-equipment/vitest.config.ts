import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@hazardflow/source'] },
  ssr: { resolve: { conditions: ['@hazardflow/source'] } },
  test: { name: 'policy-special-equipment', include: ['test/**/*.test.ts'] },
});
