import { createPostgresStore } from '@hazardflow/store-postgres';
import { runStoreConformance } from '@hazardflow/testing/vitest';
import { afterAll } from 'vitest';
import { describeWithServer, dropSchemas, freshSchema } from './support/database';

describeWithServer('PostgreSQL store', (url) => {
  // Every test of the suite gets its own freshly migrated schema, dropped at the end.
  const schemas: string[] = [];
  afterAll(() => dropSchemas(url, schemas));

  runStoreConformance(
    () => {
      const schema = freshSchema('hfconf');
      schemas.push(schema);
      return createPostgresStore({ connectionString: url, schema, poolSize: 4 });
    },
    { name: 'PostgreSQL store' },
  );
});
