import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@hazardflow/source'] },
  ssr: { resolve: { conditions: ['@hazardflow/source'] } },
  test: { name: 'example-http-service', include: ['test/**/*.test.ts'] },
});
